// `batch --points FILE` and `batch --design-only`: the points file as a
// loader option, and the design written without running it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plan, Shard } from '../batch/plan.js';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import type { ExperimentOptions, LoadedExperiment } from '../io/load-experiment.js';
import { formatOf } from '../io/writers/columns.js';
import type { BatchFlags } from './commands/batch.js';
import { toolVersion } from './commands/batch.js';
import { EXIT_OK, reportDiagnostics } from './exit.js';
import type { CliIo } from './io.js';

/** --points FILE as a loader option (absolute, so that a replay finds it); refused with --posterior. */
export function withPoints(
  opts: ExperimentOptions,
  flags: BatchFlags,
  cwd: string,
  problems: Diagnostic[],
): ExperimentOptions {
  if (flags.points === undefined) return opts;
  if (flags.posterior !== undefined)
    problems.push(fileDiag('--points', 'cli/points', 'give --points or --posterior, not both'));
  return { ...opts, points: resolve(cwd, flags.points) };
}

/** --design-only: writes the plan's runs without running them. */
export async function designOnly(
  io: CliIo,
  exp: LoadedExperiment,
  plan: Plan,
  shard: Shard,
  flags: BatchFlags,
  defaultFile: string,
): Promise<number> {
  const file = flags.out ?? defaultFile;
  const format = formatOf(file);
  if (format !== 'csv' && format !== 'parquet')
    return reportDiagnostics(io, [
      fileDiag('--out', 'cli/out', `a design is written as .csv or .parquet, got "${file}"`),
    ]);
  if (existsSync(resolve(io.cwd, file)) && !flags.force)
    return reportDiagnostics(io, [
      fileDiag(file, 'batch/exists', 'already exists; add --force to overwrite it'),
    ]);
  const { writeDesign } = await import('../batch/design-file.js');
  const rows = await writeDesign(exp, plan, shard, resolve(io.cwd, file), format, toolVersion());
  if (!flags.quiet) io.stderr.write(`wrote the design of ${exp.id} to ${file} (${rows} runs)\n`);
  return EXIT_OK;
}
