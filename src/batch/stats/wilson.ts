// Wilson (1927) score interval for a binomial proportion, e.g. "share of runs
// in which the ACI was adopted". z defaults to the two-sided 95% quantile.
// Cannot: continuity correction, weighted or clustered runs (replications of
// one design point are not independent of the design).

export interface Proportion {
  /** successes / n (NaN when n = 0). */
  readonly p: number;
  readonly lo: number;
  readonly hi: number;
}

export function wilson(successes: number, n: number, z = 1.959963985): Proportion {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer (got ${n})`);
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > n)
    throw new RangeError(`successes must be an integer in 0..${n} (got ${successes})`);
  if (!(z > 0)) throw new RangeError(`z must be positive (got ${z})`);
  if (n === 0) return { p: Number.NaN, lo: 0, hi: 1 };
  const p = successes / n;
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const centre = (p + z2n / 2) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / denom;
  return {
    p,
    lo: successes === 0 ? 0 : Math.max(0, centre - half),
    hi: successes === n ? 1 : Math.min(1, centre + half),
  };
}
