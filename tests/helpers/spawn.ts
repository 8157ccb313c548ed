// The real binary in a child process, for the few tests that need one
// (signals, kill -9, a terminal). Waiting on the child always ends when it
// exits: a condition it can no longer meet fails with its stderr.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export const BIN = join(ROOT, 'bin', 'aci-sim.js');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Spawned {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Settles when the child has exited and its output is read. */
  readonly exited: Promise<Exit>;
  /** Resolves once `ready()` holds; rejects with the child's stderr if it exits first. */
  until(ready: () => boolean, what: string): Promise<void>;
}

/** Wraps a child process whose stdout and stderr are pipes. */
export function watch(child: ChildProcess): Spawned {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  let done: Exit | null = null;
  const exited = new Promise<Exit>((resolve) =>
    child.on('close', (code, signal) => {
      done = { code, signal };
      resolve(done);
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async until(ready, what) {
      for (;;) {
        if (ready()) return;
        if (done)
          throw new Error(
            `the child exited (code ${done.code}, signal ${done.signal}) before ${what}; its stderr:\n${err}`,
          );
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}

/** `node bin/aci-sim.js ARGS…` in the repository (dist/ is built by tests/global-setup.ts). */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Spawned {
  return watch(spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env }));
}
