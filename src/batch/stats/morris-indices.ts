// Morris elementary effects per factor from a design built by `morris`:
//   EE = (y(after) − y(before)) / Δ × sign      (Δ in unit-cube units)
//   μ = mean EE,  μ* = mean |EE| (Campolongo 2007),  σ = sd of EE (n − 1)
// y is indexed by DESIGN ROW. A step whose two outputs are not both finite
// (a failed run) is skipped; n counts the effects used per factor.
// Cannot: bootstrap intervals for μ*, groups of factors; effects are per unit
// of the cube, so multiply by a factor's range only if it is uniform.
import type { MorrisMeta } from '../designs/morris.js';

export interface MorrisIndices {
  readonly mu: number[];
  readonly muStar: number[];
  readonly sigma: number[];
  /** Elementary effects used per factor (r when no run failed). */
  readonly n: number[];
  readonly warnings: string[];
}

export function morrisIndices(meta: MorrisMeta, y: ArrayLike<number>): MorrisIndices {
  const { k, r, delta, factor, sign } = meta;
  if (meta.layout !== 'morris-1991') throw new RangeError(`unknown design layout ${String(meta.layout)}`);
  if (y.length !== r * (k + 1))
    throw new RangeError(`y has ${y.length} values for a design of ${r * (k + 1)} rows`);
  if (factor.length !== r * k || sign.length !== r * k)
    throw new RangeError('Morris meta has the wrong number of steps');
  const effects: number[][] = Array.from({ length: k }, () => []);
  let skipped = 0;
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < k; s++) {
      const before = y[t * (k + 1) + s]!;
      const after = y[t * (k + 1) + s + 1]!;
      if (!Number.isFinite(before) || !Number.isFinite(after)) {
        skipped++;
        continue;
      }
      effects[factor[t * k + s]!]!.push(((after - before) / delta) * sign[t * k + s]!);
    }
  }
  const mu: number[] = [];
  const muStar: number[] = [];
  const sigma: number[] = [];
  const n: number[] = [];
  for (const ee of effects) {
    const m = ee.length;
    let sum = 0;
    let abs = 0;
    for (const e of ee) {
      sum += e;
      abs += Math.abs(e);
    }
    const mean = sum / m;
    let ss = 0;
    for (const e of ee) ss += (e - mean) * (e - mean);
    mu.push(m > 0 ? mean : Number.NaN);
    muStar.push(m > 0 ? abs / m : Number.NaN);
    sigma.push(m > 1 ? Math.sqrt(ss / (m - 1)) : Number.NaN);
    n.push(m);
  }
  const warnings = skipped > 0 ? [`${skipped} of ${r * k} elementary effects skipped: missing outputs`] : [];
  return { mu, muStar, sigma, n, warnings };
}
