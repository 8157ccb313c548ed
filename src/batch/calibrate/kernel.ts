// The perturbation kernel of ABC-SMC (Beaumont et al. 2009; Filippi et al.
// 2013 show the factor 2 is the one that minimises the KL divergence for a
// Gaussian target): a multivariate normal around a resampled particle with
// twice the weighted covariance of the last population.
import type { Rng } from '../../engine/types.js';
import { normalQuantile } from '../stats/normal-quantile.js';

export interface Kernel {
  /** Lower-triangular Cholesky factor of the covariance. */
  readonly chol: readonly (readonly number[])[];
  /** ln of the normalising constant: −k/2 ln 2π − ln det L. */
  readonly logNorm: number;
}

/** Weighted covariance of the particles (weights summing to 1). */
export function weightedCovariance(theta: readonly (readonly number[])[], w: readonly number[]): number[][] {
  const k = theta[0]?.length ?? 0;
  const mean = new Array<number>(k).fill(0);
  theta.forEach((t, i) => {
    for (let a = 0; a < k; a++) mean[a]! += w[i]! * t[a]!;
  });
  const cov = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  theta.forEach((t, i) => {
    for (let a = 0; a < k; a++)
      for (let b = 0; b <= a; b++) cov[a]![b]! += w[i]! * (t[a]! - mean[a]!) * (t[b]! - mean[b]!);
  });
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) cov[b]![a] = cov[a]![b]!;
  return cov;
}

/**
 * The kernel with covariance 2·cov. A degenerate direction (all particles
 * equal in it) gets a floor of 1e-6 of the prior's variance, so the kernel
 * still moves and its density stays finite.
 */
export function kernelOf(cov: readonly (readonly number[])[], priorVariance: readonly number[]): Kernel {
  const k = cov.length;
  const c = cov.map((row, a) =>
    row.map((x, b) => 2 * x + (a === b ? Math.max(1e-6 * priorVariance[a]!, 1e-300) : 0)),
  );
  const L = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = c[a]![b]!;
      for (let j = 0; j < b; j++) s -= L[a]![j]! * L[b]![j]!;
      if (a === b) L[a]![a] = Math.sqrt(Math.max(s, 1e-300));
      else L[a]![b] = s / L[b]![b]!;
    }
  }
  let logDet = 0;
  for (let a = 0; a < k; a++) logDet += Math.log(L[a]![a]!);
  return { chol: L, logNorm: -0.5 * k * Math.log(2 * Math.PI) - logDet };
}

/** ln N(x; mu, Σ) with Σ = L Lᵀ. */
export function kernelLogDensity(K: Kernel, x: readonly number[], mu: readonly number[]): number {
  const L = K.chol;
  const k = L.length;
  const z = new Array<number>(k);
  let q = 0;
  for (let a = 0; a < k; a++) {
    let s = x[a]! - mu[a]!;
    for (let j = 0; j < a; j++) s -= L[a]![j]! * z[j]!;
    z[a] = s / L[a]![a]!;
    q += z[a]! * z[a]!;
  }
  return K.logNorm - 0.5 * q;
}

/** A draw from N(mu, Σ). */
export function perturb(K: Kernel, mu: readonly number[], rng: Rng): number[] {
  const L = K.chol;
  const k = L.length;
  const z = Array.from({ length: k }, () => normalQuantile(Math.min(Math.max(rng.next(), 1e-16), 1 - 1e-16)));
  return mu.map((m, a) => {
    let s = m;
    for (let j = 0; j <= a; j++) s += L[a]![j]! * z[j]!;
    return s;
  });
}

/** ln Σ exp(x_i), stable. */
export function logSumExp(xs: readonly number[]): number {
  const top = Math.max(...xs);
  if (!Number.isFinite(top)) return top;
  let s = 0;
  for (const x of xs) s += Math.exp(x - top);
  return top + Math.log(s);
}
