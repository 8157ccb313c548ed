// Sample quantiles, R's type 7 (the default of R's quantile() and NumPy's
// percentile): with sorted x_1..x_n, h = (n − 1)p, Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋)
// (0-based). One sort of a copy, O(n log n); a million runs is 8 MB.
// Cannot: NaN values (throws: drop failed runs first), weights, streaming.

/** Quantile p of values already sorted ascending (no checks). */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const x = sorted[lo]!;
  if (lo >= n - 1) return sorted[n - 1]!;
  const frac = h - lo;
  return frac === 0 ? x : x + frac * (sorted[lo + 1]! - x);
}

export function quantiles(values: Float64Array | readonly number[], ps: readonly number[]): number[] {
  for (const p of ps)
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability ${p} outside [0, 1]`);
  const sorted = Float64Array.from(values);
  for (const v of sorted) if (Number.isNaN(v)) throw new RangeError('quantiles of values containing NaN');
  sorted.sort();
  return ps.map((p) => sortedQuantile(sorted, p));
}
