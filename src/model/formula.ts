// Formula compiler: the only module that imports mathjs. mathjs parses; we check the tree against an
// allowlist and generate a plain JS function with mathjs's number semantics (see formula-codegen.ts).
import { all, create, type MathNode } from 'mathjs';
import { checkTree, FUNCTION_ARITY, MAX_DEPTH } from './formula-check.js';
import { generate } from './formula-codegen.js';

export interface FormulaError {
  code:
    | 'formula/syntax'
    | 'formula/forbidden-node'
    | 'formula/unknown-function'
    | 'formula/unknown-symbol'
    | 'formula/too-deep'
    | 'formula/too-long';
  message: string;
}

export type CompiledFormula = (...args: number[]) => number;

export type CompileResult =
  | { ok: true; fn: CompiledFormula; symbols: string[] }
  | { ok: false; errors: FormulaError[] };

/** Function names a formula may call. */
export const ALLOWED_FUNCTIONS: readonly string[] = Object.freeze(Object.keys(FUNCTION_ARITY));

const MAX_LENGTH = 2000;

// `predictable: true` keeps sqrt/log/pow of negatives real (NaN or real root) instead of Complex.
const math = create(all!, { predictable: true });
const parse: (expr: string) => MathNode = math.parse;
const disabled = (name: string) => () => {
  throw new Error(`function ${name} is disabled`);
};
math.import(
  Object.fromEntries(
    [
      'import',
      'createUnit',
      'reviver',
      'evaluate',
      'parse',
      'simplify',
      'derivative',
      'resolve',
      'compile',
    ].map((name) => [name, disabled(name)]),
  ),
  { override: true },
);

const failure = (code: FormulaError['code'], message: string): CompileResult => ({
  ok: false,
  errors: [{ code, message }],
});

function parseError(err: unknown): CompileResult {
  // mathjs's recursive-descent parser overflows the stack on very deep nesting.
  if (err instanceof RangeError)
    return failure('formula/too-deep', `formula nests deeper than ${MAX_DEPTH} levels`);
  const text = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return failure('formula/syntax', `syntax error: ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
}

/** Parses `src` once with mathjs, checks it, and returns a plain JS function taking the declared variables positionally, in the order of `vars`. */
export function compileFormula(src: string, vars: readonly string[]): CompileResult {
  if (src.length > MAX_LENGTH) {
    return failure('formula/too-long', `formula is ${src.length} characters long (max ${MAX_LENGTH})`);
  }
  if (src.trim() === '') return failure('formula/syntax', 'formula is empty');
  let root: MathNode;
  try {
    root = parse(src);
  } catch (err) {
    return parseError(err);
  }
  const { errors, symbols } = checkTree(root, vars);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, fn: generate(root, vars), symbols };
}
