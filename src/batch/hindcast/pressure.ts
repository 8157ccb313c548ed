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
  return `${table}\n\nPain: % of GDP a year that the recorded measures cost each side with both sides holding (one run, the numbers as written); "held to": the round the run reached, and how it ended if before the last (a side over its tolerance, or the coercer's futility clock).\n`;
}
