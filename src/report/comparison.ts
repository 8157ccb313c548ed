// This game set against the computer-played games, in sentences and a table.
import { isOver, type Outcome, ROLES, type Role, RUNG_NAMES, type Scenario } from '../engine/index.js';
import { type Distribution, median, percentileOf, quantile } from './compare.js';
import type { Game } from './load-game.js';
import { BlocName, blocName, money, OUTCOMES, outcomeLabel, pct, rounds, share, thousands } from './words.js';

export interface GameFacts {
  /** Null while the game is unfinished. */
  outcome: Outcome | null;
  roundsPlayed: number;
  totalRounds: number;
  /** Round of the deal that ended the game in the landing zone. */
  dealRound: number | null;
  pain: Record<Role, number>;
  peakRung: number;
  /** The scenario, for the sides' names. */
  sc: Scenario;
}

export function gameFacts(g: Game): GameFacts {
  const outcome = isOver(g.sc, g.final) || g.final.outcome ? g.metrics.outcome : null;
  return {
    outcome,
    roundsPlayed: g.final.round,
    totalRounds: g.sc.rounds,
    dealRound: outcome === 'landing_zone' ? (g.final.deal?.round ?? g.metrics.round) : null,
    pain: { target: g.metrics.pain.target.eurBn, coercer: g.metrics.pain.coercer.eurBn },
    peakRung: g.metrics.peakRung,
    sc: g.sc,
  };
}

const roundNo = (r: number) => `round ${Number.isInteger(r) ? r : r.toFixed(1)}`;

/** The headline: when (or whether) this game's deal came, against the computer-played games. */
export function dealSentence(g: GameFacts, d: Distribution): string {
  const n = thousands(d.runs);
  const deals = d.outcomes.landing_zone;
  const shareOf = share(deals, d.runs);
  const m = median(d.dealRounds);
  if (g.outcome === 'landing_zone' && g.dealRound !== null) {
    if (d.dealRounds.length === 0)
      return `Your teams reached a deal in round ${g.dealRound}; none of the ${n} computer-played games did.`;
    const diff = m - g.dealRound;
    const of = `the median of the ${n} computer-played games`;
    if (Math.abs(diff) < 0.25)
      return `Your deal came in the same round as ${of} (${roundNo(g.dealRound)}; ${shareOf} of them reached a deal).`;
    const when = `${rounds(Math.abs(diff))} ${diff > 0 ? 'earlier' : 'later'}`;
    return `Your deal came ${when} than ${of} (${roundNo(g.dealRound)} against ${roundNo(m)}; ${shareOf} of them reached a deal).`;
  }
  const atMedian = d.dealRounds.length > 0 ? `, at a median of ${roundNo(m)}` : '';
  if (g.outcome === null)
    return `Your game stopped after ${rounds(g.roundsPlayed)} of ${g.totalRounds} without an outcome; ${shareOf} of the ${n} computer-played games reached a deal${atMedian}.`;
  const label = outcomeLabel(g.sc, g.outcome);
  if (d.dealRounds.length === 0)
    return `Like all ${n} computer-played games, yours ended without a deal (${label}).`;
  return `Your game ended without a deal (${label}); ${shareOf} of the ${n} computer-played games reached one${atMedian}.`;
}

/** Where a bloc's pain falls among the computer-played games. */
export function painSentence(b: Role, g: GameFacts, d: Distribution): string {
  const vs = d.pain[b];
  const x = g.pain[b];
  const head = `${BlocName(g.sc, b)}'s pain, ${money(x)},`;
  if (vs.length === 0) return `${head} has no computer-played games to compare with.`;
  if (vs.every((v) => v === x)) return `${head} was the same as in every computer-played game.`;
  const p = percentileOf(vs, x);
  const tail = `of the computer-played games (median ${money(median(vs))})`;
  return p >= 50
    ? `${head} was more than in ${pct(p)} ${tail}.`
    : `${head} was less than in ${pct(100 - p)} ${tail}.`;
}

export function rungSentence(g: GameFacts, d: Distribution): string {
  const m = median(d.peakRung);
  const name = RUNG_NAMES[g.peakRung] ?? '';
  return `Escalation peaked at rung ${g.peakRung} (${name}), against a median peak of rung ${Number.isInteger(m) ? m : m.toFixed(1)} in the computer-played games.`;
}

export function outcomeShares(sc: Scenario, d: Distribution): string {
  const parts = OUTCOMES.filter((o) => d.outcomes[o] > 0).map(
    (o) => `${outcomeLabel(sc, o)} ${share(d.outcomes[o], d.runs)}`,
  );
  return `The ${thousands(d.runs)} computer-played games ended: ${parts.join(', ')}.`;
}

export interface CompareRow {
  measure: string;
  game: string;
  median: string;
  range: string;
  /** Share of computer-played games below this game's value (ties half), or a dash. */
  percentile: string;
}

/** The comparison table: this game, the median, the middle 80% and the percentile. */
export function compareRows(g: GameFacts, d: Distribution): CompareRow[] {
  const row = (
    measure: string,
    x: number | null,
    vs: readonly number[],
    f: (v: number) => string,
  ): CompareRow => ({
    measure,
    game: x === null ? '—' : f(x),
    median: vs.length ? f(median(vs)) : '—',
    range: vs.length ? `${f(quantile(vs, 0.1))} – ${f(quantile(vs, 0.9))}` : '—',
    percentile: x === null || vs.length === 0 ? '—' : pct(percentileOf(vs, x)),
  });
  const r1 = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  return [
    row('Round of the deal', g.dealRound, d.dealRounds, r1),
    ...ROLES.map((b) => row(`Pain to ${blocName(g.sc, b)}`, g.pain[b], d.pain[b], money)),
    row('Peak rung', g.peakRung, d.peakRung, r1),
  ];
}

export function comparisonSentences(g: GameFacts, d: Distribution): string[] {
  return [
    dealSentence(g, d),
    outcomeShares(g.sc, d),
    ...ROLES.map((b) => painSentence(b, g, d)),
    rungSentence(g, d),
  ];
}
