// `batch --design-only`: the plan's runs without running them, one row per
// run with the columns a batch output starts with (run id, point,
// replication, seed as the output prints it, package, policies) and every
// sampled value by its parameter path. `batch --points` reads it back.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { tempBeside, writeFileAtomic } from '../io/atomic.js';
import type { LoadedExperiment } from '../io/load-experiment.js';
import type { Cell, Column } from '../io/writers/columns.js';
import { csvHeader, csvRow } from '../io/writers/csv.js';
import { writeParquet } from '../io/writers/parquet.js';
import { rowColumns } from './metrics.js';
import { type Plan, type Shard, shardPosition, shardSize } from './plan.js';

/** The columns of a design file: a batch output's, without metrics and error. */
export function designColumns(exp: LoadedExperiment): Column[] {
  const all = rowColumns(exp);
  return all.slice(0, all.length - exp.metrics.length - 1);
}

/** The design's rows (the shard's runs, in run-id order). */
export function* designRows(exp: LoadedExperiment, plan: Plan, shard: Shard): Generator<Cell[]> {
  const withPackage = exp.packages.length > 0;
  for (let j = 0; j < shardSize(plan.size, shard); j++) {
    const s = plan.spec(shardPosition(shard, j));
    const lever = exp.levers[s.lever]!;
    const row: Cell[] = [s.runId, s.point, s.replication, s.seed];
    if (withPackage) row.push(lever.package);
    row.push(lever.target, lever.coercer, ...s.values);
    yield row;
  }
}

/** Writes the design to `file` (CSV or Parquet) through a temporary file; returns the rows written. */
export async function writeDesign(
  exp: LoadedExperiment,
  plan: Plan,
  shard: Shard,
  file: string,
  format: 'csv' | 'parquet',
  version: string,
): Promise<number> {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const columns = designColumns(exp);
  if (format === 'csv') {
    const parts = [csvHeader(columns)];
    for (const row of designRows(exp, plan, shard)) parts.push(csvRow(row));
    writeFileAtomic(file, parts.join(''));
    return parts.length - 1;
  }
  const tmp = tempBeside(file);
  try {
    const kv = { 'aci-sim.version': version, 'aci-sim.kind': 'design', 'aci-sim.plan_hash': plan.hash };
    const n = await writeParquet(tmp, columns, designRows(exp, plan, shard), kv, `aci-sim ${version}`);
    renameSync(tmp, file);
    return n;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
