// Turns generated formula source into a function, with the runtime helpers
// that reproduce mathjs's number semantics (config `predictable: true`,
// relTol 1e-12, absTol 1e-15). Imports no mathjs: a worker or a command with
// every formula cached instantiates sources without loading the compiler.

/** A compiled formula: the declared variables, positionally. */
export type CompiledFormula = (...args: number[]) => number;

/**
 * Bump whenever generated source, the allowlist or the runtime helpers change
 * meaning: cached sources of another version are compiled again.
 */
export const FORMULA_COMPILER_VERSION = 1;

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
function mathjsPow(x: number, y: number): number {
  if (x < 0 && Number.isFinite(y) && y !== Math.round(y)) return negativePow(x, y);
  if ((x < -1 && y === Infinity) || (x > -1 && x < 0 && y === -Infinity)) return NaN;
  if ((x * x < 1 && y === Infinity) || (x * x > 1 && y === -Infinity)) return 0;
  return mathPow(x, y);
}

// Powers repeat: a run's tariff factors (1 + τ)^-ε take a handful of values. A
// direct-mapped memo of the last result per slot; a NaN key never matches, and
// x = 0 (where -0 and 0 differ) is never stored, so a hit is always the same call.
const MEMO_SLOTS = 256;
const memoX = new Float64Array(MEMO_SLOTS).fill(Number.NaN);
const memoY = new Float64Array(MEMO_SLOTS).fill(Number.NaN);
const memoValue = new Float64Array(MEMO_SLOTS);

/** The slot of (x, y): fixed-point bits of both, mixed (Fibonacci hashing), top 8 bits. */
const memoSlot = (x: number, y: number): number =>
  Math.imul(((x * 1048576) | 0) ^ Math.imul((y * 1048576) | 0, 0x9e3779b1), 0x85ebca6b) >>> 24;

// Kept small, so that it and the formulas calling it inline into the engine's loops.
function pow(x: number, y: number): number {
  const slot = memoSlot(x, y);
  return memoX[slot] === x && memoY[slot] === y ? memoValue[slot]! : powMiss(x, y, slot);
}

function powMiss(x: number, y: number, slot: number): number {
  // 1 to any finite power is exactly 1 (a tariff of 0), without Math.pow.
  const v = x === 1 && Number.isFinite(y) ? 1 : mathjsPow(x, y);
  if (x !== 0) {
    memoX[slot] = x;
    memoY[slot] = y;
    memoValue[slot] = v;
  }
  return v;
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
export const RUNTIME = {
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

/** Names generated code may call: the keys of RUNTIME. */
export const RUNTIME_NAMES: readonly string[] = Object.freeze(Object.keys(RUNTIME));

const PREAMBLE = `'use strict'; const { ${RUNTIME_NAMES.join(', ')} } = rt; return `;

// One function per distinct source, so formulas shared by many dependencies stay one call target.
const instances = new Map<string, CompiledFormula>();
const sources = new WeakMap<CompiledFormula, string>();

/**
 * The function of a generated source (`function formula(v0, …) { … }`), built
 * once per source and process. Only sources made by generateSource may be given.
 */
export function instantiateFormula(source: string): CompiledFormula {
  let fn = instances.get(source);
  if (!fn) {
    fn = new Function('rt', PREAMBLE + source)(RUNTIME) as CompiledFormula;
    instances.set(source, fn);
    sources.set(fn, source);
  }
  return fn;
}

/** The source a function was instantiated from, or undefined for other functions (hand-written ones). */
export const sourceOfFormula = (fn: unknown): string | undefined =>
  typeof fn === 'function' ? sources.get(fn as CompiledFormula) : undefined;
