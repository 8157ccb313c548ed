// Runs chunks of run specs: the same code in a worker thread and in the
// main thread (one worker). The scenario of each package is loaded and
// compiled once, in the main thread, and sent to workers as data
// (io/scenario-data.ts); a run only swaps in its sampled numbers
// (apply-values.ts). A run that throws becomes a row with `error` set; the
// chunk goes on.
import { runGame, type Scenario, SimError } from '../engine/index.js';
import type { Lever } from '../io/load-experiment.js';
import type { OwnMetric } from '../io/metric-formula.js';
import type { ScenarioData } from '../io/scenario-data.js';
import type { Cell, Column, Format } from '../io/writers/columns.js';
import { oneLine } from '../io/writers/columns.js';
import { csvRow } from '../io/writers/csv.js';
import { jsonlRowWriter } from '../io/writers/jsonl.js';
import { parameterApplier } from './apply-values.js';
import { ByteSink } from './byte-sink.js';
import { metricCells, seriesRows } from './metrics.js';
import { type PlanData, planFromData, type Shard, shardPosition } from './plan.js';

/** Where rows go: a file format, or nowhere (summaries only). */
export type RowFormat = Format | 'none';

/** Everything a worker needs, as plain data. */
export interface RunnerConfig {
  /** The compiled scenario of each package, in order (or of the scenario alone). */
  readonly scenarios: readonly ScenarioData[];
  /** Package names, in the order of `scenarios`; empty when the experiment sweeps none. */
  readonly packages: readonly string[];
  /** The plan (runners compute each run's seed and numbers themselves) and the shard run. */
  readonly plan: PlanData;
  readonly shard: Shard;
  readonly paths: readonly string[];
  readonly levers: readonly Lever[];
  readonly metrics: readonly string[];
  /** The experiment's own metrics (named in `metrics`): the runs keep their rounds to compute them. */
  readonly ownMetrics: readonly OwnMetric[];
  readonly columns: readonly Column[];
  readonly seriesColumns: readonly Column[] | null;
  readonly format: RowFormat;
}

/** Runs `from` ≤ j < `to` of the shard. */
export interface ChunkRequest {
  readonly id: number;
  readonly from: number;
  readonly to: number;
}

export interface ChunkResult {
  readonly id: number;
  /**
   * The rows formatted for the output (empty for 'none'), as UTF-8: encoded
   * where they are made, so that a worker hands the main thread bytes to
   * write (transferred, not copied).
   */
  readonly text: Uint8Array<ArrayBuffer>;
  readonly seriesText: Uint8Array<ArrayBuffer>;
  /** The rows without their sampled parameters (see slimColumns), for summaries and sensitivity. */
  readonly rows: Cell[][];
  readonly failed: number;
}

/** Formats rows for an output file; the Parquet journal holds JSON arrays. */
export function rowEncoder(format: RowFormat, columns: readonly Column[]): (row: readonly Cell[]) => string {
  if (format === 'csv') return csvRow;
  if (format === 'jsonl') return jsonlRowWriter(columns);
  if (format === 'parquet') return (row) => `${JSON.stringify(row)}\n`;
  return () => '';
}

const message = (e: unknown) =>
  oneLine(e instanceof SimError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e));

/** A chunk runner over scenarios compiled once: one per package (or the scenario alone). */
export function makeRunner(
  cfg: RunnerConfig,
  scenarios: readonly Scenario[],
): (req: ChunkRequest) => ChunkResult {
  const metrics = metricCells(cfg.metrics, scenarios[0]!, cfg.ownMetrics);
  const keepRounds = cfg.seriesColumns !== null || cfg.ownMetrics.length > 0;
  const encode = rowEncoder(cfg.format, cfg.columns);
  const encodeSeries = rowEncoder(cfg.format, cfg.seriesColumns ?? []);
  const withPackage = cfg.packages.length > 0;
  const plan = planFromData(cfg.plan);
  const blanks: Cell[] = cfg.metrics.map(() => null);
  const appliers = new Map(scenarios.map((s) => [s, parameterApplier(s, cfg.paths)]));
  const players = cfg.levers.map((l) => {
    const loaded = scenarios[withPackage ? cfg.packages.indexOf(l.package ?? '') : 0]!;
    const target = loaded.policies[l.target];
    const coercer = loaded.policies[l.coercer];
    if (!target || !coercer) throw new Error(`unknown policy in lever ${l.target}/${l.coercer}`);
    return { apply: appliers.get(loaded)!, policies: { target, coercer } };
  });
  const text = new ByteSink();
  const seriesText = new ByteSink();
  return (req) => {
    let failed = 0;
    const rows: Cell[][] = [];
    for (let j = req.from; j < req.to; j++) {
      const s = plan.spec(shardPosition(cfg.shard, j));
      const lever = cfg.levers[s.lever]!;
      const { apply, policies } = players[s.lever]!;
      const head: Cell[] = [s.runId, s.point, s.replication, s.seed];
      if (withPackage) head.push(lever.package);
      head.push(lever.target, lever.coercer);
      let tail: Cell[];
      try {
        const sc = apply(s.values);
        const r = runGame(sc, s.seed, policies, keepRounds);
        tail = [...metrics(r), null];
        if (cfg.seriesColumns)
          for (const sr of seriesRows(sc, s.runId, r)) seriesText.append(encodeSeries(sr));
      } catch (e) {
        failed++;
        tail = [...blanks, message(e)];
      }
      rows.push([...head, ...tail]);
      if (cfg.format !== 'none') text.append(encode([...head, ...s.values, ...tail]));
    }
    return { id: req.id, text: text.take(), seriesText: seriesText.take(), rows, failed };
  };
}
