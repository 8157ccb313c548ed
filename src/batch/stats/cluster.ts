// Means and shares over clustered rows, streamed in constant memory. Rows
// that share a future (a seed, a Saltelli base row, a Morris trajectory, the
// replications of one design point) are not independent: each cluster adds
// its count n_c and sums s_c, and the ratio estimator's variance is
//   V = C/(C−1) · Σ_c (s_c − m·n_c)² / (Σ n_c)²      (m = Σ s_c / Σ n_c)
// (the cluster-robust "sandwich" variance of a mean; Cameron & Miller 2015).
// A share's interval is Wilson's on the effective sample size n / deff,
// deff = V / (p(1−p)/n) and never below 1, so that a design without shared
// futures gives Wilson's interval exactly. Cannot: small-C corrections
// beyond C/(C−1); with one cluster the variance is unknown (NaN).
import type { Proportion } from './wilson.js';
import { wilson } from './wilson.js';

const Z = 1.959963985;

/** A mean with its 95% interval (NaN bounds when the variance is unknown). */
export interface Estimate {
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/** Sums of several variables over clusters; call `close()` when a cluster ends. */
export class Clustered {
  private n = 0;
  private readonly s: Float64Array;
  private clusters = 0;
  private singletons = true;
  private sumN = 0;
  private sumN2 = 0;
  private readonly sumS: Float64Array;
  private readonly sumS2: Float64Array;
  private readonly sumSN: Float64Array;

  constructor(readonly width: number) {
    this.s = new Float64Array(width);
    this.sumS = new Float64Array(width);
    this.sumS2 = new Float64Array(width);
    this.sumSN = new Float64Array(width);
  }

  /** One row of the open cluster: its value of each variable. */
  add(values: ArrayLike<number>): void {
    this.n++;
    for (let j = 0; j < this.width; j++) this.s[j]! += values[j]!;
  }

  /** Ends the open cluster (nothing when it is empty). */
  close(): void {
    if (this.n === 0) return;
    if (this.n > 1) this.singletons = false;
    this.clusters++;
    this.sumN += this.n;
    this.sumN2 += this.n * this.n;
    for (let j = 0; j < this.width; j++) {
      const s = this.s[j]!;
      this.sumS[j]! += s;
      this.sumS2[j]! += s * s;
      this.sumSN[j]! += s * this.n;
      this.s[j] = 0;
    }
    this.n = 0;
  }

  /** Rows and clusters so far (closed clusters only). */
  get rows(): number {
    return this.sumN;
  }
  get count(): number {
    return this.clusters;
  }
  /** True when every cluster held one row (rows independent as far as the design goes). */
  get independent(): boolean {
    return this.singletons;
  }

  /** Total of variable j over the closed clusters. */
  total(j: number): number {
    return this.sumS[j]!;
  }

  /** The clustered variance of the mean of variable j. */
  variance(j: number): number {
    const c = this.clusters;
    if (c < 2) return Number.NaN;
    const m = this.sumS[j]! / this.sumN;
    const ss = this.sumS2[j]! - 2 * m * this.sumSN[j]! + m * m * this.sumN2;
    return ((c / (c - 1)) * Math.max(0, ss)) / (this.sumN * this.sumN);
  }

  /** The mean of variable j with a normal 95% interval from the clustered variance. */
  mean(j: number): Estimate {
    const mean = this.sumN > 0 ? this.sumS[j]! / this.sumN : Number.NaN;
    const half = Z * Math.sqrt(this.variance(j));
    return { mean, lo: mean - half, hi: mean + half };
  }

  /** Variable j as a share of 0/1 values, with the clustered Wilson interval (see the file's head). */
  share(j: number): Proportion {
    const n = this.sumN;
    const y = Math.round(this.sumS[j]!);
    if (this.singletons || n === 0) return wilson(y, n);
    const p = y / n;
    const srs = (p * (1 - p)) / n;
    // All rows alike: the clusters are the only evidence, one observation each.
    const deff = srs > 0 ? Math.max(1, this.variance(j) / srs) : n / this.clusters;
    return wilsonOf(p, n / deff);
  }
}

/** Wilson's interval for a share p observed on an effective sample size m (not necessarily whole). */
export function wilsonOf(p: number, m: number, z = Z): Proportion {
  if (!(m > 0)) return { p: Number.NaN, lo: 0, hi: 1 };
  const z2n = (z * z) / m;
  const denom = 1 + z2n;
  const centre = (p + z2n / 2) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / m + z2n / (4 * m))) / denom;
  return { p, lo: p === 0 ? 0 : Math.max(0, centre - half), hi: p === 1 ? 1 : Math.min(1, centre + half) };
}
