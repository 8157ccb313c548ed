// `aci-sim batch … --print-slurm`: a ready sbatch script that runs the plan
// as a job array, one shard per task, then says how to merge.

export interface SlurmOptions {
  /** The experiment or scenario as the user named it. */
  readonly target: string;
  readonly id: string;
  readonly runs: number;
  readonly tasks: number;
  readonly cpus: number;
  readonly seed: number;
  /** --runs as given (so that every task makes the same plan). */
  readonly runsFlag: number | undefined;
  readonly policy: string | undefined;
  readonly ext: 'csv' | 'jsonl' | 'parquet';
}

/** Tasks when --print-slurm gives none: about 50,000 runs each, 1 to 1000 tasks. */
export const defaultTasks = (runs: number): number => Math.min(1000, Math.max(1, Math.ceil(runs / 50_000)));

const shq = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function slurmScript(o: SlurmOptions): string {
  const dir = `results/${o.id}`;
  const out = `${dir}/shard-\${SLURM_ARRAY_TASK_ID}-of-${o.tasks}.${o.ext}`;
  const flags = [
    `--seed ${o.seed}`,
    ...(o.runsFlag === undefined ? [] : [`--runs ${o.runsFlag}`]),
    ...(o.policy === undefined ? [] : [`--policy ${shq(o.policy)}`]),
  ].join(' ');
  const perTask = Math.ceil(o.runs / o.tasks);
  return `#!/bin/bash
# aci-sim batch as a Slurm job array: ${o.runs} runs of ${o.id} in ${o.tasks} tasks
# (about ${perTask} runs each, ${o.cpus} worker threads per task).
# Submit with: sbatch this-file.sh   — adjust --time and --mem to your cluster.
#SBATCH --job-name=aci-${o.id}
#SBATCH --array=1-${o.tasks}
#SBATCH --cpus-per-task=${o.cpus}
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=${dir}/slurm-%A_%a.log

set -euo pipefail
mkdir -p ${dir}

# Each task takes shard i of n of the same plan (same experiment, seed and --runs).
# --resume lets a requeued or restarted task continue where it stopped.
aci-sim batch ${shq(o.target)} ${flags} \\
  --workers "\${SLURM_CPUS_PER_TASK}" \\
  --shard "\${SLURM_ARRAY_TASK_ID}/\${SLURM_ARRAY_TASK_COUNT}" \\
  --out "${out}" \\
  --resume --quiet

# When every task has finished, merge the shards into one file; merge checks
# that every planned run appears exactly once:
#   aci-sim merge ${dir} --out results/${o.id}.${o.ext}
# or let Slurm run it after the array:
#   sbatch --dependency=afterok:<array job id> --wrap "aci-sim merge ${dir} --out results/${o.id}.${o.ext}"
`;
}
