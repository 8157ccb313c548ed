// `aci-sim report` as users run it (in-process through main()), on a tutorial
// game played here and on fixture journals.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { fixtureCopy, tempDirs } from './helpers.js';
import { playJournal, saveJournal } from './journal-fixture.js';

const tmp = tempDirs();
const run = (args: string[]) => cli(['report', ...args]);
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

describe('aci-sim report', () => {
  let dir = '';
  let tutorial = '';
  beforeAll(async () => {
    dir = await tmp();
    tutorial = join(dir, 'tutorial-game.json');
    const j = await playJournal({
      ref: 'tutorial',
      seed: 'cli-test',
      players: { target: 'human', coercer: 'best_response' },
      script: (round, _st, computer) =>
        round === 2
          ? {
              orders: { target: computer.target ?? {} },
              notes: [{ bloc: 'target', text: 'Wait for the Council | then act.' }],
            }
          : { orders: { target: computer.target ?? {} } },
    });
    await saveJournal(tutorial, j);
  });

  it('writes the report next to the journal by default and says where', async () => {
    const r = await run([tutorial, '--runs', '200']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = join(dir, 'tutorial-game-report');
    expect(r.stdout).toBe(
      `wrote ${join(out, 'report.html')}\nwrote ${join(out, 'report.md')} (with 9 charts as .svg beside it)\n`,
    );
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/^# Debrief: Tutorial/);
    expect(md).toContain('EU team: Wait for the Council \\| then act.');
    expect(md).toMatch(/ 200 computer-played games/);
    expect(existsSync(join(out, 'landing-zone.svg'))).toBe(true);
  });

  it('refuses an existing output folder (exit 2, nothing overwritten) and replaces it with --force', async () => {
    const out = join(dir, 'taken');
    await mkdir(out);
    await writeFile(join(out, 'report.html'), 'old');
    const r = await run([tutorial, '--out', out, '--runs', '200']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${out}: the output folder already exists; nothing was written\n  hint: add --force to replace the report in it, or choose another folder with --out\n`,
    );
    expect(await readFile(join(out, 'report.html'), 'utf8')).toBe('old');
    const forced = await run([tutorial, '--out', out, '--runs', '200', '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('reports a changed scenario, exits 2, and goes on with a warning under --force', async () => {
    const journal = await fixtureCopy('debrief.json', dir, (j) => {
      j.scenario.hash = '0'.repeat(64);
    });
    const out = join(dir, 'changed');
    const r = await run([journal, '--out', out, '--runs', '200']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /debrief\.json: the scenario "debrief" has changed since this game was played \(journal hash 000000000000, now [0-9a-f]{12}\)/,
    );
    expect(r.stderr).toContain('hint: add --force to report on the current definition anyway');
    expect(existsSync(out)).toBe(false);
    const forced = await run([journal, '--out', out, '--runs', '200', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/^warning: .*debrief\.json: the scenario "debrief" has changed/);
  });

  it('gives one clear line and exit 2 for a missing or foreign journal and a bad --runs', async () => {
    const foreign = join(dir, 'package.json');
    await writeFile(foreign, '{"name": "x"}');
    const cases: [string[], string][] = [
      [[join(dir, 'missing.json')], `${join(dir, 'missing.json')}: no such journal file\n`],
      [[foreign], `${foreign}: not an aci-sim journal (no "format": "aci-sim-journal")\n`],
      [
        [tutorial, '--runs', 'many'],
        '--runs: expected a whole number of runs from 1 to 1000000, got "many"\n',
      ],
      [[tutorial, '--runs', '0'], '--runs: expected a whole number of runs from 1 to 1000000, got "0"\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(stderr);
      noStack(r.stderr);
    }
    expect((await run([])).code).toBe(2);
  });
});
