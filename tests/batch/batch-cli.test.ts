// The real CLI (dist/, built by tests/global-setup.ts): the same bytes for 1
// or 2 workers, Parquet that reads back, resume after a kill, slurm scripts,
// summarize, sensitivity.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvRow } from '../../src/io/writers/csv.js';
import { readManifest } from '../../src/io/writers/manifest.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aci-batch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PACKAGES = 'tests/fixtures/experiments/packages.yaml';

const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/aci-sim.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const cliAsync = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/aci-sim.js', ...args], { cwd: ROOT });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) => resolve({ code, stdout }));
  });
const out = (name: string) => join(dir, name);

describe('aci-sim batch', () => {
  it('writes the same bytes with 1 or 2 workers, in CSV and Parquet', async () => {
    const runs = await Promise.all(
      ['w1.csv', 'w2.csv', 'w1.parquet', 'w2.parquet'].map((f) =>
        cliAsync([
          'batch',
          PACKAGES,
          '--quiet',
          '--workers',
          f.startsWith('w1') ? '1' : '2',
          '--out',
          out(f),
        ]),
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

  it('resumes after a kill and ends with the bytes of an uninterrupted run', async () => {
    const args = (f: string, workers = '1') => [
      'batch',
      'tests/fixtures/scenarios/mini.yaml',
      '--runs',
      '600',
      '--workers',
      workers,
      '--quiet',
      '--out',
      f,
    ];
    const reference = cliAsync(args(out('ref.csv'), '2'));
    const f = out('killed.csv');
    const child: ChildProcess = spawn(process.execPath, ['bin/aci-sim.js', ...args(f)], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.on('exit', r));
    const rows = () => (existsSync(`${f}.tmp`) ? readFileSync(`${f}.tmp`, 'utf8').split('\n').length - 2 : 0);
    while (rows() < 200) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(f)).toBe(false);
    const kept = rows();
    expect(kept).toBeGreaterThanOrEqual(200);
    expect(kept).toBeLessThan(600);
    appendFileSync(`${f}.tmp`, 'p400-l0-r0,400,0,3ab'); // a write cut short
    const again = cli(args(f));
    expect([again.code, again.stderr]).toEqual([
      2,
      `${f}.tmp: an unfinished batch was writing here; add --resume to continue it or --force to start over\n`,
    ]);
    const resumed = cli([...args(f), '--resume']);
    expect(resumed.code).toBe(0);
    expect((await reference).code).toBe(0);
    expect(readFileSync(f)).toEqual(readFileSync(out('ref.csv')));
    const m = readManifest(`${f}.manifest.json`);
    expect(m.ok && [m.value.resumed.length, m.value.counts.ok]).toEqual([1, 600]);
    expect(existsSync(`${f}.tmp`) || existsSync(`${f}.tmp.manifest.json`)).toBe(false);
    const done = cli([...args(f), '--resume']);
    expect([done.code, done.stderr.split('\n')[0]]).toEqual([0, `${f} is already complete; nothing to do`]);
  });

  it('summarize prints the summary the batch printed', () => {
    const batch = cli(['batch', PACKAGES, '--quiet', '--workers', '1', '--out', out('again.jsonl')]);
    const s = cli(['summarize', out('w1.parquet')]);
    expect(s.code).toBe(0);
    expect(s.stdout).toBe(batch.stdout);
    expect(JSON.parse(cli(['summarize', out('again.jsonl'), '--json']).stdout).runs).toBe(96);
  });

  it('prints a Slurm job-array script', () => {
    const r = cli(['batch', PACKAGES, '--print-slurm', '4', '--workers', '16']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#!\/bin\/bash\n/);
    const task = '$' + '{SLURM_ARRAY_TASK_ID}'; // a shell variable in the script, not a template
    for (const line of [
      '#SBATCH --array=1-4',
      '#SBATCH --cpus-per-task=16',
      `aci-sim batch ${PACKAGES} --seed 7 \\`,
      `  --shard "${task}/$\{SLURM_ARRAY_TASK_COUNT}" \\`,
      `  --out "results/fixture-packages/shard-${task}-of-4.parquet" \\`,
      '#   aci-sim merge results/fixture-packages --out results/fixture-packages.parquet',
    ])
      expect(r.stdout.split('\n')).toContain(line);
  });

  it('sensitivity ranks the parameters and writes CSV', () => {
    const r = cli([
      'sensitivity',
      'tests/fixtures/experiments/sobol.yaml',
      '--method',
      'sobol',
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
      "Sobol' indices of pain_eu — N = 12 base rows, 60 runs, 95% bootstrap intervals",
    );
    const csv = readFileSync(out('sobol.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('metric,package,policy_eu,policy_cn,parameter,S1,S1_conf,ST,ST_conf,rank');
    expect(csv).toHaveLength(4);
  });
});
