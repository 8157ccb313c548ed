// Regularised incomplete beta I_x(a, b) and its inverse.
// I_x: continued fraction evaluated by the modified Lentz method, on the side
// of the mean where it converges fast (I_x(a,b) = 1 − I_{1−x}(b,a)).
// Inverse: Newton steps safeguarded by a bracket and bisection, solving for
// whichever of x and 1 − x is below ½, to a relative step below 1e-14.
// Cannot: huge a or b (> ~1e6: the fraction needs ~√max(a,b) terms and stops
// at 10 000), nor relative precision for quantiles within 1e-16 of 1.
import { logBeta } from './log-gamma.js';

const TINY = 1e-300;
const EPS = 1e-16;
const MAX_TERMS = 10_000;

/** Continued fraction for I_x(a,b)·a·B(a,b)/(x^a (1-x)^b) (Numerical Recipes' betacf). */
function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** I_x(a, b) for a, b > 0 and x in [0, 1]. */
export function regularizedBeta(x: number, a: number, b: number, lnB = logBeta(a, b)): number {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) return Number.NaN;
  if (x === 0) return 0;
  if (x === 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** Starting point for the inverse (Numerical Recipes 3rd ed., invbetai). */
function initialGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) x = -x;
    const al = (x * x - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (x * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  return p < t / w ? (a * w * p) ** (1 / a) : 1 - (b * w * (1 - p)) ** (1 / b);
}

/** x with I_x(a, b) = p, for p in [0, 1]. */
export function inverseRegularizedBeta(p: number, a: number, b: number, lnB = logBeta(a, b)): number {
  if (!(a > 0 && b > 0) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  // Solve for whichever of x and 1 − x is below ½, where doubles are dense:
  // if x > ½, x = 1 − y with I_y(b, a) = 1 − p.
  return p <= regularizedBeta(0.5, a, b, lnB)
    ? solveBelowHalf(p, a, b, lnB)
    : 1 - solveBelowHalf(1 - p, b, a, lnB);
}

/** Safeguarded Newton for I_x(a, b) = p, knowing that x ≤ ½. */
function solveBelowHalf(p: number, a: number, b: number, lnB: number): number {
  let lo = 0;
  let hi = 0.5;
  let x = initialGuess(p, a, b);
  if (!(x > lo && x < hi)) x = 0.25;
  for (let iter = 0; iter < 300; iter++) {
    const f = regularizedBeta(x, a, b, lnB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-14 * next || hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  return x;
}
