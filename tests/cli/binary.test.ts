// The installed binary itself (bin/aci-sim.js → dist/, built by
// tests/global-setup.ts): it runs main() on the real process and exits with its
// code. Everything else about the commands is tested in-process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { spawnCli } from '../helpers/spawn.js';

describe('bin/aci-sim.js', () => {
  it('prints help and the version, and exits 2 with one line on bad usage and bad input', async () => {
    const [help, version, typo, seed] = await Promise.all(
      [['--help'], ['--version'], ['valdate', 'x.yaml'], ['run', 'tutorial', '--seed', '1.5']].map(
        async (args) => {
          const c = spawnCli(args);
          const exit = await c.exited;
          return { code: exit.code, stdout: c.stdout(), stderr: c.stderr() };
        },
      ),
    );
    expect([help?.code, help?.stderr]).toEqual([0, '']);
    expect(help?.stdout).toMatch(/^Usage: aci-sim \[options\] \[command\]/);
    for (const command of ['play', 'run', 'batch', 'report']) expect(help?.stdout).toContain(`  ${command} `);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(typo?.code).toBe(2);
    expect(typo?.stderr).toMatch(/^error: unknown command 'valdate'/);
    expect(seed).toEqual({
      code: 2,
      stdout: '',
      stderr: '--seed: expected a whole number or a run\'s 16-digit hex seed, got "1.5"\n',
    });
  }, 120_000);
});
