// --shard i/n (1-based), or the Slurm job-array variables when the flag is
// absent; --workers, or SLURM_CPUS_PER_TASK, or every core.
import { availableParallelism } from 'node:os';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { MAX_WORKERS } from '../io/limits.js';
import { type Shard, WHOLE } from './plan.js';

const whole = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s.trim()) ? Number(s) : null);

/** Parses `i/n`; problems are reported as coming from `from` (the flag or the variable). */
export function parseShard(text: string, problems: Diagnostic[], from = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const bad = (message: string) => {
    problems.push(fileDiag(from, 'cli/shard', message));
    return WHOLE;
  };
  if (!m) return bad(`expected i/n, e.g. 3/16 (shard 3 of 16), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return bad(`the number of shards must be at least 1, got ${text}`);
  if (index < 1) return bad(`shards count from 1: use 1/${count} … ${count}/${count}, got ${text}`);
  if (index > count) return bad(`there is no shard ${index} of ${count}: i must be between 1 and ${count}`);
  return { index, count };
}

/** The shard from --shard, else from SLURM_ARRAY_TASK_ID/COUNT/MIN, else the whole plan. */
export function chooseShard(flag: string | undefined, env: NodeJS.ProcessEnv, problems: Diagnostic[]): Shard {
  if (flag !== undefined) return parseShard(flag, problems);
  const id = whole(env.SLURM_ARRAY_TASK_ID);
  if (id === null) return WHOLE;
  const count = whole(env.SLURM_ARRAY_TASK_COUNT);
  const min = whole(env.SLURM_ARRAY_TASK_MIN) ?? 1;
  if (count === null) {
    problems.push(
      fileDiag(
        'SLURM_ARRAY_TASK_COUNT',
        'cli/shard',
        'is not set although SLURM_ARRAY_TASK_ID is; pass --shard i/n',
      ),
    );
    return WHOLE;
  }
  return parseShard(`${id - min + 1}/${count}`, problems, 'SLURM_ARRAY_TASK_ID');
}

/** Worker threads: --workers, else SLURM_CPUS_PER_TASK, else every core. */
export function chooseWorkers(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  problems: Diagnostic[],
): number {
  if (flag !== undefined) {
    const n = whole(flag);
    if (n === null || n < 1 || n > MAX_WORKERS) {
      problems.push(
        fileDiag(
          '--workers',
          'cli/workers',
          `expected a whole number from 1 to ${MAX_WORKERS}, got "${flag}"`,
        ),
      );
      return 1;
    }
    return n;
  }
  const slurm = whole(env.SLURM_CPUS_PER_TASK);
  return slurm !== null && slurm >= 1 ? Math.min(slurm, MAX_WORKERS) : availableParallelism();
}
