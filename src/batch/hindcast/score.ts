// One episode's score from its runs: how often the model lands in the
// recorded outcome class and round band, the ballots it predicts right, and
// its error on a recorded series. Pure: runs in, a scorecard row out.
import type { ExpectDef, OutcomeClass } from '../../io/schemas/expect.js';
import { quantiles } from '../stats/quantiles.js';

export type Ballot = 'for' | 'against' | 'abstain';

/** What a hindcast keeps of one run. */
export interface EpisodeRun {
  readonly outcome: OutcomeClass;
  /** The round the run ended in (its outcome was decided, or the last round). */
  readonly round: number;
  /** Predicted ballots at the expected vote's round (state → ballot), when the episode gives ballots. */
  readonly ballots: Readonly<Record<string, Ballot>> | null;
  /** The model's series by month (YYYY-MM → value), when the episode gives one. */
  readonly series: Readonly<Record<string, number>> | null;
}

export interface EpisodeScore {
  readonly id: string;
  readonly title: string;
  readonly expected: { readonly outcome: OutcomeClass; readonly rounds: readonly [number, number] };
  readonly inSample: boolean;
  readonly runs: number;
  /** The outcome class most runs end in (ties: the expected one if tied, else the first in class order). */
  readonly modalOutcome: OutcomeClass;
  /** Share of runs per outcome class. */
  readonly outcomes: Readonly<Record<OutcomeClass, number>>;
  readonly shareOutcome: number;
  readonly shareRounds: number;
  /** Brier score of the runs over class × (inside or outside the band) against the record: class and timing together. */
  readonly brierJoint: number;
  readonly medianRound: number;
  readonly ballots: { readonly right: number; readonly of: number; readonly wrong: readonly string[] } | null;
  readonly series: {
    readonly error: number;
    readonly tolerance: number;
    readonly model: Record<string, number>;
  } | null;
  readonly pass: boolean;
  /** Why it fails, one phrase per unmet condition. */
  readonly reasons: readonly string[];
  /** The episode's other codings, each with whether the runs would pass under it (never counted). */
  readonly alternatives: readonly AlternativeScore[];
}

export interface AlternativeScore {
  readonly outcome: OutcomeClass;
  readonly rounds: readonly [number, number];
  readonly pass: boolean;
}

/** Ballots right out of 27 needed to pass an episode with a recorded vote. */
export const BALLOTS_TO_PASS = 20;

const CLASSES: readonly OutcomeClass[] = [
  'landing_zone',
  'target_backs_down',
  'coercer_backs_down',
  'stalemate',
  'spiral',
];

function modal<T extends string>(counts: ReadonlyMap<T, number>, prefer: T | null, order: readonly T[]): T {
  let best: T = order[0]!;
  let n = -1;
  for (const k of order) {
    const c = counts.get(k) ?? 0;
    if (c > n || (c === n && k === prefer)) {
      best = k;
      n = c;
    }
  }
  return best;
}

export function scoreEpisode(
  id: string,
  title: string,
  expect: ExpectDef,
  runs: readonly EpisodeRun[],
): EpisodeScore {
  const n = runs.length;
  const [lo, hi] = expect.rounds;
  const counts = new Map<OutcomeClass, number>();
  for (const r of runs) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const modalOutcome = modal(counts, expect.outcome, CLASSES);
  const outcomes = Object.fromEntries(CLASSES.map((c) => [c, n ? (counts.get(c) ?? 0) / n : 0])) as Record<
    OutcomeClass,
    number
  >;
  const inBand = runs.filter((r) => r.round >= lo && r.round <= hi).length;
  const brierJoint = jointBrier(runs, expect.outcome, lo, hi);
  const medianRound = n
    ? quantiles(
        runs.map((r) => r.round),
        [0.5],
      )[0]!
    : Number.NaN;
  const reasons: string[] = [];
  if (modalOutcome !== expect.outcome)
    reasons.push(`most runs end in ${modalOutcome}, not ${expect.outcome}`);
  if (!(medianRound >= lo && medianRound <= hi))
    reasons.push(`median round ${medianRound} outside [${lo}, ${hi}]`);
  // Ballots and series hold for every coding; only class and band change.
  const classAndBand = reasons.length;

  let ballots: EpisodeScore['ballots'] = null;
  if (expect.ballots) {
    const wrong: string[] = [];
    const states = Object.keys(expect.ballots.votes);
    for (const s of states) {
      const c = new Map<Ballot, number>();
      for (const r of runs) {
        const b = r.ballots?.[s];
        if (b) c.set(b, (c.get(b) ?? 0) + 1);
      }
      if (modal(c, null, ['for', 'abstain', 'against']) !== expect.ballots.votes[s] || c.size === 0)
        wrong.push(s);
    }
    ballots = { right: states.length - wrong.length, of: states.length, wrong };
    const need = Math.ceil((BALLOTS_TO_PASS / 27) * states.length);
    if (ballots.right < need) reasons.push(`${ballots.right} of ${ballots.of} ballots right (need ${need})`);
  }

  let series: EpisodeScore['series'] = null;
  if (expect.series) {
    const model: Record<string, number> = {};
    let sum = 0;
    let k = 0;
    for (const [m, v] of Object.entries(expect.series.values)) {
      const xs = runs
        .map((r) => r.series?.[m])
        .filter((x): x is number => x !== undefined && Number.isFinite(x));
      const med = xs.length ? quantiles(xs, [0.5])[0]! : Number.NaN;
      model[m] = med;
      sum += Math.abs(med - v);
      k++;
    }
    const error = k ? sum / k : Number.NaN;
    series = { error, tolerance: expect.series.tolerance, model };
    if (!(error <= expect.series.tolerance))
      reasons.push(`series error ${error.toFixed(1)} over the tolerance ${expect.series.tolerance}`);
  }

  const extraOk = n > 0 && reasons.length === classAndBand;
  const alternatives = (expect.alternatives ?? []).map((a): AlternativeScore => {
    const [alo, ahi] = a.rounds;
    const fits = modal(counts, a.outcome, CLASSES) === a.outcome && medianRound >= alo && medianRound <= ahi;
    return { outcome: a.outcome, rounds: [alo, ahi], pass: extraOk && fits };
  });

  return {
    id,
    title,
    expected: { outcome: expect.outcome, rounds: [lo, hi] },
    inSample: expect.in_sample,
    runs: n,
    modalOutcome,
    outcomes,
    shareOutcome: outcomes[expect.outcome],
    shareRounds: n ? inBand / n : 0,
    brierJoint,
    medianRound,
    ballots,
    series,
    pass: n > 0 && reasons.length === 0,
    reasons,
    alternatives,
  };
}

/** Σ over the ten joint outcomes (class × in band or not) of (share − 1 if recorded)²: 0 best, 2 worst; NaN with no runs. */
export function jointBrier(
  runs: readonly EpisodeRun[],
  recorded: OutcomeClass,
  lo: number,
  hi: number,
): number {
  if (runs.length === 0) return Number.NaN;
  const cells = new Map<string, number>();
  for (const r of runs) {
    const k = `${r.outcome}/${r.round >= lo && r.round <= hi}`;
    cells.set(k, (cells.get(k) ?? 0) + 1);
  }
  let sum = 0;
  for (const c of cells.values()) sum += (c / runs.length) ** 2;
  const hit = (cells.get(`${recorded}/true`) ?? 0) / runs.length;
  return sum - 2 * hit + 1;
}
