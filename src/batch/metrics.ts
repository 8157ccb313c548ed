// What a run records: the columns of a result row and of a per-round series
// row, and their cells from a finished run.
import { type Role, type RunResult, rungOf, type Scenario, type SimState } from '../engine/index.js';
import type { LoadedExperiment } from '../io/load-experiment.js';
import type { OwnMetric } from '../io/metric-formula.js';
import { type Cell, type Column, type ColumnType, num } from '../io/writers/columns.js';
import { ownMetricCells } from './own-metrics.js';

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
/** The sampled parameters of a row, in plan order: the uncertain numbers, then any posterior's. */
const parameterPaths = (exp: LoadedExperiment): string[] => [
  ...exp.uncertain.map((u) => u.path),
  ...(exp.posterior?.paths ?? []),
];

export function rowColumns(exp: LoadedExperiment): Column[] {
  const cols: Column[] = [
    { name: 'run_id', type: 'string' },
    { name: 'point', type: 'int' },
    { name: 'replication', type: 'int' },
    { name: 'seed', type: 'string' },
  ];
  if (exp.packages.length > 0) cols.push({ name: 'package', type: 'string' });
  for (const k of sideKeys(exp.loaded.scenario)) cols.push({ name: `policy_${k}`, type: 'string' });
  for (const p of parameterPaths(exp)) cols.push({ name: p, type: 'double' });
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
  const paths = new Set(parameterPaths(exp));
  return rowColumns(exp).filter((c) => !paths.has(c.name));
}

/** Picks the slim cells out of a full row (rows read back by --resume). */
export function slimmer(exp: LoadedExperiment): (row: readonly Cell[]) => Cell[] {
  const paths = new Set(parameterPaths(exp));
  const keep = rowColumns(exp).flatMap((c, i) => (paths.has(c.name) ? [] : [i]));
  return (row) => keep.map((i) => row[i] ?? null);
}

/** The two sides as columns name them: their ids in lower case, target first. */
export const sideKeys = (sc: Scenario): [string, string] => [
  sc.blocs.target.id.toLowerCase(),
  sc.blocs.coercer.id.toLowerCase(),
];

/** The role a side metric names (`pain_eu_pct` → its side's role), or null for other metrics. */
function sideMetric(
  sc: Scenario,
  m: string,
): { role: Role; what: 'pain' | 'pain_pct' | 'substitution' } | null {
  const hit = /^(pain|substitution)_([a-z0-9]+?)(_pct)?$/.exec(m);
  if (!hit || (hit[3] && hit[1] !== 'pain')) return null;
  const [t, c] = sideKeys(sc);
  const key = hit[2]!;
  const role: Role | null =
    key === t || key === 'target' ? 'target' : key === c || key === 'coercer' ? 'coercer' : null;
  if (!role) return null;
  return { role, what: hit[1] === 'substitution' ? 'substitution' : hit[3] ? 'pain_pct' : 'pain' };
}

/** A function from a finished run to its metric cells, in `metrics` order (own metrics need its history). */
export function metricCells(
  metrics: readonly string[],
  sc: Scenario,
  own: readonly OwnMetric[] = [],
): (r: RunResult) => Cell[] {
  const ownCells = ownMetricCells(own, sc);
  const ownAt = new Map(own.map((m, i) => [m.name, i]));
  let cached: { r: RunResult; cells: Cell[] } | null = null;
  const ownCell = (i: number) => (r: RunResult) => {
    if (cached?.r !== r) cached = { r, cells: ownCells(r) };
    return cached.cells[i] ?? null;
  };
  const get = metrics.map((m): ((r: RunResult) => Cell) => {
    const mine = ownAt.get(m);
    if (mine !== undefined) return ownCell(mine);
    if (m.startsWith('state:')) {
      const code = m.slice(6);
      return (r) => num(r.statePain[code]?.eurBn);
    }
    const side = sideMetric(sc, m);
    if (side) {
      const { role, what } = side;
      if (what === 'pain') return (r) => num(r.pain[role].eurBn);
      if (what === 'pain_pct') return (r) => num(r.pain[role].pctGdp);
      return (r) => num(r.substitution[role]);
    }
    switch (m) {
      case 'outcome':
        return (r) => r.outcome;
      case 'round':
        return (r) => r.round;
      case 'q':
        return (r) => num(r.q);
      case 'peak_rung':
        return (r) => r.peakRung;
      case 'min_qm_margin':
        return (r) => num(r.minQmMargin);
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
  const [t, c] = sideKeys(sc);
  return [
    { name: 'run_id', type: 'string' },
    i('round'),
    d(`pain_${t}`),
    d(`pain_${c}`),
    d(`round_pain_${t}`),
    d(`round_pain_${c}`),
    i('rung'),
    i('peak_rung'),
    d('support_mean'),
    i('zone'),
    d(`zone_${c}_min`),
    d(`zone_${t}_max`),
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
  const pain = (b: Role) => st.pain[b].harm + st.pain[b].cost;
  const last = (b: Role) => st.lastPain[b].harm + st.lastPain[b].cost;
  const support = st.support.length > 0 ? st.support.reduce((a, b) => a + b, 0) / st.support.length : null;
  const zone = st.zone !== null && st.zone.coercerMin <= st.zone.targetMax;
  return [
    runId,
    round,
    num(pain('target')),
    num(pain('coercer')),
    num(last('target')),
    num(last('coercer')),
    rungOf(sc, levels),
    st.peakRung,
    num(support),
    zone ? 1 : 0,
    num(st.zone?.coercerMin),
    num(st.zone?.targetMax),
    num(st.deal?.q),
    ...levels,
  ];
}
