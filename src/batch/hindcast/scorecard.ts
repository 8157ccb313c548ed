// The scorecard of a hindcast: one row per episode and the total, as text
// for the terminal and docs, and as the JSON `hindcast --json` prints.
import { textTable } from '../text-table.js';
import { classBenchmark, formatClassBenchmark } from './baseline.js';
import { brierScores, formatBrier, formatJoint } from './brier.js';
import type { EpisodeScore } from './score.js';

export interface Scorecard {
  readonly episodes: readonly EpisodeScore[];
  readonly passed: number;
  readonly of: number;
  readonly runs: number;
  readonly seed: number;
  /** --set values: the episodes were not played with the shipped numbers. */
  readonly set: Readonly<Record<string, string | number>>;
  /** --posterior: the file the runs drew their parameters from, or null. */
  readonly posterior: string | null;
  /** Whether the posterior's manifest said which episodes it was fitted to (they are marked in sample). */
  readonly fittedKnown: boolean;
}

export const scorecardOf = (
  episodes: readonly EpisodeScore[],
  runs: number,
  seed: number,
  set: Readonly<Record<string, string | number>> = {},
  posterior: string | null = null,
  fittedKnown = false,
): Scorecard => ({
  episodes,
  passed: episodes.filter((e) => e.pass).length,
  of: episodes.length,
  runs,
  seed,
  set,
  posterior,
  fittedKnown,
});

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The JSON form: the documented keys first, then the details. */
export function scorecardJson(s: Scorecard) {
  return {
    episodes: s.episodes.map((e) => ({
      id: e.id,
      expected: { outcome: e.expected.outcome, rounds: e.expected.rounds },
      shareOutcome: e.shareOutcome,
      shareRounds: e.shareRounds,
      medianRound: e.medianRound,
      ballots: e.ballots ? { right: e.ballots.right, of: e.ballots.of } : null,
      pass: e.pass,
      title: e.title,
      inSample: e.inSample,
      runs: e.runs,
      modalOutcome: e.modalOutcome,
      outcomes: e.outcomes,
      brierJoint: e.brierJoint,
      series: e.series,
      reasons: e.reasons,
      alternatives: e.alternatives,
    })),
    passed: s.passed,
    of: s.of,
    outOfSample: {
      passed: s.episodes.filter((e) => !e.inSample && e.pass).length,
      of: s.episodes.filter((e) => !e.inSample).length,
    },
    classRight: classBenchmark(s.episodes),
    brier: brierScores(s.episodes),
    runs: s.runs,
    seed: s.seed,
    ...(Object.keys(s.set).length > 0 ? { set: s.set } : {}),
    ...(s.posterior === null ? {} : { posterior: s.posterior }),
  };
}

/** The scorecard as a table, with why each failing episode fails. */
export function formatScorecard(s: Scorecard): string {
  const rows = s.episodes.map((e) => [
    e.id,
    e.inSample ? 'in' : 'out',
    `${e.expected.outcome} [${e.expected.rounds[0]}, ${e.expected.rounds[1]}]`,
    pct(e.shareOutcome),
    pct(e.shareRounds),
    Number.isFinite(e.medianRound) ? String(e.medianRound) : '—',
    e.ballots ? `${e.ballots.right}/${e.ballots.of}` : '—',
    e.series ? e.series.error.toFixed(1) : '—',
    e.alternatives.length ? `${e.alternatives.filter((a) => a.pass).length}/${e.alternatives.length}` : '—',
    e.pass ? 'pass' : 'FAIL',
  ]);
  const table = textTable(
    [
      [
        'episode',
        'sample',
        'expected [rounds]',
        'outcome',
        'in band',
        'median',
        'ballots',
        'series err',
        'alt',
        '',
      ],
      ...rows,
    ],
    ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  );
  const out = [table, ''];
  for (const e of s.episodes.filter((x) => !x.pass)) out.push(`${e.id}: ${e.reasons.join('; ')}`);
  const oos = s.episodes.filter((e) => !e.inSample);
  out.push(
    '',
    `Passed ${s.passed} of ${s.of} episodes (${oos.length === 0 ? 'none out of sample' : `${oos.filter((e) => e.pass).length} of ${oos.length} out of sample`}); ${s.runs} runs each, seed ${s.seed}.`,
  );
  if (s.episodes.length > 0) out.push(formatClassBenchmark(classBenchmark(s.episodes)));
  const b = brierScores(s.episodes);
  if (b !== null) out.push(formatBrier(b));
  if (b !== null) out.push(formatJoint(b.joint));
  const coded = s.episodes.filter((e) => e.alternatives.length > 0);
  if (coded.length > 0) {
    const alt = coded.filter((e) => !e.pass && e.alternatives.some((a) => a.pass)).map((e) => e.id);
    out.push(
      `alt: other codings of the record, passed/given (${coded.length} episodes give them; never counted): ${alt.length === 0 ? 'no failing episode passes under any of them' : `${alt.join(', ')} would pass under one`}.`,
    );
  }
  const set = Object.entries(s.set).map(([k, v]) => `${k}=${v}`);
  if (set.length > 0)
    out.push(
      `Not the shipped model: played with --set ${set.join(', ')} (a number chosen after seeing a scorecard is fitted, i.e. in sample).`,
    );
  if (s.posterior !== null)
    out.push(
      s.fittedKnown
        ? `Not the shipped model: parameters drawn from the posterior ${s.posterior}; the episodes it was fitted to (its manifest) are marked in sample.`
        : `Not the shipped model: parameters drawn from the posterior ${s.posterior}; the episodes it was fitted to are in sample whatever the column says (no manifest beside it says which).`,
    );
  return `${out.join('\n')}\n`;
}
