// `aci-sim play` without a terminal, as a user meets it (in-process through
// main()): clear messages, exit 2, nothing written. The game itself in a
// terminal: play-terminal.test.ts.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/cli/options.js';
import { cli as main, ROOT } from '../helpers/cli.js';

const NO_TTY =
  'aci-sim play needs an interactive terminal; for a non-interactive run use: aci-sim run <scenario> --seed N';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aci-play-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = async (...args: string[]) => {
  const r = await main(['play', ...args]);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
};

describe('play without a terminal', () => {
  it('says it needs one and exits 2 without writing a journal', async () => {
    const before = existsSync(join(ROOT, 'journals')) ? readdirSync(join(ROOT, 'journals')) : [];
    const r = await cli('--seed', '7');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(NO_TTY);
    expect(r.stderr).toContain(`e.g. aci-sim run ${DEFAULT_SCENARIO} --seed 7`);
    expect(existsSync(join(ROOT, 'journals')) ? readdirSync(join(ROOT, 'journals')) : []).toEqual(before);
  });

  it('names an unknown policy', async () => {
    const r = await cli('--cn', 'best_reponse');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--cn: unknown policy "best_reponse" for CN — did you mean "best_response"?');
  });

  it('reads --timer as a duration and names a bad one', async () => {
    for (const bad of ['soon', '0', '5h', ''])
      expect((await cli('--timer', bad)).stderr).toContain(
        `--timer: expected a duration such as 5m, 90s or 1m30s, got "${bad}"`,
      );
    expect((await cli('--timer', 'soon')).status).toBe(2);
    for (const good of ['5m', '90s', '1m30s', '300']) {
      const r = await cli('--timer', good);
      expect(r.stderr.split('\n')[0]).toBe(NO_TTY);
    }
  });

  it('refuses a corrupt or foreign journal and leaves it as it was', async () => {
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"format": "aci-sim-journal", "version": 1, "rou');
    let r = await cli('--resume', corrupt);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a journal: the file is not valid JSON (corrupt or truncated?)');
    expect(readFileSync(corrupt, 'utf8')).toBe('{"format": "aci-sim-journal", "version": 1, "rou');

    const foreign = join(dir, 'foreign.json');
    const text = JSON.stringify({
      format: 'aci-sim-journal',
      version: 1,
      scenario: { id: 'another-scenario', ref: 'tutorial', hash: 'x' },
      seed: 's',
      players: { target: 'human', coercer: 'hold' },
      set: {},
      created: 'c',
      updated: 'u',
      rounds: [],
    });
    writeFileSync(foreign, text);
    r = await cli('--resume', foreign);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'this journal is for scenario "another-scenario", but "tutorial" is scenario "tutorial"',
    );
    expect(readFileSync(foreign, 'utf8')).toBe(text);
  });

  it('does not overwrite an existing --journal, nor mix --resume with a new scenario', async () => {
    const taken = join(dir, 'taken.json');
    writeFileSync(taken, 'mine');
    let r = await cli('--journal', taken);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('this file exists and is not overwritten');
    expect(readFileSync(taken, 'utf8')).toBe('mine');
    r = await cli('--resume', taken, '--seed', '3');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a resumed game takes its scenario, seed and --set values from the journal');
  });
});
