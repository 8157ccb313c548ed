// What merge checks of each shard beyond its manifest: that the manifest is
// its own (its plan hash matches what it describes), that the file's header
// is the manifest's columns, and that every row's point, replication and seed
// are those its run id has in the plan, so rows from another seed or design
// are refused whatever the manifest beside them says.
import { canonicalJson, sha256 } from '../io/hash.js';
import type { Cell, Format } from '../io/writers/columns.js';
import { splitCsvLine } from '../io/writers/csv.js';
import { readLines } from '../io/writers/lines.js';
import type { Manifest } from '../io/writers/manifest.js';
import { runSeed } from '../rng/streams.js';
import { designInfo } from './design-stats.js';
import { PLAN_FORMAT } from './plan.js';

interface Input {
  readonly file: string;
  readonly format: Format;
  readonly manifest: Manifest;
}

/** The plan hash a manifest's own contents give (src/batch/plan.ts): a manifest edited by hand does not match. */
export function ownPlanHash(m: Manifest): string {
  const { warnings: _, ...describe } = m.plan.design;
  return sha256(
    canonicalJson({
      format: PLAN_FORMAT,
      experiment: m.experiment.hash,
      design: describe,
      size: m.plan.runs,
    }),
  );
}

/** The seed of each run under a manifest's plan: runSeed(master, seed group of the point, replication). */
export function seedOf(m: Manifest): (point: number, replication: number) => string {
  const { group } = designInfo(m.plan.design, m.plan.parameters.length);
  return (point, replication) => runSeed(m.seed, Math.floor(point / group), replication);
}

/** Whether a row's point, replication and seed are those its run id has in the plan. */
export function rowProblem(
  row: readonly Cell[],
  at: { point: number; replication: number },
  seed: (point: number, replication: number) => string,
): string | null {
  if (row[1] !== at.point || row[2] !== at.replication)
    return `point ${String(row[1])}, replication ${String(row[2])} (the plan has ${at.point}, ${at.replication})`;
  const want = seed(at.point, at.replication);
  return row[3] === want ? null : `seed ${String(row[3])} (the plan has ${want})`;
}

/** Whether a file's header names the manifest's columns, in order. */
export async function headerProblem(i: Input): Promise<string | null> {
  const want = i.manifest.output.columns.map((c) => c.name);
  let names: string[] | null = null;
  if (i.format === 'parquet') {
    try {
      const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
      const meta = await parquetMetadataAsync(await asyncBufferFromFile(i.file));
      names = meta.schema.slice(1).map((c) => c.name);
    } catch {
      return 'is not a Parquet file';
    }
  } else {
    for (const line of readLines(i.file)) {
      try {
        names = i.format === 'csv' ? splitCsvLine(line.text) : Object.keys(JSON.parse(line.text) as object);
      } catch {
        return 'its first line is not a JSON object';
      }
      break;
    }
    if (names === null) return i.format === 'csv' ? 'is empty (no header line)' : null;
  }
  return names.join(',') === want.join(',')
    ? null
    : `its header (${names.slice(0, 4).join(',')}${names.length > 4 ? ',…' : ''}) is not the columns of its manifest (${want.slice(0, 4).join(',')}${want.length > 4 ? ',…' : ''})`;
}
