// Every shipped scenario either starts as a game or says why not and what to
// run instead; a side a team cannot move goes to the computer; `computer` and
// --player SIDE=… choose who plays. In-process: everything here is decided
// before the game needs a terminal.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_TTY_MESSAGE } from '../../src/cli/commands/play.js';
import { cli, ROOT } from '../helpers/cli.js';

const play = (...args: string[]) => cli(['play', ...args]);
const SCENARIOS = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe('which scenarios play', () => {
  it('every shipped scenario starts a game (reaching the terminal check) or refuses with the run command', async () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(6);
    for (const id of SCENARIOS) {
      const r = await play(id);
      expect(r.code, id).toBe(2);
      const starts = r.stderr.includes(NO_TTY_MESSAGE);
      const refused = r.stderr.includes(`Watch it with: aci-sim run ${id} --seed 1`);
      expect(starts !== refused, `${id}: ${r.stderr}`).toBe(true);
    }
  });

  it('refuses the magnets replay, naming the command that runs it', async () => {
    const r = await play('magnets-april-2025');
    expect(r.stderr.trim()).toBe(
      'magnets-april-2025: scenario "magnets-april-2025" is a replay, not a game: the EU has no measures in this scenario; China follows the record: the scenario\'s events set its measures every round. Watch it with: aci-sim run magnets-april-2025 --seed 1',
    );
  });

  it('gives the team China in nexperia-2025, where the EU has no measures', async () => {
    const r = await play('nexperia-2025', '--seed', '3');
    expect(r.stderr.split('\n')[0]).toBe(
      'nexperia-2025: the EU has no measures in this scenario: you play China (the EU: graduated)',
    );
    expect(r.stderr).toContain(NO_TTY_MESSAGE);
  });

  it('refuses a side named human that a team cannot move, with the command to play the other', async () => {
    for (const args of [
      ['--eu', 'human'],
      ['--player', 'CN=human'],
    ]) {
      const r = await play('nexperia-2025', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(
        `${args[0]}: the EU has no measures in this scenario: a team cannot play it. Play China: aci-sim play nexperia-2025 --player CN=human --player EU=computer, or watch it with: aci-sim run nexperia-2025 --seed 1`,
      );
    }
  });

  it('plays China against the computer: --eu computer --cn human, or the --player form', async () => {
    for (const args of [
      ['--eu', 'computer', '--cn', 'human'],
      ['--player', 'EU=computer', '--player', 'CN=human'],
      ['--player', 'EU=graduated', '--player', 'CN=human'],
      ['nexperia-2025', '--player', 'CN=human', '--player', 'EU=computer'],
    ]) {
      const r = await play(...args);
      expect(r.stderr.split('\n')[0], args.join(' ')).toBe(NO_TTY_MESSAGE);
    }
  });
});
