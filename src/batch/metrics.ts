// What a run records: the columns of a result row and of a per-round series
// row, and their cells from a finished run.
import { type RunResult, rungOf, type Scenario, type SimState } from '../engine/index.js';
import type { LoadedExperiment } from '../io/load-experiment.js';
import { type Cell, type Column, type ColumnType, num } from '../io/writers/columns.js';

const TYPES: Record<string, ColumnType> = {
  outcome: 'string',
  round: 'int',
  peak_rung: 'int',
  deals_broken: 'int',
  rounds_played: 'int',
};

/** Column name of a metric token: `state:DE` → `state_DE`. */
export const metricColumn = (m: string): string => m.replace(/^state:/, 'state_');

/** The columns of a result row: ids, levers, sampled parameters, metrics, error. */
export function rowColumns(exp: LoadedExperiment): Column[] {
  const cols: Column[] = [
    { name: 'run_id', type: 'string' },
    { name: 'point', type: 'int' },
    { name: 'replication', type: 'int' },
    { name: 'seed', type: 'string' },
  ];
  if (exp.packages.length > 0) cols.push({ name: 'package', type: 'string' });
  cols.push({ name: 'policy_eu', type: 'string' }, { name: 'policy_cn', type: 'string' });
  for (const u of exp.uncertain) cols.push({ name: u.path, type: 'double' });
  for (const m of exp.metrics) cols.push({ name: metricColumn(m), type: TYPES[m] ?? 'double' });
  cols.push({ name: 'error', type: 'string' });
  return cols;
}

/**
 * The columns the main thread sees for each run (summaries, sensitivity): a
 * row without its sampled parameters, which can be hundreds of numbers that
 * only the output file needs.
 */
export function slimColumns(exp: LoadedExperiment): Column[] {
  const paths = new Set(exp.uncertain.map((u) => u.path));
  return rowColumns(exp).filter((c) => !paths.has(c.name));
}

/** Picks the slim cells out of a full row (rows read back by --resume). */
export function slimmer(exp: LoadedExperiment): (row: readonly Cell[]) => Cell[] {
  const paths = new Set(exp.uncertain.map((u) => u.path));
  const keep = rowColumns(exp).flatMap((c, i) => (paths.has(c.name) ? [] : [i]));
  return (row) => keep.map((i) => row[i] ?? null);
}

/** A function from a finished run to its metric cells, in `metrics` order. */
export function metricCells(metrics: readonly string[]): (r: RunResult) => Cell[] {
  const get = metrics.map((m): ((r: RunResult) => Cell) => {
    if (m.startsWith('state:')) {
      const code = m.slice(6);
      return (r) => num(r.statePain[code]?.eurBn);
    }
    switch (m) {
      case 'outcome':
        return (r) => r.outcome;
      case 'round':
        return (r) => r.round;
      case 'q':
        return (r) => num(r.q);
      case 'pain_eu':
        return (r) => num(r.pain.EU.eurBn);
      case 'pain_cn':
        return (r) => num(r.pain.CN.eurBn);
      case 'pain_eu_pct':
        return (r) => num(r.pain.EU.pctGdp);
      case 'pain_cn_pct':
        return (r) => num(r.pain.CN.pctGdp);
      case 'peak_rung':
        return (r) => r.peakRung;
      case 'min_qm_margin':
        return (r) => num(r.minQmMargin);
      case 'substitution_eu':
        return (r) => num(r.substitution.EU);
      case 'substitution_cn':
        return (r) => num(r.substitution.CN);
      case 'deals_broken':
        return (r) => r.dealsBroken;
      case 'rounds_played':
        return (r) => r.roundsPlayed;
      default:
        throw new Error(`unknown metric ${m}`);
    }
  });
  return (r) => get.map((g) => g(r));
}

/** The columns of the per-round series file. */
export function seriesColumns(sc: Scenario): Column[] {
  const d = (name: string): Column => ({ name, type: 'double' });
  const i = (name: string): Column => ({ name, type: 'int' });
  return [
    { name: 'run_id', type: 'string' },
    i('round'),
    d('pain_eu'),
    d('pain_cn'),
    d('round_pain_eu'),
    d('round_pain_cn'),
    i('rung'),
    i('peak_rung'),
    d('support_mean'),
    i('zone'),
    d('zone_cn_min'),
    d('zone_eu_max'),
    d('deal_q'),
    ...sc.measures.map((m) => i(`level_${m.id}`)),
  ];
}

/** One series row per round played. */
export function seriesRows(sc: Scenario, runId: string, r: RunResult): Cell[][] {
  return r.history.map(({ round, state }) => seriesRow(sc, runId, round, state));
}

function seriesRow(sc: Scenario, runId: string, round: number, st: SimState): Cell[] {
  const levels = st.measures.map((m) => m.level);
  const pain = (b: 'EU' | 'CN') => st.pain[b].harm + st.pain[b].cost;
  const last = (b: 'EU' | 'CN') => st.lastPain[b].harm + st.lastPain[b].cost;
  const support = st.support.length > 0 ? st.support.reduce((a, b) => a + b, 0) / st.support.length : null;
  const zone = st.zone !== null && st.zone.cnMin <= st.zone.euMax;
  return [
    runId,
    round,
    num(pain('EU')),
    num(pain('CN')),
    num(last('EU')),
    num(last('CN')),
    rungOf(sc, levels),
    st.peakRung,
    num(support),
    zone ? 1 : 0,
    num(st.zone?.cnMin),
    num(st.zone?.euMax),
    num(st.deal?.q),
    ...levels,
  ];
}
