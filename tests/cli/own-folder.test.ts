// A scenario or experiment saved in a student's own folder, outside the
// repository: models come from its folder, then --models, then
// $ACI_SIM_MODELS, then the models shipped with aci-sim.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

let home: string;
let mine: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'aci-sim-own-'));
  mine = join(home, 'student');
  await mkdir(mine);
  await cp(join(ROOT, 'scenarios/tutorial.yaml'), join(mine, 'my-tutorial.yaml'));
  await cp(join(ROOT, 'scenarios/g7-coordinated.yaml'), join(mine, 'my-g7.yaml'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

const env = { ACI_SIM_CACHE: join(tmpdir(), 'aci-sim-test-cache') };

describe('a scenario in its own folder', () => {
  it('runs on the shipped models, as it does in the repository', async () => {
    const there = await cli(['run', 'my-tutorial.yaml', '--json'], { cwd: mine, env });
    expect(there.stderr).toBe('');
    expect(there.code).toBe(0);
    const here = await cli(['run', 'tutorial', '--json'], { env });
    expect(JSON.parse(there.stdout).pain).toEqual(JSON.parse(here.stdout).pain);
  });

  it('extends a shipped scenario by its id', async () => {
    const r = await cli(['validate', 'my-g7.yaml'], { cwd: mine, env });
    expect(r.stdout).toBe('✓ my-g7.yaml\n');
  });

  it('takes a model from models/ beside it before the shipped one of the same id', async () => {
    const dir = join(home, 'with-models');
    await mkdir(join(dir, 'models'), { recursive: true });
    await cp(join(mine, 'my-tutorial.yaml'), join(dir, 'my-tutorial.yaml'));
    const blocs = await readFile(join(ROOT, 'models/blocs.yaml'), 'utf8');
    // A copy of the shipped blocs with a broken number: it must be the one read.
    await writeFile(join(dir, 'models/blocs.yaml'), blocs.replace('gdp: { value: 17935', 'gdp: { value: -1'));
    const r = await cli(['validate', 'my-tutorial.yaml'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^models\/blocs\.yaml:11:\d+: blocs\.EU\.gdp/m);
  });

  it('--models, then $ACI_SIM_MODELS, are searched before the shipped models', async () => {
    const extra = join(home, 'extra');
    await mkdir(extra, { recursive: true });
    await writeFile(
      join(extra, 'policies.yaml'),
      (await readFile(join(ROOT, 'models/policies/default.yaml'), 'utf8')).replace(
        /^id: .*$/m,
        'id: my-policies',
      ),
    );
    const text = (await readFile(join(mine, 'my-tutorial.yaml'), 'utf8')).replace(
      /^(\s*-\s*)default-policies\b/m,
      '$1my-policies',
    );
    expect(text).toContain('my-policies');
    await writeFile(join(mine, 'mine-policies.yaml'), text);
    const missing = await cli(['validate', 'mine-policies.yaml'], { cwd: mine, env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('unknown model id "my-policies"');
    expect(missing.stderr).toContain('hint: looked for model files in ');
    expect(missing.stderr).toContain(
      `looked for model files in models (no such folder), ${join(home, 'models')} (no such folder), ${join(ROOT, 'models')}\n`,
    );
    const flag = await cli(['validate', 'mine-policies.yaml', '--models', '../extra'], { cwd: mine, env });
    expect(flag.stdout).toBe('✓ mine-policies.yaml\n');
    const byEnv = await cli(['run', 'mine-policies.yaml'], {
      cwd: mine,
      env: { ...env, ACI_SIM_MODELS: extra },
    });
    expect(byEnv.code).toBe(0);
  });

  it('an experiment beside its scenario finds it by id and the models through it', async () => {
    await writeFile(
      join(mine, 'exp.yaml'),
      'kind: experiment\nid: mine\nscenario: my-tutorial\ndesign: { type: mc, n: 4 }\n',
    );
    const r = await cli(['validate', 'exp.yaml'], { cwd: mine, env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('✓ exp.yaml\n');
  });
});
