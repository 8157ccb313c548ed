// Iman & Conover (1982): rearranges the columns of a sample so that their
// rank correlation approaches a target matrix, leaving each column's values
// (its marginal) exactly as they were: only which values share a row changes.
// Scores are van der Waerden's Φ⁻¹(i/(N+1)), each column randomly permuted;
// their own sample correlation E = F·Fᵀ is removed and the target C = L·Lᵀ
// put in (T = S·F⁻ᵀ·Lᵀ), and each column takes the ranks of T's. C is the
// rank target converted to the normal scores' Pearson scale.
import { cholesky } from '../../io/correlation.js';
import { normalQuantile } from '../stats/normal-quantile.js';
import { randomPermutation, type UnitRandom } from './random.js';

/** Lower-triangular inverse by forward substitution. */
function lowerInverse(f: readonly (readonly number[])[]): number[][] {
  const n = f.length;
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    inv[j]![j] = 1 / f[j]![j]!;
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s += f[i]![k]! * inv[k]![j]!;
      inv[i]![j] = -s / f[i]![i]!;
    }
  }
  return inv;
}

/** Pearson correlation matrix of the columns of s (each of mean 0). */
function correlation(s: readonly Float64Array[]): number[][] {
  const m = s.length;
  const c = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const dot = (a: Float64Array, b: Float64Array) => {
    let t = 0;
    for (let i = 0; i < a.length; i++) t += a[i]! * b[i]!;
    return t;
  };
  const norms = s.map((a) => Math.sqrt(dot(a, a)));
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) c[i]![j] = i === j ? 1 : dot(s[i]!, s[j]!) / (norms[i]! * norms[j]!);
  return c;
}

/**
 * Rows with columns `cols` rearranged towards rank correlation `target` (a checked correlation
 * matrix over those columns). Needs more rows than columns; throws RangeError otherwise.
 */
export function imanConover(
  rows: readonly (readonly number[])[],
  cols: readonly number[],
  target: readonly (readonly number[])[],
  rng: UnitRandom,
): number[][] {
  const n = rows.length;
  const m = cols.length;
  if (n <= m)
    throw new RangeError(
      `correlated inputs need more design points than correlated parameters (${n} ≤ ${m})`,
    );
  const a = Array.from({ length: n }, (_, i) => normalQuantile((i + 1) / (n + 1)));
  const scores = cols.map(() => {
    const p = randomPermutation(rng, n);
    return Float64Array.from(p, (i) => a[i]!);
  });
  const f = cholesky(correlation(scores));
  // Normal scores with Pearson correlation r have rank correlation (6/π)·asin(r/2): aim at
  // r = 2·sin(π·ρ/6) so the ranks get ρ (the target itself if that matrix is not positive definite).
  const l = cholesky(target.map((r) => r.map((x) => 2 * Math.sin((Math.PI * x) / 6)))) ?? cholesky(target);
  if (!f || !l) throw new RangeError('the correlated inputs cannot be arranged (a singular score matrix)');
  const fi = lowerInverse(f);
  // M = L·F⁻¹, so that each row of T is M times the row of scores.
  const mm = l.map((li) => fi[0]!.map((_, j) => li.reduce((t, x, k) => t + x * fi[k]![j]!, 0)));
  const out = rows.map((r) => [...r]);
  for (let c = 0; c < m; c++) {
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k <= c; k++) s += mm[c]![k]! * scores[k]![i]!;
      t[i] = s;
    }
    const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => t[x]! - t[y]! || x - y);
    const sorted = rows.map((r) => r[cols[c]!]!).sort((x, y) => x - y);
    order.forEach((i, rank) => {
      out[i]![cols[c]!] = sorted[rank]!;
    });
  }
  return out;
}
