// Code generation for checked formula trees: JavaScript source calling the
// helpers of formula-runtime.ts. Needs a parsed mathjs tree (types only here).
import type {
  ConditionalNode,
  ConstantNode,
  FunctionNode,
  MathNode,
  OperatorNode,
  ParenthesisNode,
  SymbolNode,
} from 'mathjs';
import { CONSTANTS } from './formula-check.js';
import { RUNTIME_NAMES } from './formula-runtime.js';

const COMPARE: Readonly<Record<string, string>> = {
  smaller: 'lt',
  smallerEq: 'le',
  larger: 'gt',
  largerEq: 'ge',
  equal: 'eq',
  unequal: 'ne',
};
const ARITHMETIC: Readonly<Record<string, string>> = { add: '+', subtract: '-', multiply: '*', divide: '/' };

const literal = (v: number): string =>
  Number.isNaN(v)
    ? '(0 / 0)'
    : Object.is(v, -0)
      ? '(-0)'
      : `(${v === Infinity ? '1 / 0' : v === -Infinity ? '-1 / 0' : v})`;

/** JS source for a checked node; every result is parenthesised, so the tree's structure is kept. */
function emit(node: MathNode, params: ReadonlyMap<string, string>): string {
  const sub = (child: MathNode) => emit(child, params);
  switch (node.type) {
    case 'ConstantNode':
      return literal((node as ConstantNode).value as number);
    case 'SymbolNode': {
      const name = (node as SymbolNode).name;
      return params.get(name) ?? literal(CONSTANTS[name]!);
    }
    case 'ParenthesisNode':
      return sub((node as ParenthesisNode).content);
    case 'ConditionalNode': {
      const { condition, trueExpr, falseExpr } = node as ConditionalNode;
      return `(${sub(condition)} ? ${sub(trueExpr)} : ${sub(falseExpr)})`;
    }
    case 'OperatorNode': {
      const { fn, args } = node as OperatorNode;
      const [a, b] = args.map(sub);
      if (ARITHMETIC[fn]) return `(${a} ${ARITHMETIC[fn]} ${b})`;
      if (COMPARE[fn]) return `${COMPARE[fn]}(${a}, ${b})`;
      if (fn === 'pow') return `pow(${a}, ${b})`;
      if (fn === 'unaryMinus') return `(-${a})`;
      if (fn === 'unaryPlus') return `${a}`;
      if (fn === 'and') return `(${a} && ${b} ? 1 : 0)`; // short-circuits like mathjs's lazy and/or
      if (fn === 'or') return `(${a} || ${b} ? 1 : 0)`;
      if (fn === 'not') return `(${a} ? 0 : 1)`;
      break;
    }
    case 'FunctionNode': {
      const { fn, args } = node as FunctionNode;
      const a = args.map(sub);
      const name = (fn as SymbolNode).name;
      if (name === 'min' || name === 'max') return a.reduce((m, v) => `${name}2(${m}, ${v})`);
      if (name === 'clamp') return `min2(max2(${a[0]}, ${a[1]}), ${a[2]})`;
      if (name === 'logistic') return `(1 / (1 + exp(-${a[0]})))`;
      if (name === 'log' && a.length === 2) return `(log(${a[0]}) / log(${a[1]}))`;
      if (RUNTIME_NAMES.includes(name)) return `${name}(${a.join(', ')})`;
      break;
    }
  }
  throw new Error(`formula codegen: unchecked ${node.type}`);
}

/** JS source of the formula function; variables become parameters v0, v1, … in the order of `vars`. */
export function generateSource(root: MathNode, vars: readonly string[]): string {
  const params = new Map<string, string>();
  vars.forEach((name, i) => {
    if (!params.has(name)) params.set(name, `v${i}`);
  });
  const body = emit(root, params);
  const paramList = vars.map((_, i) => `v${i}`).join(', ');
  return `function formula(${paramList}) { return ${body}; }`;
}
