// `aci-sim batch … --print-slurm [TASKS]`: the Slurm array script for a
// batch, calling the binary by its absolute path.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plan } from '../batch/plan.js';
import { fileDiag } from '../io/diagnostics.js';
import type { ExperimentOptions, LoadedExperiment } from '../io/load-experiment.js';
import type { Format } from '../io/writers/columns.js';
import type { BatchFlags } from './commands/batch.js';
import { EXIT_OK, reportDiagnostics } from './exit.js';
import type { CliIo } from './io.js';

/** Prints the Slurm array script that runs this batch in shards on a cluster. */
export async function printSlurm(
  io: CliIo,
  target: string,
  exp: LoadedExperiment,
  plan: Plan,
  flags: BatchFlags,
  common: ExperimentOptions,
  ext: Format,
): Promise<number> {
  const { defaultTasks, slurmScript } = await import('../batch/slurm.js');
  const asked = typeof flags.printSlurm === 'string' ? Number(flags.printSlurm) : defaultTasks(plan.size);
  if (!Number.isSafeInteger(asked) || asked < 1)
    return reportDiagnostics(io, [
      fileDiag('--print-slurm', 'cli/slurm', `expected a number of tasks ≥ 1, got "${flags.printSlurm}"`),
    ]);
  io.stdout.write(
    slurmScript({
      // Absolute, so that the script works from any folder; a scenario id stays an id.
      target: existsSync(resolve(io.cwd, target)) ? resolve(io.cwd, target) : target,
      command: `node ${fileURLToPath(new URL('../../bin/aci-sim.js', import.meta.url))}`,
      id: exp.id,
      runs: plan.size,
      tasks: Math.min(asked, plan.size),
      cpus: flags.workers !== undefined ? Number(flags.workers) : 8,
      seed: exp.seed,
      runsFlag: common.runs,
      policy: flags.policy,
      ...(common.points === undefined ? {} : { points: common.points }),
      ext,
    }),
  );
  return EXIT_OK;
}
