// A benchmark for the scorecard: how often the model's most common outcome
// is the recorded class, against a forecaster that always names the class
// most often recorded among the in-sample episodes. The baseline is chosen
// on the in-sample episodes only, so on the others it is out of sample too.
import { OUTCOME_CLASSES, type OutcomeClass } from '../../io/schemas/expect.js';
import type { EpisodeScore } from './score.js';

/** What the benchmark reads of an episode's score. */
export type Scored = Pick<EpisodeScore, 'expected' | 'modalOutcome' | 'inSample'>;

export interface Count {
  readonly right: number;
  readonly of: number;
}

export interface ClassBenchmark {
  /** Episodes whose modal outcome is the recorded class: all, and those out of sample. */
  readonly model: Count & { readonly outOfSample: Count };
  /** The always-the-same-class forecast, or null when no episode is in sample to choose it on. */
  readonly baseline: (Count & { readonly outcome: OutcomeClass; readonly outOfSample: Count }) | null;
}

const count = (eps: readonly Scored[], right: (e: Scored) => boolean): Count => ({
  right: eps.filter(right).length,
  of: eps.length,
});

/** The share of `eps` recorded in each class: the base rates, or null for no episode. */
export function baseRates(
  eps: readonly Pick<EpisodeScore, 'expected'>[],
): Record<OutcomeClass, number> | null {
  if (eps.length === 0) return null;
  const r = Object.fromEntries(OUTCOME_CLASSES.map((c) => [c, 0])) as Record<OutcomeClass, number>;
  for (const e of eps) r[e.expected.outcome] += 1 / eps.length;
  return r;
}

/** The class most often recorded among `eps` (ties: the first in class order). */
export function commonestClass(eps: readonly Scored[]): OutcomeClass | null {
  const r = baseRates(eps);
  return r === null ? null : OUTCOME_CLASSES.reduce((best, c) => (r[c] > r[best] ? c : best));
}

export function classBenchmark(eps: readonly Scored[]): ClassBenchmark {
  const out = eps.filter((e) => !e.inSample);
  const modelRight = (e: Scored) => e.modalOutcome === e.expected.outcome;
  const outcome = commonestClass(eps.filter((e) => e.inSample));
  return {
    model: { ...count(eps, modelRight), outOfSample: count(out, modelRight) },
    baseline:
      outcome === null
        ? null
        : {
            outcome,
            ...count(eps, (e) => e.expected.outcome === outcome),
            outOfSample: count(out, (e) => e.expected.outcome === outcome),
          },
  };
}

/** The benchmark's lines under the scorecard. */
export function formatClassBenchmark(b: ClassBenchmark): string {
  const m = b.model;
  const head = `Class right (most runs end in the recorded class): ${m.right} of ${m.of} (${m.outOfSample.right} of ${m.outOfSample.of} out of sample)`;
  if (b.baseline === null) return `${head}.`;
  const x = b.baseline;
  return `${head};\n  a forecast of ${x.outcome} every time (the class most often recorded in sample): ${x.right} of ${x.of} (${x.outOfSample.right} of ${x.outOfSample.of} out of sample).`;
}
