// Allowlist check of a parsed mathjs tree. Collects every problem; only checked trees reach codegen.
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs';
import type { FormulaError } from './formula.js';

/** Deepest allowed nesting: one level per node, except left operands of left-associative operators. */
export const MAX_DEPTH = 64;

/** Allowed functions with their [min, max] argument counts. */
export const FUNCTION_ARITY: Readonly<Record<string, readonly [number, number]>> = {
  min: [1, Infinity],
  max: [1, Infinity],
  abs: [1, 1],
  exp: [1, 1],
  log: [1, 2],
  sqrt: [1, 1],
  pow: [2, 2],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 1],
  sign: [1, 1],
  clamp: [3, 3],
  tanh: [1, 1],
  logistic: [1, 1],
};

const ALLOWED = Object.keys(FUNCTION_ARITY);

/** Allowed OperatorNode functions with their arity. */
export const OPERATOR_ARITY: Readonly<Record<string, number>> = {
  add: 2,
  subtract: 2,
  multiply: 2,
  divide: 2,
  pow: 2,
  unaryMinus: 1,
  unaryPlus: 1,
  smaller: 2,
  smallerEq: 2,
  larger: 2,
  largerEq: 2,
  equal: 2,
  unequal: 2,
  and: 2,
  or: 2,
  not: 1,
};

/** Symbols usable without declaration (a declared variable of the same name wins, as in mathjs scope). */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

const OPERATORS_TEXT = '+ - * / ^ < <= > >= == != and or not';
const FORBIDDEN: Readonly<Record<string, string>> = {
  AssignmentNode: 'assignment is not allowed in a formula',
  FunctionAssignmentNode: 'function definitions are not allowed',
  AccessorNode: 'property access is not allowed',
  IndexNode: 'property access is not allowed',
  ArrayNode: 'arrays and matrices are not allowed',
  ObjectNode: 'objects are not allowed',
  BlockNode: 'multiple statements are not allowed (found ";" or a line break)',
  RangeNode: 'ranges (a:b) are not allowed',
  RelationalNode: 'chained comparisons are not allowed (write (a < b) and (b < c))',
};

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    const row = d[i]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/** Closest candidate within distance 2 and at most half of either length ("rr" does not suggest "r"). */
function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = 3;
  for (const c of candidates) {
    const dist = editDistance(name, c);
    if (dist < bestDist && dist <= Math.min(c.length, name.length) / 2) [best, bestDist] = [c, dist];
  }
  return best;
}

/** Quoted name, shortened so a message stays one readable line. */
const q = (name: string): string => `"${name.length > 40 ? `${name.slice(0, 39)}…` : name}"`;

const listOf = (names: readonly string[]): string =>
  names.length === 0 ? 'none' : names.length <= 12 ? names.join(', ') : `${names.slice(0, 12).join(', ')}, …`;

function childrenOf(node: MathNode): MathNode[] {
  const out: MathNode[] = [];
  node.forEach((child) => {
    out.push(child);
  });
  return out;
}

export interface CheckResult {
  errors: FormulaError[];
  /** Declared variables the formula references, in order of first use. */
  symbols: string[];
}

export function checkTree(root: MathNode, vars: readonly string[]): CheckResult {
  const declared = new Set(vars);
  const errors = new Map<string, FormulaError>();
  const used = new Set<string>();
  const report = (code: FormulaError['code'], message: string) => {
    if (!errors.has(message)) errors.set(message, { code, message });
  };

  const checkSymbol = (name: string) => {
    if (declared.has(name)) used.add(name);
    else if (Object.hasOwn(CONSTANTS, name)) return;
    else if (Object.hasOwn(FUNCTION_ARITY, name)) {
      report('formula/unknown-symbol', `${q(name)} is a function, not a variable; call it like ${name}(…)`);
    } else {
      const hint = didYouMean(name, vars);
      report(
        'formula/unknown-symbol',
        hint
          ? `unknown symbol ${q(name)} — did you mean ${q(hint)}?`
          : `unknown symbol ${q(name)} (allowed: ${listOf(vars)})`,
      );
    }
  };

  const checkCall = (node: FunctionNode) => {
    if (node.fn.type !== 'SymbolNode') {
      report('formula/forbidden-node', 'only named functions can be called');
      return;
    }
    const name = (node.fn as SymbolNode).name;
    const arity = Object.hasOwn(FUNCTION_ARITY, name) ? FUNCTION_ARITY[name] : undefined;
    if (declared.has(name)) {
      report('formula/unknown-function', `${q(name)} is a variable, not a function`);
    } else if (!arity) {
      const hint = didYouMean(name, ALLOWED);
      report(
        'formula/unknown-function',
        hint
          ? `function ${q(name)} is not allowed — did you mean ${q(hint)}?`
          : `function ${q(name)} is not allowed (allowed: ${ALLOWED.join(', ')})`,
      );
    } else if (node.args.length < arity[0] || node.args.length > arity[1]) {
      const [lo, hi] = arity;
      const expected = lo === hi ? `${lo}` : hi === Infinity ? `at least ${lo}` : `${lo} to ${hi}`;
      report(
        'formula/unknown-function',
        `function ${q(name)} takes ${expected} argument${lo === 1 && hi !== 2 ? '' : 's'}, got ${node.args.length}`,
      );
    }
  };

  let tooDeep = false;
  /** Reports problems of `node` itself and returns the children to check, with their depth. */
  const inspect = (node: MathNode, depth: number): [MathNode, number][] => {
    const deeper = (nodes: readonly MathNode[]) => nodes.map((c): [MathNode, number] => [c, depth + 1]);
    switch (node.type) {
      case 'ConstantNode': {
        const value: unknown = (node as ConstantNode).value;
        if (typeof value === 'string') report('formula/forbidden-node', 'strings are not allowed');
        else if (typeof value === 'boolean')
          report('formula/forbidden-node', 'booleans are not allowed (use 1 or 0)');
        else if (typeof value !== 'number')
          report('formula/forbidden-node', `"${String(value)}" is not allowed`);
        return [];
      }
      case 'SymbolNode':
        checkSymbol((node as SymbolNode).name);
        return [];
      case 'ParenthesisNode':
        return deeper([(node as ParenthesisNode).content]);
      case 'ConditionalNode':
        return deeper(childrenOf(node));
      case 'OperatorNode': {
        const op = node as OperatorNode;
        if (!Object.hasOwn(OPERATOR_ARITY, op.fn) || OPERATOR_ARITY[op.fn] !== op.args.length) {
          report('formula/forbidden-node', `operator "${op.op}" is not allowed (allowed: ${OPERATORS_TEXT})`);
        }
        // A left-associative chain such as a + b - c is flat in the source: its left operand adds no level.
        const [left, ...rest] = op.args;
        return left && rest.length === 1 && op.fn !== 'pow'
          ? [[left, depth], ...deeper(rest)]
          : deeper(op.args);
      }
      case 'FunctionNode': {
        const call = node as FunctionNode;
        checkCall(call);
        return deeper(call.fn.type === 'SymbolNode' ? call.args : [call.fn, ...call.args]);
      }
      case 'AccessorNode':
        report('formula/forbidden-node', FORBIDDEN.AccessorNode!);
        return deeper([(node as unknown as { object: MathNode }).object]);
      case 'BlockNode':
      case 'RelationalNode':
        report('formula/forbidden-node', FORBIDDEN[node.type]!);
        return deeper(childrenOf(node));
      default:
        report('formula/forbidden-node', FORBIDDEN[node.type] ?? `${node.type} expressions are not allowed`);
        return [];
    }
  };
  const visit = (node: MathNode, depth: number): void => {
    if (depth > MAX_DEPTH) tooDeep = true;
    for (const [child, d] of inspect(node, depth)) visit(child, d);
  };
  visit(root, 1);
  if (tooDeep) report('formula/too-deep', `formula nests deeper than ${MAX_DEPTH} levels`);
  return { errors: [...errors.values()], symbols: [...used] };
}
