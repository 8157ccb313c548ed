// First-order (S1) and total (ST) Sobol' indices from a Saltelli (2010)
// design, with bootstrap confidence half-widths. With f centred on the mean
// m of f(A) ∪ f(B) (a location shift that leaves both estimands unchanged and
// tames outputs with a large mean):
//   V    = population variance of f(A) ∪ f(B)             (2N values)
//   S1_i = mean_j[ f(B_j) · (f(AB_j^i) − f(A_j)) ] / V     Saltelli et al. 2010
//   ST_i = mean_j[ (f(A_j) − f(AB_j^i))² ] / (2V)          Jansen 1999
// Bootstrap: resample base rows j with replacement (all factors share each
// resample), half-width = z_{(1+c)/2} · sd of the resampled estimates, as
// SALib does. y is indexed by DESIGN ROW (see saltelliRole), never by the
// order in which runs finished. A base row with any non-finite output (a
// failed run) is left out whole, and a warning says how many.
// With groups (meta.groups) each AB column is a group's, and S1, ST are the
// group's closed first-order and total indices. `baseRows` keeps the first
// n base rows only: the indices a design of N = n would have given, for
// convergence checks.
// Cannot: second-order indices; the bootstrap treats the quasi-random base
// rows as independent, so its intervals are conservative for Sobol' points.

import { randomInt, type UnitRandom } from '../designs/random.js';
import { type SaltelliMeta, saltelliFactors } from '../designs/saltelli.js';
import { normalQuantile } from './normal-quantile.js';

export interface SobolOptions {
  /** Number of bootstrap resamples (0 = no intervals: half-widths are NaN). */
  readonly bootstrap: number;
  /** Drives the resampling; pass a seeded stream. */
  readonly rng: UnitRandom;
  /** Confidence level of the half-widths (default 0.95). */
  readonly confidence?: number;
  /** Use only base rows j < baseRows (default all N). */
  readonly baseRows?: number;
}

export interface SobolIndices {
  readonly S1: number[];
  readonly S1Conf: number[];
  readonly ST: number[];
  readonly STConf: number[];
  /** Variance of the output over A and B rows. */
  readonly variance: number;
  /** Base rows used (all g + 2 outputs finite). */
  readonly baseRows: number;
  readonly warnings: string[];
}

interface Columns {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly ab: Float64Array[];
}

/** S1 and ST of every factor for the base rows listed in idx (repeats allowed). */
function estimate(cols: Columns, idx: Int32Array, s1: Float64Array, st: Float64Array): number {
  const n = idx.length;
  let sum = 0;
  for (let r = 0; r < n; r++) sum += cols.a[idx[r]!]! + cols.b[idx[r]!]!;
  const m = sum / (2 * n);
  let ss = 0;
  for (let r = 0; r < n; r++) {
    const da = cols.a[idx[r]!]! - m;
    const db = cols.b[idx[r]!]! - m;
    ss += da * da + db * db;
  }
  const V = ss / (2 * n);
  for (let i = 0; i < cols.ab.length; i++) {
    const abi = cols.ab[i]!;
    let first = 0;
    let total = 0;
    for (let r = 0; r < n; r++) {
      const j = idx[r]!;
      const fa = cols.a[j]!;
      const d = abi[j]! - fa;
      first += (cols.b[j]! - m) * d;
      total += d * d;
    }
    s1[i] = first / n / V;
    st[i] = total / n / (2 * V);
  }
  return V;
}

function sampleSd(x: Float64Array): number {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) * (v - mean);
  return Math.sqrt(ss / (x.length - 1));
}

export function sobolIndices(meta: SaltelliMeta, y: ArrayLike<number>, options: SobolOptions): SobolIndices {
  const k = saltelliFactors(meta);
  const size = k + 2;
  const { N } = meta;
  if (meta.layout !== 'saltelli-2010') throw new RangeError(`unknown design layout ${String(meta.layout)}`);
  if (y.length !== N * size)
    throw new RangeError(`y has ${y.length} values for a design of ${N * size} rows`);
  const { bootstrap, rng, confidence = 0.95, baseRows = N } = options;
  if (!Number.isSafeInteger(baseRows) || baseRows < 1 || baseRows > N)
    throw new RangeError(`baseRows must be an integer from 1 to ${N}`);
  if (!Number.isSafeInteger(bootstrap) || bootstrap < 0)
    throw new RangeError(`bootstrap must be an integer ≥ 0`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must lie in (0, 1)`);
  const warnings: string[] = [];

  const kept: number[] = [];
  for (let j = 0; j < baseRows; j++) {
    let ok = true;
    for (let r = 0; r < size && ok; r++) ok = Number.isFinite(y[j * size + r]!);
    if (ok) kept.push(j);
  }
  const n = kept.length;
  if (n < baseRows)
    warnings.push(
      `${baseRows - n} of ${baseRows} base rows left out: some of their outputs are missing or not finite`,
    );
  if (n < 2) throw new RangeError(`only ${n} complete base rows; Sobol indices need at least 2`);

  const cols: Columns = {
    a: Float64Array.from(kept, (j) => y[j * size]!),
    b: Float64Array.from(kept, (j) => y[j * size + k + 1]!),
    ab: Array.from({ length: k }, (_, i) => Float64Array.from(kept, (j) => y[j * size + 1 + i]!)),
  };
  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  const identity = Int32Array.from({ length: n }, (_, r) => r);
  const variance = estimate(cols, identity, s1, st);
  if (!(variance > 0)) warnings.push('the output does not vary over the design: indices are undefined');

  const S1Conf = new Array<number>(k).fill(Number.NaN);
  const STConf = new Array<number>(k).fill(Number.NaN);
  if (bootstrap >= 2 && variance > 0) {
    const z = normalQuantile(0.5 + confidence / 2);
    const s1b = Array.from({ length: k }, () => new Float64Array(bootstrap));
    const stb = Array.from({ length: k }, () => new Float64Array(bootstrap));
    const idx = new Int32Array(n);
    const t1 = new Float64Array(k);
    const tt = new Float64Array(k);
    for (let b = 0; b < bootstrap; b++) {
      for (let r = 0; r < n; r++) idx[r] = randomInt(rng, n);
      estimate(cols, idx, t1, tt);
      for (let i = 0; i < k; i++) {
        s1b[i]![b] = t1[i]!;
        stb[i]![b] = tt[i]!;
      }
    }
    for (let i = 0; i < k; i++) {
      S1Conf[i] = z * sampleSd(s1b[i]!);
      STConf[i] = z * sampleSd(stb[i]!);
    }
  }
  return { S1: Array.from(s1), S1Conf, ST: Array.from(st), STConf, variance, baseRows: n, warnings };
}
