// Formula compiler: the only module that loads mathjs, and only when a
// formula is compiled (a command whose formulas are all cached never loads
// it). mathjs parses; we check the tree against an allowlist and generate
// JavaScript source with mathjs's number semantics (formula-codegen.ts),
// which formula-runtime.ts turns into a function.
import { createRequire } from 'node:module';
import type { MathJsInstance, MathNode } from 'mathjs';
import { checkTree, FUNCTION_ARITY, MAX_DEPTH } from './formula-check.js';
import { generateSource } from './formula-codegen.js';
import { type CompiledFormula, instantiateFormula } from './formula-runtime.js';

export { type CompiledFormula, FORMULA_COMPILER_VERSION } from './formula-runtime.js';

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

export type CompileResult =
  | { ok: true; fn: CompiledFormula; symbols: string[] }
  | { ok: false; errors: FormulaError[] };

/** The compiler's answer as plain data (what the formula cache stores): source instead of a function. */
export type SourceResult =
  | { ok: true; source: string; symbols: string[] }
  | { ok: false; errors: FormulaError[] };

/** Function names a formula may call. */
export const ALLOWED_FUNCTIONS: readonly string[] = Object.freeze(Object.keys(FUNCTION_ARITY));

const MAX_LENGTH = 2000;

let parser: ((expr: string) => MathNode) | undefined;

/** mathjs's parser, loaded on first use (synchronously: zod refinements compile formulas). */
function mathjsParser(): (expr: string) => MathNode {
  if (!parser) {
    const { all, create } = createRequire(import.meta.url)('mathjs') as typeof import('mathjs');
    // `predictable: true` keeps sqrt/log/pow of negatives real (NaN or real root) instead of Complex.
    const math: MathJsInstance = create(all!, { predictable: true });
    parser = math.parse;
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
  }
  return parser;
}

/** Whether this process has loaded mathjs (for tests of the cache). */
export const compilerLoaded = (): boolean => parser !== undefined;

const failure = (code: FormulaError['code'], message: string): SourceResult => ({
  ok: false,
  errors: [{ code, message }],
});

function parseError(err: unknown): SourceResult {
  // mathjs's recursive-descent parser overflows the stack on very deep nesting.
  if (err instanceof RangeError)
    return failure('formula/too-deep', `formula nests deeper than ${MAX_DEPTH} levels`);
  const text = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return failure('formula/syntax', `syntax error: ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
}

/** Parses `src` once with mathjs, checks it, and returns the JavaScript source of its function. */
export function compileFormulaSource(src: string, vars: readonly string[]): SourceResult {
  if (src.length > MAX_LENGTH) {
    return failure('formula/too-long', `formula is ${src.length} characters long (max ${MAX_LENGTH})`);
  }
  if (src.trim() === '') return failure('formula/syntax', 'formula is empty');
  // Outside the try: failing to load mathjs is not a syntax error.
  const parse = mathjsParser();
  let root: MathNode;
  try {
    root = parse(src);
  } catch (err) {
    return parseError(err);
  }
  const { errors, symbols } = checkTree(root, vars);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, source: generateSource(root, vars), symbols };
}

/** A compiler answer with its source turned into a function. */
export const instantiateResult = (r: SourceResult): CompileResult =>
  r.ok ? { ok: true, fn: instantiateFormula(r.source), symbols: r.symbols } : r;

/** Parses, checks and compiles `src` into a plain JS function taking the declared variables positionally, in the order of `vars`. */
export function compileFormula(src: string, vars: readonly string[]): CompileResult {
  return instantiateResult(compileFormulaSource(src, vars));
}
