// The Brier score of the runs' outcome shares against the recorded class
// (a proper scoring rule: 0 is a sure, right forecast, 2 a sure, wrong one),
// next to that of the base rates, the classes' frequencies among the
// in-sample records. The base rates are set on the in-sample episodes only.
import { OUTCOME_CLASSES, type OutcomeClass } from '../../io/schemas/expect.js';
import { baseRates } from './baseline.js';
import type { EpisodeScore } from './score.js';

export type Forecast = Readonly<Record<OutcomeClass, number>>;
type Scored = Pick<EpisodeScore, 'expected' | 'outcomes' | 'inSample' | 'brierJoint'>;

export interface BrierPair {
  readonly model: number;
  readonly baseRates: number;
  readonly of: number;
}

export interface BrierScores {
  readonly all: BrierPair;
  readonly outOfSample: BrierPair | null;
  /** The model's joint Brier score (class × round band), mean over the in-sample episodes and over the others; null where there are none. */
  readonly joint: { readonly inSample: number | null; readonly outOfSample: number | null };
  /** The base rates, or null when no episode is in sample to set them. */
  readonly rates: Forecast | null;
}

/** Σ over classes of (p − 1[class recorded])². */
export const brier = (p: Forecast, recorded: OutcomeClass): number =>
  OUTCOME_CLASSES.reduce((s, c) => s + ((p[c] ?? 0) - (c === recorded ? 1 : 0)) ** 2, 0);

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function brierScores(eps: readonly Scored[]): BrierScores | null {
  const rates = baseRates(eps.filter((e) => e.inSample));
  if (rates === null || eps.length === 0) return null;
  const pair = (xs: readonly Scored[]): BrierPair => ({
    model: mean(xs.map((e) => brier(e.outcomes, e.expected.outcome))),
    baseRates: mean(xs.map((e) => brier(rates, e.expected.outcome))),
    of: xs.length,
  });
  const out = eps.filter((e) => !e.inSample);
  const jointOf = (xs: readonly Scored[]) => (xs.length ? mean(xs.map((e) => e.brierJoint)) : null);
  const joint = { inSample: jointOf(eps.filter((e) => e.inSample)), outOfSample: jointOf(out) };
  return { all: pair(eps), outOfSample: out.length ? pair(out) : null, joint, rates };
}

export function formatBrier(b: BrierScores): string {
  const two = (x: number) => x.toFixed(2);
  const o = b.outOfSample;
  return `Brier score of the outcome shares (0 best, 2 worst): model ${two(b.all.model)}, base rates of the in-sample records ${two(b.all.baseRates)}${o ? `; out of sample ${two(o.model)} against ${two(o.baseRates)}` : ''}.`;
}

/** The joint Brier line: class and round band together, the timing fit's objective. */
export function formatJoint(j: BrierScores['joint']): string {
  const two = (x: number | null) => (x === null ? '—' : x.toFixed(2));
  return `Joint Brier score, class and round band together (0 best, 2 worst): in sample ${two(j.inSample)}, out of sample ${two(j.outOfSample)}.`;
}
