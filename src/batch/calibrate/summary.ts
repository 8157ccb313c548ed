// Posterior summaries of a population: weighted median and 90% interval, and
// the shrinkage 1 − posterior variance / prior variance (1: the episodes pin
// the parameter down; 0: they say nothing about it; negative: wider than the prior).
import { canonicalJson, sha256 } from '../../io/hash.js';
import type { PosteriorTable } from '../../io/posterior.js';
import type { Population } from './abc-smc.js';
import { weightedQuantile } from './abc-smc.js';
import type { Prior } from './prior.js';

export interface ParameterSummary {
  readonly path: string;
  readonly median: number;
  readonly lo: number;
  readonly hi: number;
  readonly shrinkage: number;
}

export function summarize(pop: Population, priors: readonly Prior[]): ParameterSummary[] {
  return priors.map((p, a) => {
    const xs = pop.theta.map((t) => t[a]!);
    const w = pop.weights;
    const mean = xs.reduce((s, x, i) => s + w[i]! * x, 0);
    const variance = xs.reduce((s, x, i) => s + w[i]! * (x - mean) ** 2, 0);
    return {
      path: p.path,
      median: weightedQuantile(xs, w, 0.5),
      lo: weightedQuantile(xs, w, 0.05),
      hi: weightedQuantile(xs, w, 0.95),
      shrinkage: 1 - variance / p.variance,
    };
  });
}

/** A population as a posterior table (what `--posterior` reads). */
export const tableOf = (pop: Population, priors: readonly Prior[], file: string): PosteriorTable => ({
  file,
  paths: priors.map((p) => p.path),
  rows: pop.theta,
  weights: pop.weights,
  columns: priors.map((_, i) => i + 4),
  hash: sha256(canonicalJson({ paths: priors.map((p) => p.path), rows: pop.theta, weights: pop.weights })),
});

/** The CSV `calibrate` writes: particle, weight, distance, then one column per parameter. */
export function posteriorCsv(pop: Population, priors: readonly Prior[]): string {
  const head = ['particle', 'weight', 'distance', ...priors.map((p) => p.path)].join(',');
  const rows = pop.theta.map((t, i) =>
    [i, pop.weights[i]!, pop.distances[i]!, ...t].map((x) => String(x)).join(','),
  );
  return `${[head, ...rows].join('\n')}\n`;
}
