// `aci-sim batch … --print-slurm`: a ready sbatch script that runs the plan
// as a job array, one shard per task, then says how to merge.

export interface SlurmOptions {
  /** The experiment or scenario, absolute when it is a file. */
  readonly target: string;
  readonly id: string;
  readonly runs: number;
  readonly tasks: number;
  readonly cpus: number;
  readonly seed: number;
  /** --runs as given (so that every task makes the same plan). */
  readonly runsFlag: number | undefined;
  readonly policy: string | undefined;
  /** --points FILE, absolute. */
  readonly points?: string;
  readonly ext: 'csv' | 'jsonl' | 'parquet';
  /** How to call the tool on a compute node: `node /abs/path/bin/aci-sim.js` (or `npx aci-sim`). */
  readonly command: string;
}

/** Tasks when --print-slurm gives none: about 50,000 runs each, 1 to 1000 tasks. */
export const defaultTasks = (runs: number): number => Math.min(1000, Math.max(1, Math.ceil(runs / 50_000)));

/**
 * Memory of a batch process, measured (docs/RESEARCH.md §5 and §10): about 200 MB on one thread
 * and 140 MB more per extra thread; the script asks for a quarter more, in whole 100 MB.
 */
export const BASE_MB = 200;
export const PER_WORKER_MB = 140;
export const memoryMb = (cpus: number): number =>
  Math.ceil((1.25 * (BASE_MB + PER_WORKER_MB * Math.max(0, cpus - 1))) / 100) * 100;

const shq = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function slurmScript(o: SlurmOptions): string {
  const dir = `results/${o.id}`;
  // The shard count is fixed here, never read from SLURM_ARRAY_TASK_COUNT: re-running one task
  // (sbatch --array=2) makes Slurm report a count of 1.
  const out = `${dir}/shard-\${SLURM_ARRAY_TASK_ID}-of-${o.tasks}.${o.ext}`;
  const flags = [
    `--seed ${o.seed}`,
    ...(o.runsFlag === undefined ? [] : [`--runs ${o.runsFlag}`]),
    ...(o.policy === undefined ? [] : [`--policy ${shq(o.policy)}`]),
    ...(o.points === undefined ? [] : [`--points ${shq(o.points)}`]),
  ].join(' ');
  const perTask = Math.ceil(o.runs / o.tasks);
  return `#!/bin/bash
# aci-sim batch as a Slurm job array: ${o.runs} runs of ${o.id} in ${o.tasks} tasks
# (about ${perTask} runs each, ${o.cpus} worker threads per task).
# Submit with:  bash this-file.sh   (it creates the log folder, which Slurm
# needs before the job starts, then submits itself with sbatch); re-run one
# failed task with:  bash this-file.sh --array=2
# --mem comes from the measured ${BASE_MB} MB + ${PER_WORKER_MB} MB per extra thread, plus a quarter;
# adjust --time to your cluster.
#SBATCH --job-name=aci-${o.id}
#SBATCH --array=1-${o.tasks}
#SBATCH --cpus-per-task=${o.cpus}
#SBATCH --mem=${memoryMb(o.cpus)}M
#SBATCH --time=02:00:00
#SBATCH --output=${dir}/logs/slurm-%A_%a.log

set -euo pipefail
TASKS=${o.tasks}
ACI_SIM="\${ACI_SIM:-${o.command}}"

if [ -z "\${SLURM_JOB_ID:-}" ]; then
  # On the login node: make the folders, then submit this very file (extra arguments go to sbatch).
  mkdir -p ${dir}/logs
  exec sbatch "$@" "$0"
fi

# Each task takes shard i of ${o.tasks} of the same plan (same experiment, seed and --runs).
# --resume lets a requeued or restarted task continue where it stopped.
$ACI_SIM batch ${shq(o.target)} ${flags} \\
  --workers "\${SLURM_CPUS_PER_TASK:-1}" \\
  --shard "\${SLURM_ARRAY_TASK_ID}/\${TASKS}" \\
  --out "${out}" \\
  --resume --quiet

# When every task has finished, merge the shards into one file; merge checks
# that every planned run appears exactly once:
#   $ACI_SIM merge ${dir} --out results/${o.id}.${o.ext}
# or let Slurm run it after the array:
#   sbatch --dependency=afterok:<array job id> --wrap "${o.command} merge ${dir} --out results/${o.id}.${o.ext}"
`;
}
