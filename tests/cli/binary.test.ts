// The installed binary itself (bin/aci-sim.js → dist/, built by
// tests/global-setup.ts): it runs main() on the real process and exits with its
// code. Everything else about the commands is tested in-process.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { BIN, spawnCli, watch } from '../helpers/spawn.js';

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

  it('ends quietly with exit code 0 when the reader has gone (EPIPE), and in one line, exit 2, on a full disk', async () => {
    // The reading end is closed before the child writes: its first write fails with EPIPE.
    const piped = watch(
      spawn(process.execPath, [BIN, 'validate', 'scenarios/tutorial.yaml'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    piped.child.stdout?.destroy();
    const full = openSync('/dev/full', 'w');
    const disk = watch(
      spawn(process.execPath, [BIN, 'run', 'tutorial'], { cwd: ROOT, stdio: ['ignore', full, 'pipe'] }),
    );
    closeSync(full);
    const [p, d] = await Promise.all([piped.exited, disk.exited]);
    expect([p.code, piped.stderr()]).toEqual([0, '']);
    expect([d.code, disk.stderr()]).toEqual([
      2,
      'standard output: cannot write: no space left on the device (ENOSPC)\n',
    ]);
  }, 120_000);
});
