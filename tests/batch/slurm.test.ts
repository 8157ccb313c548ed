// The printed Slurm script, run by bash under a fake Slurm: submitted from
// the login node it makes its log folder and calls sbatch on itself; as array
// tasks it writes one shard each; one task re-run alone (as `sbatch
// --array=2` runs it, with a task count of 1) rewrites the same shard; the
// shards merge into the bytes of an unsharded batch. Spawns bash and the
// real binary (one test).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-slurm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PACKAGES = 'tests/fixtures/experiments/packages.yaml';

describe('the Slurm script', () => {
  it('submits itself, runs a full array and a one-task re-run, and the shards merge', async () => {
    const printed = await cli(['batch', PACKAGES, '--print-slurm', '3', '--workers', '1', '--out', 'x.csv']);
    expect(printed.code, printed.stderr).toBe(0);
    const script = join(dir, 'job.sh');
    writeFileSync(script, printed.stdout);
    const bash = (env: Record<string, string>, args: string[] = []) =>
      execFileSync('bash', [script, ...args], {
        cwd: dir,
        env: { PATH: `${dir}/bin:${process.env.PATH}`, HOME: dir, ACI_SIM_CACHE: join(dir, 'cache'), ...env },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    // Login node: a fake sbatch records how it was called.
    execFileSync('mkdir', ['-p', join(dir, 'bin')]);
    writeFileSync(join(dir, 'bin', 'sbatch'), `#!/bin/bash\necho "$@" > "${dir}/sbatch-args"\n`);
    chmodSync(join(dir, 'bin', 'sbatch'), 0o755);
    bash({}, ['--array=2']);
    expect(existsSync(join(dir, 'results/fixture-packages/logs'))).toBe(true);
    expect(readFileSync(join(dir, 'sbatch-args'), 'utf8')).toBe(`--array=2 ${script}\n`);
    // The array: tasks 1..3, each told the count 3.
    const task = (id: number, count: number, min = 1) =>
      bash({
        SLURM_JOB_ID: '42',
        SLURM_ARRAY_JOB_ID: '42',
        SLURM_ARRAY_TASK_ID: String(id),
        SLURM_ARRAY_TASK_COUNT: String(count),
        SLURM_ARRAY_TASK_MIN: String(min),
        SLURM_CPUS_PER_TASK: '1',
      });
    for (const id of [1, 2, 3]) task(id, 3);
    const shard = (i: number) => join(dir, `results/fixture-packages/shard-${i}-of-3.csv`);
    const first = readFileSync(shard(2));
    // Task 2 failed and is re-run alone: Slurm then says count 1, min 2.
    rmSync(shard(2));
    rmSync(`${shard(2)}.manifest.json`);
    task(2, 1, 2);
    expect(readFileSync(shard(2))).toEqual(first);
    const merged = join(dir, 'merged.csv');
    const m = await cli(['merge', join(dir, 'results/fixture-packages'), '--out', merged]);
    expect(m.code, m.stderr).toBe(0);
    const whole = join(dir, 'whole.csv');
    const w = await cli([
      'batch',
      join(ROOT, PACKAGES),
      '--seed',
      '7',
      '--workers',
      '1',
      '--quiet',
      '--out',
      whole,
    ]);
    expect(w.code, w.stderr).toBe(0);
    expect(readFileSync(merged)).toEqual(readFileSync(whole));
  }, 120_000);
});
