// Inverse CDFs (quantile functions) for the distributions of our YAML files:
// they map a design's u in [0, 1] to a value. `quantileFunction` does the
// per-distribution set-up once (sorting discrete values, ln B for beta), so
// call it once per factor and then once per point.
// u = 0 or 1 would give ±∞ for normal and lognormal; u is clamped into
// [2^-54, 1 − 2^-53] (about ±8.2 standard deviations), which matters for
// Morris grids that contain 0 and 1.
// A truncated normal or lognormal maps u into [F(lo), F(hi)] first (on the
// far side of the mean by symmetry, so that tail bounds keep their digits)
// and clamps the value into [lo, hi].
// Cannot: correlation between factors.
import type { Distribution } from '../../io/schemas/distribution.js';
import { inverseRegularizedBeta } from '../stats/incomplete-beta.js';
import { logBeta } from '../stats/log-gamma.js';
import { normalCdf } from '../stats/normal-cdf.js';
import { normalQuantile } from '../stats/normal-quantile.js';

const U_MIN = 2 ** -54;
const U_MAX = 1 - 2 ** -53;

export type QuantileFunction = (u: number) => number;

function clampUnit(u: number): number {
  if (!(u >= 0 && u <= 1)) throw new RangeError(`u must lie in [0, 1] (got ${u})`);
  return Math.min(Math.max(u, U_MIN), U_MAX);
}

export function triangularQuantile(u: number, min: number, mode: number, max: number): number {
  const range = max - min;
  const split = (mode - min) / range;
  if (u <= split) return min + Math.sqrt(u * range * (mode - min));
  return max - Math.sqrt((1 - u) * range * (max - mode));
}

/**
 * Values sorted ascending with cumulative weights; u picks the first value
 * whose cumulative share exceeds u, so a zero-weight value is never drawn.
 */
function discreteQuantile(values: readonly number[], weights?: readonly number[]): QuantileFunction {
  if (values.length === 0) throw new RangeError('discrete distribution without values');
  const w = weights ?? values.map(() => 1);
  if (w.length !== values.length) throw new RangeError('discrete weights must match values');
  const pairs = values.map((v, i) => [v, w[i]!] as const).sort((x, y) => x[0] - y[0]);
  const sorted = pairs.map((pr) => pr[0]);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, wi] of pairs) {
    total += wi;
    cumulative.push(total);
  }
  if (!(total > 0)) throw new RangeError('discrete weights must sum to more than 0');
  return (u) => {
    const target = u * total;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return sorted[lo]!;
  };
}

/** The inverse CDF of d, prepared once. Throws on u outside [0, 1]. */
export function quantileFunction(d: Distribution): QuantileFunction {
  switch (d.type) {
    case 'uniform':
      return (u) => d.min + clampUnit(u) * (d.max - d.min);
    case 'triangular':
      return (u) => triangularQuantile(clampUnit(u), d.min, d.mode, d.max);
    case 'normal': {
      if (!d.truncate) return (u) => d.mean + d.sd * normalQuantile(clampUnit(u));
      const z = truncatedStandard((d.truncate[0] - d.mean) / d.sd, (d.truncate[1] - d.mean) / d.sd);
      const [lo, hi] = d.truncate;
      return (u) => Math.min(hi, Math.max(lo, d.mean + d.sd * z(clampUnit(u))));
    }
    case 'lognormal': {
      if (!d.truncate) return (u) => Math.exp(d.mu + d.sigma * normalQuantile(clampUnit(u)));
      const [lo, hi] = d.truncate;
      const z = truncatedStandard((Math.log(lo) - d.mu) / d.sigma, (Math.log(hi) - d.mu) / d.sigma);
      return (u) => Math.min(hi, Math.max(lo, Math.exp(d.mu + d.sigma * z(clampUnit(u)))));
    }
    case 'beta': {
      const lo = d.min ?? 0;
      const hi = d.max ?? 1;
      const lnB = logBeta(d.alpha, d.beta);
      return (u) => lo + (hi - lo) * inverseRegularizedBeta(clampUnit(u), d.alpha, d.beta, lnB);
    }
    case 'discrete': {
      const q = discreteQuantile(d.values, d.weights);
      return (u) => q(clampUnit(u));
    }
  }
}

/** The quantile function of a standard normal truncated to [a, b] (a may be −∞). */
function truncatedStandard(a: number, b: number): (u: number) => number {
  // Upper tail: reflect, so that both bounds' probabilities are small numbers, not 1 − small.
  if (a > 0) {
    const lower = truncatedStandard(-b, -a);
    return (u) => -lower(1 - u);
  }
  const fa = normalCdf(a);
  const fb = normalCdf(b);
  return (u) => normalQuantile(fa + u * (fb - fa));
}

/** The inverse CDF of d at u (prepares d on every call; use quantileFunction in loops). */
export function inverseCdf(d: Distribution, u: number): number {
  return quantileFunction(d)(u);
}

/** Maps unit design rows to values, column j through distribution j. */
export function applyDistributions(
  rows: readonly (readonly number[])[],
  dists: readonly Distribution[],
): number[][] {
  const q = dists.map(quantileFunction);
  return rows.map((row, i) => {
    if (row.length !== q.length)
      throw new RangeError(`row ${i} has ${row.length} columns for ${q.length} distributions`);
    return row.map((u, j) => q[j]!(u));
  });
}
