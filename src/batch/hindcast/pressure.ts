// What the recorded measures cost each side when neither side moves: every
// episode played once with its numbers as written (nothing drawn) and both
// sides holding, so that only the record's forced measures act. Set beside
// the recorded outcome, it shows whether measured pain tells who gave way.
import { runGame } from '../../engine/index.js';
import type { LoadedExperiment } from '../../io/load-experiment.js';
import { textTable } from '../text-table.js';

export interface Pressure {
  readonly id: string;
  readonly inSample: boolean;
  /** The recorded outcome class. */
  readonly outcome: string;
  /** Pain with both sides holding, % of GDP a year, averaged over the rounds played. */
  readonly target: number;
  readonly coercer: number;
  /** The rounds played: fewer than the episode's when a side passed its tolerance. */
  readonly rounds: number;
  /** How that run ended (a side may back down under pain even when holding). */
  readonly ended: string;
}

/** One run of the episode with both sides `hold`; null when its models define no `hold` policy. */
export function pressureOf(exp: LoadedExperiment, seed: string): Pressure | null {
  const sc = exp.loaded.scenario;
  const expect = exp.loaded.def.expect;
  const hold = Object.values(sc.policies).find((p) => p.kind === 'hold');
  if (!hold || !expect) return null;
  const r = runGame(sc, seed, { target: hold, coercer: hold });
  return {
    id: sc.id,
    inSample: expect.in_sample,
    outcome: expect.outcome,
    target: r.pain.target.pctGdp,
    coercer: r.pain.coercer.pctGdp,
    rounds: r.round,
    ended: r.outcome,
  };
}

const pct = (x: number) => `${x.toFixed(3)}%`;

/**
 * Whether measured pain tells who gave way: over every pair of an episode
 * whose target backed down and one whose coercer did, the share in which
 * the target that gave way bore the larger pain (ties count half). 0.5:
 * pain tells nothing; 1: it orders every pair. Null without both kinds.
 */
export function painOrdersBackDowns(rows: readonly Pressure[]): { share: number; pairs: number } | null {
  const gave = rows.filter((p) => p.outcome === 'target_backs_down').map((p) => p.target);
  const held = rows.filter((p) => p.outcome === 'coercer_backs_down').map((p) => p.target);
  if (gave.length === 0 || held.length === 0) return null;
  let wins = 0;
  for (const g of gave) for (const h of held) wins += g > h ? 1 : g === h ? 0.5 : 0;
  return { share: wins / (gave.length * held.length), pairs: gave.length * held.length };
}

/** The table, least pressed target first. */
export function formatPressure(rows: readonly Pressure[]): string {
  const sorted = [...rows].sort((a, b) => a.target - b.target || a.id.localeCompare(b.id));
  const table = textTable(
    [
      ['episode', 'sample', 'recorded outcome', 'target pain', 'coercer pain', 'held to'],
      ...sorted.map((p) => [
        p.id,
        p.inSample ? 'in' : 'out',
        p.outcome,
        pct(p.target),
        pct(p.coercer),
        p.ended === 'stalemate' ? `round ${p.rounds}` : `round ${p.rounds} (${p.ended})`,
      ]),
    ],
    ['l', 'l', 'l', 'r', 'r', 'l'],
  );
  const order = painOrdersBackDowns(rows);
  const verdict = order
    ? `Targets that backed down against targets that held until the coercer did: in ${order.share * order.pairs} of ${order.pairs} pairs the one that gave way bore the larger pain (${order.share.toFixed(2)}; 0.50 if pain tells nothing, 1 if it orders every pair).\n\n`
    : '';
  return `${table}\n\n${verdict}Pain: % of GDP a year that the recorded measures cost each side with both sides holding (one run, the numbers as written); "held to": the round the run reached, and how it ended if before the last (a side over its tolerance, or the coercer's futility clock).\n`;
}
