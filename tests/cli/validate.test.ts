// `aci-sim validate` and `schema`, in-process through main().
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cli as run } from '../helpers/cli.js';

/** The file list the shell hands the binary for these globs. */
const shellGlob = (...patterns: string[]) =>
  spawnSync('/bin/sh', ['-c', `printf '%s\\n' ${patterns.join(' ')}`], { cwd: ROOT, encoding: 'utf8' })
    .stdout.split('\n')
    .filter((f) => f !== '');
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);
const tmp: string[] = [];
afterAll(() => Promise.all(tmp.map((d) => rm(d, { recursive: true, force: true }))));

describe('aci-sim validate', () => {
  it('passes the shipped files (a shell glob works)', async () => {
    const files = shellGlob('models/*.yaml', 'models/*/*.yaml', 'models/*/*/*.yaml', 'scenarios/*.yaml');
    expect(files).toContain('models/formulas.yaml');
    const r = await run(['validate', ...files]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ models\/formulas\.yaml$/m);
    expect(r.stdout).toMatch(/^✓ scenarios\/tutorial\.yaml$/m);
  });

  it('expands a folder', async () => {
    const r = await run(['validate', 'tests/fixtures/models']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(7);
  });

  it('a folder without YAML says so and exits 2', async () => {
    const d = await mkdtemp(join(tmpdir(), 'aci-validate-empty-'));
    tmp.push(d);
    const r = await run(['validate', d]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `${d}: holds no YAML file (.yaml or .yml): nothing to validate\n`,
    ]);
  });

  it('works from the directory it is given, not the process one', async () => {
    const r = await run(['validate', 'models', 'scenarios/mini.yaml'], {
      cwd: join(ROOT, 'tests', 'fixtures'),
    });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^✓ models\/blocs\.yaml$/m);
    expect(r.stdout).toMatch(/^✓ scenarios\/mini\.yaml$/m);
  });

  it('prints every problem and exits 2', async () => {
    const r = await run([
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
        '  hint: looked for model files in tests/fixtures/models, models',
        'tests/fixtures/invalid/missing.yaml: cannot read file (no such file)',
        '',
      ].join('\n'),
    );
    noStack(r.stderr);
  });

  it('a usage error exits 2 without a stack trace', async () => {
    const none = await run(['validate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument 'files'/);
    const typo = await run(['valdate', 'x.yaml']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command 'valdate'/);
    noStack(none.stderr + typo.stderr);
  });
});

describe('aci-sim schema', () => {
  it('prints the scenario schema', async () => {
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ title: 'aci-sim scenario', type: 'object' });
  });

  it('writes both schemas with --out, equal to the committed ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aci-sim-schema-'));
    tmp.push(dir);
    const r = await run(['schema', '--out', dir]);
    expect(r.code).toBe(0);
    for (const name of ['scenario.schema.json', 'model.schema.json'])
      expect(await readFile(join(dir, name), 'utf8')).toBe(
        await readFile(join(ROOT, 'schemas', name), 'utf8'),
      );
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await run(['--version'])).stdout.trim()).toBe(pkg.version);
  });
});

describe('aci-sim validate on experiment files', () => {
  it('accepts the shipped experiments and reports a bad one with its position', async () => {
    expect((await run(['validate', 'experiments'])).code).toBe(0);
    const r = await run(['validate', 'tests/fixtures/experiments/unknown-path.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'tests/fixtures/experiments/unknown-path.yaml:5:3: uncertain.dependencies.mini_magnet.buffer_months: unknown dependency "mini_magnet" — did you mean "mini_magnets"?\n',
    );
  });
});
