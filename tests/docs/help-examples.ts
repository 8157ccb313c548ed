// Runs the `--help` examples of a command as a user would type them, in
// order, in a fresh folder holding copies of the repository's inputs
// (scenarios, models, experiments, history), so that a later example may read
// what an earlier one wrote. `play` examples are played on a fake terminal
// with scripted keys. The tests: help-examples*.test.ts.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { splitArgs } from '../../src/cli/docs-blocks.js';
import { cli, ROOT } from '../helpers/cli.js';
import { type ScriptedKey, scriptedPlay } from '../helpers/scripted-play.js';

const env = { ACI_SIM_CACHE: join(tmpdir(), 'aci-sim-test-cache'), NO_COLOR: '1' };

/**
 * What a command may say on stderr while it works, by command: progress and
 * what it wrote. Any other line (a warning, an error) fails the example.
 */
const PROGRESS: Record<string, RegExp[]> = {
  batch: [/^batch: /, /^wrote \S+ and \S+\.manifest\.json \(\d+\.\d s\)$/],
  merge: [/^merged \d+ outputs, \d+ runs → \S+$/],
  plot: [/^wrote \S+: a (sweep|scatter) of \d+ runs/],
  sensitivity: [
    /^sensitivity: \S+: (sobol|morris), \d+ runs, metrics? [\w, ]+, \d threads?$/,
    /^sensitivity: (reading|read) /,
    /^batch: /,
    /^wrote \S+$/,
  ],
  calibrate: [/^\S+ generation \d+: tolerance \S+, \d+ accepted of \d+ simulated, median distance \d/],
  sources: [/^sources: screening \d+ assumed numbers of [\w-]+, \d+ runs…$/],
};

/** The stderr lines that are not progress of `command`. */
const unexpected = (command: string, stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l !== '' && !(PROGRESS[command] ?? []).some((re) => re.test(l)))
    .join('\n');

/** A fresh folder with the repository's inputs, as a user's clone has them. */
function freshFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aci-help-examples-'));
  for (const d of ['scenarios', 'models', 'experiments', 'history'])
    cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  return dir;
}

/** The example lines of a help text: `aci-sim …`, without the comment after two spaces. */
export function examplesOf(help: string): string[] {
  const after = help.split(/\nExamples?:\n/)[1] ?? '';
  return after
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('aci-sim '))
    .map((l) => l.split(/\s{2,}/)[0]!);
}

/** The keys a `play` example is played with: one round when it saves a named journal, then quit. */
function playKeys(example: string): ScriptedKey[] {
  const quit = [
    { after: 'round ', key: 'q' },
    { after: 'Quit the game?', key: 'y' },
  ];
  return /--journal/.test(example) ? [{ after: "EU's turn", key: '\r' }, ...quit] : quit;
}

/** Runs one example line in `cwd`; `> FILE` writes stdout there as the shell would. */
async function runExample(line: string, cwd: string) {
  const m = /^aci-sim (.*?)(?: > ([^\s'"]+))?$/.exec(line)!;
  const [command, redirect] = [m[1]!, m[2]];
  const args = splitArgs(command);
  const r =
    args[0] === 'play'
      ? await scriptedPlay(args, playKeys(line), { cwd, env })
      : await cli(args, { cwd, env, chdir: true });
  if (redirect !== undefined) {
    const file = join(cwd, redirect.trim());
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, r.stdout);
  }
  return r;
}

/** The commands whose examples run batches: help-examples-batch.test.ts runs them, beside the rest. */
export const BATCH_COMMANDS = ['batch', 'merge', 'summarize', 'sensitivity', 'discover', 'calibrate'];

/** The commands `aci-sim --help` lists. */
export async function allCommands(): Promise<string[]> {
  return (await cli(['--help'])).stdout
    .split('Commands:\n')[1]!
    .split('\n')
    .map((l) => l.trim().split(/\s/)[0]!)
    .filter((c) => c !== '' && c !== 'help');
}

/** Runs every example of `command --help` in order; each must exit 0 with no stderr but its progress. */
export async function expectExamplesRun(command: string): Promise<void> {
  const examples = examplesOf((await cli([command, '--help'])).stdout);
  expect(examples.length).toBeGreaterThan(0);
  const cwd = freshFolder();
  try {
    for (const ex of examples) {
      const r = await runExample(ex, cwd);
      const stderr = unexpected(splitArgs(ex)[1]!, r.stderr);
      expect({ ex, code: r.code, stderr }).toEqual({ ex, code: 0, stderr: '' });
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
