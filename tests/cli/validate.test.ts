// Spawns the built binary (tests/global-setup.ts builds dist/ first).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (args: string[], shell = false) => {
  const r = shell
    ? spawnSync(`node bin/aci-sim.js ${args.join(' ')}`, { cwd: ROOT, encoding: 'utf8', shell: '/bin/sh' })
    : spawnSync(process.execPath, ['bin/aci-sim.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);
const tmp: string[] = [];
afterAll(() => Promise.all(tmp.map((d) => rm(d, { recursive: true, force: true }))));

describe('aci-sim validate', () => {
  it('passes the shipped files (a shell glob works)', () => {
    const r = run(
      ['validate', 'models/*.yaml', 'models/*/*.yaml', 'models/*/*/*.yaml', 'scenarios/*.yaml'],
      true,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ models\/formulas\.yaml$/m);
    expect(r.stdout).toMatch(/^✓ scenarios\/tutorial\.yaml$/m);
  });

  it('expands a folder', () => {
    const r = run(['validate', 'tests/fixtures/models']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(7);
  });

  it('prints every problem and exits 2', () => {
    const r = run([
      'validate',
      'tests/fixtures/invalid/out-of-range.yaml',
      'tests/fixtures/invalid/unknown-model.yaml',
      'tests/fixtures/scenarios/mini.yaml',
      'tests/fixtures/invalid/missing.yaml',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('✓ tests/fixtures/scenarios/mini.yaml\n');
    expect(r.stderr).toBe(
      [
        'tests/fixtures/invalid/out-of-range.yaml:11:39: measures.duv_servicing.levels[2].intensity: expected a number from 0 to 1, got 1.4',
        'tests/fixtures/invalid/unknown-model.yaml:5:69: models[4]: unknown model id "mini-dependencie" — did you mean "mini-dependencies"?',
        'tests/fixtures/invalid/missing.yaml: cannot read file (no such file)',
        '',
      ].join('\n'),
    );
    noStack(r.stderr);
  });

  it('a usage error exits 2 without a stack trace', () => {
    const none = run(['validate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument 'files'/);
    const typo = run(['valdate', 'x.yaml']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command 'valdate'/);
    noStack(none.stderr + typo.stderr);
  });
});

describe('aci-sim schema', () => {
  it('prints the scenario schema', () => {
    const r = run(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ title: 'aci-sim scenario', type: 'object' });
  });

  it('writes both schemas with --out, equal to the committed ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aci-sim-schema-'));
    tmp.push(dir);
    const r = run(['schema', '--out', dir]);
    expect(r.code).toBe(0);
    for (const name of ['scenario.schema.json', 'model.schema.json'])
      expect(await readFile(join(dir, name), 'utf8')).toBe(
        await readFile(join(ROOT, 'schemas', name), 'utf8'),
      );
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
  });
});

describe('aci-sim validate on experiment files', () => {
  it('accepts the shipped experiments and reports a bad one with its position', () => {
    expect(run(['validate', 'experiments']).code).toBe(0);
    const r = run(['validate', 'tests/fixtures/experiments/unknown-path.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'tests/fixtures/experiments/unknown-path.yaml:5:3: uncertain.dependencies.mini_magnet.buffer_months: unknown dependency "mini_magnet" — did you mean "mini_magnets"?\n',
    );
  });
});
