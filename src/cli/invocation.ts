// What a batch records about how it was asked for: the target, the loader
// options, the command line, the host and the tool's git commit. Read here,
// in the cli layer, the only one that may look at the machine.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExperimentOptions } from '../io/load-experiment.js';
import type { Invocation } from '../io/writers/manifest.js';
import type { CliIo } from './io.js';

const TOOL_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The commit of the tool's checkout (`+dirty` when files differ from it), or null without git. */
export function gitCommit(dir = TOOL_ROOT): string | null {
  const git = (args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  try {
    const head = git(['rev-parse', 'HEAD']).trim();
    if (!/^[0-9a-f]{40}$/.test(head)) return null;
    const dirty = git(['status', '--porcelain', '--untracked-files=no']).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}

/** The invocation of `aci-sim <command…>` on `target` with these loader options. */
export function invocationOf(
  io: CliIo,
  command: readonly string[],
  target: string,
  opts: ExperimentOptions,
): Invocation {
  const abs = resolve(io.cwd, target);
  const players =
    opts.players && Object.keys(opts.players).length > 0 ? { players: { ...opts.players } } : {};
  return {
    target: existsSync(abs) ? abs : target,
    options: {
      ...(opts.runs === undefined ? {} : { runs: opts.runs }),
      ...(opts.seed === undefined ? {} : { seed: opts.seed }),
      ...(opts.points === undefined ? {} : { points: opts.points }),
      ...players,
    },
    command: ['aci-sim', ...command],
    cwd: io.cwd,
    host: hostname(),
    git: gitCommit(),
  };
}
