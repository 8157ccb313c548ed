// ABC-SMC (Beaumont et al. 2009, with the adaptive tolerance of Del Moral,
// Doucet & Jasra 2012): populations of weighted particles. Population 0 is
// drawn from the prior and accepts every particle. Population t accepts a
// proposal when its distance is at most ε_t, the weighted `quantile` of
// population t−1's distances; a proposal is a particle of t−1 drawn by
// weight and moved by a Gaussian with twice their weighted covariance
// (kernel.ts). Its weight is prior(θ) / Σ_j w_j K(θ | θ_j).
// Every draw comes from a stream hashed from (seed, generation, particle,
// attempt), so a population does not depend on how its particles are
// shared out, and a run resumed after generation t is the run never stopped.
import type { Rng } from '../../engine/types.js';
import { deriveKey, makeRng } from '../../rng/streams.js';
import { kernelLogDensity, kernelOf, logSumExp, perturb, weightedCovariance } from './kernel.js';
import { logPrior, type Prior } from './prior.js';

export interface Population {
  readonly generation: number;
  /** The tolerance it was accepted under (Infinity for the prior population). */
  readonly epsilon: number;
  readonly theta: readonly (readonly number[])[];
  /** Normalised importance weights. */
  readonly weights: readonly number[];
  readonly distances: readonly number[];
  /** Simulations run to fill it (proposals outside the prior's support are not simulated). */
  readonly simulations: number;
}

export interface AbcSettings {
  readonly particles: number;
  readonly generations: number;
  readonly quantile: number;
  readonly minAcceptance: number;
  readonly maxAttempts: number;
}

/** Distance of a parameter set, its simulations seeded by `seed` (a safe integer). */
export type DistanceFn = (theta: readonly number[], seed: number) => number;

/** Proposals outside the prior's support allowed per simulation before a particle is given up. */
const OUTSIDE_LIMIT = 1000;

/** Why the fit ended. */
export type StopReason = 'generations' | 'tolerance-zero' | 'acceptance' | 'attempts';

const streamOf = (seed: number, ...labels: (string | number)[]): Rng =>
  makeRng(deriveKey('calibrate', seed, ...labels));

/** A seed for one particle's simulations. */
const simSeed = (seed: number, t: number, i: number, a: number): number =>
  Number.parseInt(deriveKey('calibrate-sim', seed, t, i, a).slice(0, 12), 16);

/** Weighted quantile q of the values (the smallest value whose cumulative weight reaches q). */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  let cum = 0;
  for (const i of order) {
    cum += weights[i]!;
    if (cum >= q - 1e-12) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

export function priorPopulation(priors: readonly Prior[], s: AbcSettings, seed: number, dist: DistanceFn) {
  const theta: number[][] = [];
  const distances: number[] = [];
  for (let i = 0; i < s.particles; i++) {
    const rng = streamOf(seed, 0, i);
    const th = priors.map((p) => p.draw(rng.next()));
    theta.push(th);
    distances.push(dist(th, simSeed(seed, 0, i, 0)));
  }
  const w = 1 / s.particles;
  return {
    generation: 0,
    epsilon: Number.POSITIVE_INFINITY,
    theta,
    weights: theta.map(() => w),
    distances,
    simulations: s.particles,
  };
}

/** Picks an index by weight. */
function pick(weights: readonly number[], u: number): number {
  let x = u;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** The next population, or null when a particle found no proposal within maxAttempts. */
export function nextPopulation(
  prev: Population,
  priors: readonly Prior[],
  s: AbcSettings,
  seed: number,
  dist: DistanceFn,
): Population | null {
  const t = prev.generation + 1;
  const epsilon = weightedQuantile(prev.distances, prev.weights, s.quantile);
  const K = kernelOf(
    weightedCovariance(prev.theta, prev.weights),
    priors.map((p) => p.variance),
  );
  const logW = prev.weights.map((w) => Math.log(w));
  const theta: number[][] = [];
  const distances: number[] = [];
  const weights: number[] = [];
  let simulations = 0;
  for (let i = 0; i < s.particles; i++) {
    let found = false;
    // max_attempts bounds the simulations of a particle; a proposal outside the prior's support
    // is drawn again without a simulation (at most OUTSIDE_LIMIT times per simulation).
    let sims = 0;
    for (let a = 0; sims < s.maxAttempts && a < s.maxAttempts * OUTSIDE_LIMIT && !found; a++) {
      const rng = streamOf(seed, t, i, a);
      const th = perturb(K, prev.theta[pick(prev.weights, rng.next())]!, rng);
      const lp = logPrior(priors, th);
      if (!Number.isFinite(lp)) continue;
      sims++;
      simulations++;
      const d = dist(th, simSeed(seed, t, i, a));
      if (!(d <= epsilon)) continue;
      found = true;
      theta.push(th);
      distances.push(d);
      weights.push(lp - logSumExp(prev.theta.map((tj, j) => logW[j]! + kernelLogDensity(K, th, tj))));
    }
    if (!found) return null;
  }
  const top = logSumExp(weights);
  return {
    generation: t,
    epsilon,
    theta,
    weights: weights.map((w) => Math.exp(w - top)),
    distances,
    simulations,
  };
}

/** Whether to stop after this population, and why. */
export function stopAfter(p: Population, s: AbcSettings): StopReason | null {
  if (p.generation + 1 >= s.generations) return 'generations';
  if (Math.max(...p.distances) <= 0) return 'tolerance-zero';
  if (p.generation > 0 && s.particles / p.simulations < s.minAcceptance) return 'acceptance';
  return null;
}
