// What commands load at start-up: --help only commander and the command
// registrations; vote no schema, engine or UI; run with a warm formula cache
// no mathjs. Each check makes the packages unloadable and expects the same
// output as an unhindered run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOOK = fileURLToPath(new URL('../helpers/forbid-modules.cjs', import.meta.url));
const cache = mkdtempSync(join(tmpdir(), 'aci-sim-startup-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const cli = (args: string[], forbid: string[] = []) => {
  const r = spawnSync(process.execPath, ['--require', HOOK, 'bin/aci-sim.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ACI_SIM_CACHE: cache, ACI_SIM_FORBID: forbid.join(',') },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const HEAVY = ['mathjs', 'zod', 'yaml', 'ink', 'react', '@inkjs/ui', 'hyparquet', 'hyparquet-writer'];

describe('start-up', () => {
  it('--help loads none of the heavy packages', () => {
    const free = cli(['--help']);
    expect(free.code).toBe(0);
    expect(cli(['--help'], HEAVY)).toEqual(free);
    expect(cli(['batch', '--help'], HEAVY)).toEqual(cli(['batch', '--help']));
  });

  it('vote loads no schema, compiler or UI', () => {
    const free = cli(['vote', '--for', 'DE,FR', '--json']);
    expect(free.code).toBe(0);
    expect(
      cli(
        ['vote', '--for', 'DE,FR', '--json'],
        HEAVY.filter((p) => p !== 'yaml'),
      ),
    ).toEqual(free);
  });

  it('the forbidding works: a cold formula cache needs mathjs', () => {
    const r = cli(['run', 'tutorial', '--json'], ['mathjs']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('forbidden module: mathjs');
  });

  it('run with a warm formula cache does not load mathjs', () => {
    const cold = cli(['run', '--json']);
    expect(cold.code).toBe(0);
    expect(cli(['run', '--json'], ['mathjs', 'ink', 'react'])).toEqual(cold);
    expect(cli(['run', '--json'])).toEqual(cold);
  });
});
