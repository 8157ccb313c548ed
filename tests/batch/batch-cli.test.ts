// `aci-sim batch`, `summarize` and `sensitivity` in-process through main():
// the same bytes for 1 or 2 workers, Parquet that reads back, slurm scripts,
// summarize, sensitivity. Two tests run the real binary: resume after
// kill -9, and a graceful stop on SIGTERM.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvRow } from '../../src/io/writers/csv.js';
import { readManifest } from '../../src/io/writers/manifest.js';
import { rowsIn } from '../helpers/batch-files.js';
import { cli, ROOT } from '../helpers/cli.js';
import { spawnCli } from '../helpers/spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-batch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PACKAGES = 'tests/fixtures/experiments/packages.yaml';
const out = (name: string) => join(dir, name);

// Enough runs that a child is still busy well after its first chunk of 200 is written.
const RUNS = 1000;
const miniArgs = (f: string, workers = '1') => [
  'batch',
  'tests/fixtures/scenarios/mini.yaml',
  '--runs',
  String(RUNS),
  '--workers',
  workers,
  '--quiet',
  '--out',
  f,
];
/** The uninterrupted output the interrupted ones must end up equal to (made once, in-process). */
let reference: Promise<Buffer> | null = null;
const referenceBytes = () => {
  reference ??= cli(miniArgs(out('ref.csv'))).then((r) => {
    if (r.code !== 0) throw new Error(`reference batch failed: ${r.stderr}`);
    return readFileSync(out('ref.csv'));
  });
  return reference;
};

describe('aci-sim batch', () => {
  it('writes the same bytes with 1 or 2 workers, in CSV and Parquet', async () => {
    const runs = await Promise.all(
      ['w1.csv', 'w2.csv', 'w1.parquet', 'w2.parquet'].map((f) =>
        cli(['batch', PACKAGES, '--quiet', '--workers', f.startsWith('w1') ? '1' : '2', '--out', out(f)]),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(runs[0]!.stdout).toContain('Lever settings compared on the same futures:');
    expect(readFileSync(out('w2.csv'))).toEqual(readFileSync(out('w1.csv')));
    expect(readFileSync(out('w2.parquet'))).toEqual(readFileSync(out('w1.parquet')));
    const m = readManifest(`${out('w1.csv')}.manifest.json`);
    expect(m.ok && [m.value.counts, m.value.plan.runs, m.value.shard, m.value.seed]).toEqual([
      { planned: 96, ok: 96, failed: 0 },
      96,
      { index: 1, count: 1 },
      7,
    ]);
  });

  it('writes Parquet that hyparquet reads back as the CSV rows', async () => {
    const { asyncBufferFromFile, parquetReadObjects } = await import('hyparquet');
    const objs = await parquetReadObjects({ file: await asyncBufferFromFile(out('w1.parquet')) });
    const m = readManifest(`${out('w1.csv')}.manifest.json`);
    if (!m.ok) throw new Error(m.error);
    const columns = m.value.output.columns;
    const csv = readFileSync(out('w1.csv'), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => parseCsvRow(l, columns));
    expect(objs.map((o) => columns.map((c) => o[c.name] ?? null))).toEqual(csv);
    expect(objs[0]).toMatchObject({
      run_id: 'p0-l0-r0',
      package: 'baseline',
      policy_eu: 'graduated',
      policy_cn: 'hold',
    });
  });

  it('resumes after kill -9 and ends with the bytes of an uninterrupted run', async () => {
    const ref = referenceBytes();
    const f = out('killed.csv');
    const child = spawnCli(miniArgs(f));
    await child.until(() => rowsIn(f) >= 200, 'it had written 200 rows');
    child.child.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    expect(existsSync(f)).toBe(false);
    const kept = rowsIn(f);
    expect(kept).toBeGreaterThanOrEqual(200);
    expect(kept).toBeLessThan(RUNS);
    appendFileSync(`${f}.tmp`, 'p400-l0-r0,400,0,3ab'); // a write cut short
    // The killed batch's lock is stale: the next command takes it over and says so.
    expect(readFileSync(`${f}.lock`, 'utf8')).toContain(`"pid":${child.child.pid}`);
    const again = await cli(miniArgs(f));
    expect([again.code, again.stderr]).toEqual([
      2,
      `note: took over the lock of process ${child.child.pid} on ${hostname()}, which is no longer running\n${f}.tmp: an unfinished batch was writing here; add --resume to continue it or --force to start over\n`,
    ]);
    const resumed = await cli([...miniArgs(f), '--resume']);
    expect([resumed.code, resumed.stderr]).toEqual([0, '']);
    expect(readFileSync(f)).toEqual(await ref);
    const m = readManifest(`${f}.manifest.json`);
    expect(m.ok && [m.value.resumed.length, m.value.counts.ok]).toEqual([1, RUNS]);
    expect(existsSync(`${f}.tmp`) || existsSync(`${f}.tmp.manifest.json`) || existsSync(`${f}.lock`)).toBe(
      false,
    );
    const done = await cli([...miniArgs(f), '--resume']);
    expect([done.code, done.stderr.split('\n')[0]]).toEqual([0, `${f} is already complete; nothing to do`]);
  }, 120_000);

  it('stops on SIGTERM after the runs under way, exits 130 and resumes to the same bytes', async () => {
    const ref = referenceBytes();
    const f = out('stopped.csv');
    const child = spawnCli(miniArgs(f));
    await child.until(() => rowsIn(f) >= 200, 'it had written 200 rows');
    child.child.kill('SIGTERM');
    const exit = await child.exited;
    expect([exit.code, child.stdout()]).toEqual([130, expect.stringMatching(/^Runs: \d+ /)]);
    expect(child.stderr()).toContain('stopping: finishing the runs under way (Ctrl-C again to quit at once)');
    expect(child.stderr()).toMatch(
      new RegExp(`interrupted after \\d+ of ${RUNS} runs; continue with the same command and --resume\n$`),
    );
    expect(existsSync(f)).toBe(false);
    const resumed = await cli([...miniArgs(f), '--resume']);
    expect([resumed.code, resumed.stderr]).toEqual([0, '']);
    expect(readFileSync(f)).toEqual(await ref);
  }, 120_000);

  it('summarize prints the summary the batch printed', async () => {
    const batch = await cli(['batch', PACKAGES, '--quiet', '--workers', '1', '--out', out('again.jsonl')]);
    const s = await cli(['summarize', out('w1.parquet')]);
    expect(s.code).toBe(0);
    expect(s.stdout).toBe(batch.stdout);
    expect(JSON.parse((await cli(['summarize', out('again.jsonl'), '--json'])).stdout).runs).toBe(96);
  });

  it('prints a Slurm job-array script', async () => {
    const r = await cli(['batch', PACKAGES, '--print-slurm', '4', '--workers', '16']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#!\/bin\/bash\n/);
    const task = '$' + '{SLURM_ARRAY_TASK_ID}'; // a shell variable in the script, not a template
    for (const line of [
      '#SBATCH --array=1-4',
      '#SBATCH --cpus-per-task=16',
      '#SBATCH --mem=2900M',
      '#SBATCH --output=results/fixture-packages/logs/slurm-%A_%a.log',
      `ACI_SIM="$\{ACI_SIM:-node ${join(ROOT, 'bin', 'aci-sim.js')}}"`,
      `$ACI_SIM batch ${join(ROOT, PACKAGES)} --seed 7 \\`,
      `  --shard "${task}/$\{TASKS}" \\`,
      `  --out "results/fixture-packages/shard-${task}-of-4.parquet" \\`,
      '#   $ACI_SIM merge results/fixture-packages --out results/fixture-packages.parquet',
    ])
      expect(r.stdout.split('\n')).toContain(line);
  });

  it("--policy takes the scenario's own side ids, e.g. JP in an episode between two governments", async () => {
    const r = await cli([
      'batch',
      'history/china-japan-seafood-2023.yaml',
      '--runs',
      '4',
      '--seed',
      '3',
      '--workers',
      '1',
      '--policy',
      'JP=hold',
      '--summary-only',
      '--quiet',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const counted = [
      ...r.stdout.matchAll(
        /^(?:landing_zone|target_backs_down|coercer_backs_down|spiral|stalemate)\s+(\d+)/gm,
      ),
    ].reduce((a, m) => a + Number(m[1]), 0);
    expect(counted).toBe(4);
  });

  it('sensitivity ranks the parameters and writes CSV', async () => {
    const r = await cli([
      'sensitivity',
      'tests/fixtures/experiments/sobol.yaml',
      '--method',
      'sobol',
      '--metric',
      'pain_eu',
      '--runs',
      '12',
      '--workers',
      '1',
      '--quiet',
      '--out',
      out('sobol.csv'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "warning: N = 12 is not a power of two: the Sobol' base points lose their balance properties; prefer N = 16\n",
    );
    expect(r.stdout.split('\n')[0]).toBe(
      "Sobol' indices of pain_eu — fixture-sobol: 3 parameters, N = 12 base rows, 60 runs, 95% bootstrap intervals",
    );
    const csv = readFileSync(out('sobol.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('metric,package,policy_eu,policy_cn,parameter,S1,S1_conf,ST,ST_conf,rank');
    expect(csv).toHaveLength(4);
  });
});
