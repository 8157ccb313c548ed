// Morris elementary effects per factor from a design built by `morris`:
//   EE = (y(after) − y(before)) / Δ × sign      (Δ in unit-cube units)
//   μ = mean EE,  μ* = mean |EE| (Campolongo 2007),  σ = sd of EE (n − 1)
// y is indexed by DESIGN ROW. A step whose two outputs are not both finite
// (a failed run) is skipped; n counts the effects used per factor.
// μ*'s interval (optional): the trajectories resampled with replacement, the
// half-width 1.96 × the sd of the resampled μ* (SALib's mu_star_conf).
// Cannot: groups of factors; effects are per unit of the cube, so multiply
// by a factor's range only if it is uniform.
import type { MorrisMeta } from '../designs/morris.js';
import { randomInt, type UnitRandom } from '../designs/random.js';

export interface MorrisIndices {
  readonly mu: number[];
  readonly muStar: number[];
  readonly sigma: number[];
  /** Half-width of μ*'s 95% bootstrap interval (NaN without a bootstrap). */
  readonly muStarConf: number[];
  /** Elementary effects used per factor (r when no run failed). */
  readonly n: number[];
  readonly warnings: string[];
}

export function morrisIndices(
  meta: MorrisMeta,
  y: ArrayLike<number>,
  boot?: { readonly bootstrap: number; readonly rng: UnitRandom },
): MorrisIndices {
  const { k, r, delta, factor, sign } = meta;
  if (meta.layout !== 'morris-1991') throw new RangeError(`unknown design layout ${String(meta.layout)}`);
  if (y.length !== r * (k + 1))
    throw new RangeError(`y has ${y.length} values for a design of ${r * (k + 1)} rows`);
  if (factor.length !== r * k || sign.length !== r * k)
    throw new RangeError('Morris meta has the wrong number of steps');
  const effects: number[][] = Array.from({ length: k }, () => []);
  // |EE| per factor and trajectory (NaN where skipped), for the bootstrap.
  const abs = new Float64Array(k * r).fill(Number.NaN);
  let skipped = 0;
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < k; s++) {
      const before = y[t * (k + 1) + s]!;
      const after = y[t * (k + 1) + s + 1]!;
      if (!Number.isFinite(before) || !Number.isFinite(after)) {
        skipped++;
        continue;
      }
      const ee = ((after - before) / delta) * sign[t * k + s]!;
      effects[factor[t * k + s]!]!.push(ee);
      abs[factor[t * k + s]! * r + t] = Math.abs(ee);
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
  const muStarConf = boot ? bootstrapMuStar(abs, k, r, boot) : mu.map(() => Number.NaN);
  const warnings = skipped > 0 ? [`${skipped} of ${r * k} elementary effects skipped: missing outputs`] : [];
  return { mu, muStar, sigma, muStarConf, n, warnings };
}

function bootstrapMuStar(
  abs: Float64Array,
  k: number,
  r: number,
  o: { bootstrap: number; rng: UnitRandom },
): number[] {
  const draws = Array.from({ length: k }, () => new Float64Array(o.bootstrap));
  const pick = new Uint32Array(r);
  for (let b = 0; b < o.bootstrap; b++) {
    for (let t = 0; t < r; t++) pick[t] = randomInt(o.rng, r);
    for (let f = 0; f < k; f++) {
      let sum = 0;
      let m = 0;
      for (let t = 0; t < r; t++) {
        const e = abs[f * r + pick[t]!]!;
        if (Number.isFinite(e)) {
          sum += e;
          m++;
        }
      }
      draws[f]![b] = m > 0 ? sum / m : Number.NaN;
    }
  }
  return draws.map((d) => {
    const ok = d.filter(Number.isFinite);
    if (ok.length < 2) return Number.NaN;
    const mean = ok.reduce((a, x) => a + x, 0) / ok.length;
    const ss = ok.reduce((a, x) => a + (x - mean) * (x - mean), 0);
    return 1.959963985 * Math.sqrt(ss / (ok.length - 1));
  });
}
