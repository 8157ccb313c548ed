// Code generation for checked formula trees, plus the runtime helpers that reproduce mathjs's number
// semantics (config `predictable: true`, relTol 1e-12, absTol 1e-15) without calling mathjs.
import type {
  ConditionalNode,
  ConstantNode,
  FunctionNode,
  MathNode,
  OperatorNode,
  ParenthesisNode,
  SymbolNode,
} from 'mathjs';
import type { CompiledFormula } from './formula.js';
import { CONSTANTS } from './formula-check.js';

// mathjs calls Math.pow; keep it (biome would turn a direct Math.pow call into **).
const mathPow = Math.pow;
const REL_TOL = 1e-12;
const ABS_TOL = 1e-15;

/** mathjs utils/number nearlyEqual. */
function near(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(REL_TOL * Math.max(Math.abs(a), Math.abs(b)), ABS_TOL);
}

const smaller = (a: number, b: number) => a < b && !near(a, b);
const larger = (a: number, b: number) => a > b && !near(a, b);

/** fraction.js 5 `new Fraction(p)` Farey walk for 0 < p < 1 (runs of equal steps done by bisection). */
function farey(p: number): [number, number] {
  const N = 10_000_000;
  let [a, b, c, d] = [0, 1, 1, 1];
  while (b <= N && d <= N) {
    const m = (a + c) / (b + d);
    if (p === m) return b + d <= N ? [a + c, b + d] : d > b ? [c, d] : [a, b];
    // The k-th mediant of a run is monotone in k, so find the first step that leaves the run.
    const right = p > m;
    let lo = 1;
    let hi = Math.floor((N - (right ? b : d)) / (right ? d : b)) + 1;
    while (lo < hi) {
      const k = Math.floor((lo + hi) / 2);
      const mk = right ? (a + (k + 1) * c) / (b + (k + 1) * d) : ((k + 1) * a + c) / ((k + 1) * b + d);
      if (right ? p <= mk : p >= mk) hi = k;
      else lo = k + 1;
    }
    if (right) [a, b] = [a + lo * c, b + lo * d];
    else [c, d] = [c + lo * a, d + lo * b];
  }
  return b > N ? [c, d] : [a, b];
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** mathjs pow for x < 0 and finite non-integer y: the real root when y is a fraction with odd denominator. */
function negativePow(x: number, y: number): number {
  let p = Math.abs(y);
  let z = 1;
  if (p >= 1) {
    z = 10 ** Math.floor(1 + Math.log10(p));
    p /= z;
  }
  const [fn, fd] = farey(p);
  let n = BigInt(fn) * BigInt(z);
  let d = BigInt(fd);
  const g = gcd(n, d);
  n /= g;
  d /= g;
  const yNum = (y < 0 ? -Number(n) : Number(n)) / Number(d);
  if ((y === yNum || Math.abs((y - yNum) / y) < 1e-14) && d % 2n === 1n) {
    return (n % 2n === 0n ? 1 : -1) * mathPow(-x, y);
  }
  return mathPow(x, y);
}

/** mathjs pow(number, number) with predictable: true. */
function pow(x: number, y: number): number {
  if (x < 0 && Number.isFinite(y) && y !== Math.round(y)) return negativePow(x, y);
  if ((x < -1 && y === Infinity) || (x > -1 && x < 0 && y === -Infinity)) return NaN;
  if ((x * x < 1 && y === Infinity) || (x * x > 1 && y === -Infinity)) return 0;
  return mathPow(x, y);
}

/** Round half away from zero, as mathjs's decimal toFixed(x, 0) does (`-0.4` gives -0, `-0` gives 0). */
function roundHalfAway(x: number): number {
  const a = Math.abs(x);
  const f = Math.floor(a);
  const r = a - f >= 0.5 ? f + 1 : f;
  return x < 0 ? -r : r;
}

/** mathjs roundNumber(x, 12): decimal rounding of the shortest representation String(x). */
function round12(x: number): number {
  const s = String(Math.abs(x));
  const dot = s.indexOf('.');
  if (dot < 0 || s.includes('e') || s.length - dot <= 13) return x;
  let n = BigInt(s.slice(0, dot) + s.slice(dot + 1, dot + 13));
  if (s.charCodeAt(dot + 13) >= 53) n += 1n; // digit >= '5'
  const t = n.toString().padStart(13, '0');
  const r = Number.parseFloat(`${t.slice(0, -12)}.${t.slice(-12)}`);
  return x < 0 ? -r : r;
}

/** mathjs round(x): pre-round to 12 decimals if nearly equal, then round half away from zero. */
function round(x: number): number {
  // Pre-rounding a value within 1e-15 of zero gives +0, whatever its sign (mathjs round(-3e-16) is 0).
  if (near(x, 0)) return 0;
  const a = Math.abs(x);
  // Pre-rounding moves x by < 3e-12, so it only matters right next to a half-integer.
  if (!(Math.abs(a - Math.floor(a) - 0.5) < 1e-9)) return roundHalfAway(x);
  const x12 = round12(x);
  return roundHalfAway(near(x, x12) ? x12 : x);
}

/** mathjs floor/ceil: snap to round(x) when x is nearly equal to it. */
function snap(x: number, f: number): number {
  const r = round(x);
  if (f === r) return f;
  return near(x, r) && !near(x, f) ? r : f;
}

/** Helpers visible to generated code; every value is a number (mathjs booleans become 1/0). */
const RUNTIME = {
  lt: (a: number, b: number) => (smaller(a, b) ? 1 : 0),
  le: (a: number, b: number) => (a <= b || near(a, b) ? 1 : 0),
  gt: (a: number, b: number) => (larger(a, b) ? 1 : 0),
  ge: (a: number, b: number) => (a >= b || near(a, b) ? 1 : 0),
  eq: (a: number, b: number) => (near(a, b) ? 1 : 0),
  ne: (a: number, b: number) => (near(a, b) ? 0 : 1),
  // mathjs min/max scan left to right: a NaN sticks, otherwise keep the running value unless strictly beaten.
  min2: (m: number, v: number) => (Number.isNaN(v) || smaller(v, m) ? v : m),
  max2: (m: number, v: number) => (Number.isNaN(v) || larger(v, m) ? v : m),
  pow,
  round,
  floor: (x: number) => snap(x, Math.floor(x)),
  ceil: (x: number) => snap(x, Math.ceil(x)),
  abs: Math.abs,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  sign: Math.sign,
  tanh: Math.tanh,
};

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
      if (Object.hasOwn(RUNTIME, name)) return `${name}(${a.join(', ')})`;
      break;
    }
  }
  throw new Error(`formula codegen: unchecked ${node.type}`);
}

/** Builds the formula function once; variables become parameters v0, v1, … in the order of `vars`. */
export function generate(root: MathNode, vars: readonly string[]): CompiledFormula {
  const params = new Map<string, string>();
  vars.forEach((name, i) => {
    if (!params.has(name)) params.set(name, `v${i}`);
  });
  const body = emit(root, params);
  const names = Object.keys(RUNTIME).join(', ');
  const paramList = vars.map((_, i) => `v${i}`).join(', ');
  const factory = new Function(
    'rt',
    `'use strict'; const { ${names} } = rt; return function formula(${paramList}) { return ${body}; };`,
  );
  return factory(RUNTIME) as CompiledFormula;
}
