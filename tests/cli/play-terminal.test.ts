// `aci-sim play` in a terminal: the real binary under a pseudo-terminal. A
// game killed mid-round resumes from its journal with what was decided of the
// round, says to type reset, and Ctrl+C counts the rounds on disk; a changed scenario is asked
// about; a game plays to a deal and its debrief; SIGTERM gives the screen back.
// The tests run concurrently: each waits on its own game, never on the clock.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { replay } from '../../src/engine/index.js';
import { journalLog, readJournal } from '../../src/io/journal.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runSeed } from '../../src/rng/streams.js';
import { ALT_OFF, ALT_ON } from '../../src/ui/start.js';
import { ROOT } from '../helpers/cli.js';
import { hasScript, killStarted, pty } from '../helpers/pty.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aci-play-terminal-'));
});
afterAll(() => {
  killStarted();
  rmSync(dir, { recursive: true, force: true });
});

/** An SGR colour code (foreground 30–37 or 90–97). */
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[(3|9)[0-7]m`);

// Each test runs the real binary under script(1): generous time for a loaded machine.
describe.skipIf(!hasScript)('play in a terminal', { timeout: 120_000, concurrent: true }, () => {
  it('keeps what was decided of the round when killed, says to type reset, and Ctrl+C counts the rounds on disk', async ({
    expect,
  }) => {
    const journal = join(dir, 'game.json');
    // optimism 1: China (computer) does not settle before the rounds this test plays (tests/ui/helpers.tsx).
    const g = pty(`tutorial --seed 7 --set parameters.optimism=1 --journal ${journal}`, { NO_COLOR: '1' });
    await g.until("EU's turn");
    g.type('\u001B[C');
    await g.until('0→1 threatened');
    g.type('\r');
    await g.until('round 1 played');
    g.type('\r');
    await g.until('round 2 played');
    g.type('n');
    await g.until('Note');
    g.type('about to escalate');
    await g.until('about to escalate');
    g.type('\r\u001B[C');
    await g.until('0→2');
    g.kill();
    await g.exited;
    expect(g.raw()).not.toMatch(COLOUR);

    const first = readJournal(journal);
    if (!first.ok) throw new Error(first.error[0]!.message);
    expect(first.value.rounds).toHaveLength(2);
    expect(first.value.seed).toBe(runSeed(7, 0, 0));
    expect(first.value.masterSeed).toBe(7);
    expect(first.value.rounds[0]!.orders.target).toEqual({ set: { tutorial_duv_servicing: 1 } });

    // Killed mid-round: the note committed in round 3 is in the journal, which is still marked open.
    expect(first.value.pending?.notes).toEqual([{ bloc: 'target', text: 'about to escalate' }]);
    expect(first.value.open).toBeDefined();

    const again = pty(`--resume ${journal}`);
    await again.until('round 3/12');
    expect(again.plain().replace(/\s+/g, ' ')).toContain('did not end cleanly');
    expect(again.plain().replace(/\s+/g, ' ')).toContain('type reset and press Enter');
    again.type('\r');
    await again.until('round 3 played');
    // Ctrl+C ends the game without its quit screen: the count is still what is on disk.
    again.type('\u0003');
    expect(await again.exited).toBe(0);
    expect(again.plain()).toContain(`Journal: ${journal} (3 rounds played)`);
    expect(again.raw()).toMatch(COLOUR);

    const j = readJournal(journal);
    if (!j.ok) throw new Error(j.error[0]!.message);
    expect(j.value.rounds.slice(0, 2)).toEqual(first.value.rounds);
    expect(j.value.rounds).toHaveLength(3);
    expect(j.value.rounds[2]!.notes).toEqual([{ bloc: 'target', text: 'about to escalate' }]);
    expect(j.value.open).toBeUndefined();
    const loaded = await loadScenario('tutorial', { cwd: ROOT, set: { 'parameters.optimism': 1 } });
    if (!loaded.ok) throw new Error('tutorial');
    expect(j.value.scenario.hash).toBe(loaded.value.hash);
    const states = replay(loaded.value.scenario, j.value.seed, journalLog(j.value));
    expect(states[3]!.round).toBe(3);
    expect(states.slice(0, 3)).toEqual(replay(loaded.value.scenario, j.value.seed, journalLog(first.value)));
  });

  it('asks before going on with a changed scenario, and writes the new game elsewhere', async ({
    expect,
  }) => {
    const journal = join(dir, 'changed.json');
    const seed = runSeed(1, 0, 0);
    const text = JSON.stringify({
      format: 'aci-sim-journal',
      version: 1,
      scenario: { id: 'tutorial', ref: 'tutorial', hash: 'an-old-hash' },
      seed,
      players: { target: 'human', coercer: 'hold' },
      set: {},
      created: 'c',
      updated: 'u',
      rounds: [{ orders: { target: {}, coercer: {} }, notes: [] }],
    });
    writeFileSync(journal, text);
    const no = pty(`--resume ${journal}`);
    await no.until('Continue on the current definition? (y/n)');
    // ink wraps the message at the terminal's width.
    expect(no.plain().replace(/\s+/g, ' ')).toContain('has changed since this game was saved');
    expect(no.plain().replace(/\s+/g, ' ')).toContain('an-old-hash');
    no.type('n');
    expect(await no.exited).toBe(2);
    expect(readFileSync(journal, 'utf8')).toBe(text);

    const yes = pty(`--resume ${journal}`);
    await yes.until('Continue on the current definition? (y/n)');
    yes.type('y');
    await yes.until('round 2/12');
    yes.type('q');
    await yes.until('Quit the game? (y/n)');
    yes.type('y');
    expect(await yes.exited).toBe(0);
    expect(readFileSync(journal, 'utf8')).toBe(text);
    const cont = readJournal(join(dir, 'changed-continued.json'));
    expect(cont.ok && cont.value.rounds).toHaveLength(1);
    expect(cont.ok && cont.value.scenario.hash).not.toBe('an-old-hash');
  });

  it('plays to a deal, writes the debrief, and names the journal by scenario, seed and time', async ({
    expect,
  }) => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const set = '--set blocs.EU.stakes=2 --set blocs.CN.stakes=1.5';
    const g = pty(
      `${join(ROOT, 'scenarios', 'tutorial.yaml')} --seed 7 --cn hold ${set}`,
      {},
      undefined,
      cwd,
    );
    await g.until("EU's turn");
    g.type('\r');
    await g.until('round 1 played');
    g.type('d');
    await g.until("EU's offer");
    // 0.85: inside the zone and short of a capitulation (q ≥ 0.9 would be the EU backing down).
    g.type('\u001B[D'.repeat(20));
    await g.until('Terms q = 0.00');
    g.type('\u001B[C'.repeat(17));
    await g.until('Terms q = 0.85');
    g.type('\r');
    await g.until('your offer');
    g.type('\r');
    await g.until('deal struck');
    g.type('e');
    await g.until('End the game here');
    g.type('y');
    await g.until('game over');
    g.type('w');
    expect(await g.exited).toBe(0);
    const files = readdirSync(join(cwd, 'journals')).filter((f) => f.endsWith('.json'));
    expect(files).toEqual([expect.stringMatching(/^tutorial-7-\d{8}-\d{6}\.json$/)]);
    expect(g.plain()).toContain('Debrief: ');
    expect(existsSync(join(cwd, 'journals', files[0]!.replace(/\.json$/, '-report'), 'report.html'))).toBe(
      true,
    );
  });

  it('gives the terminal back and exits 143 on SIGTERM, with the journal saved', async ({ expect }) => {
    const journal = join(dir, 'terminated.json');
    const g = pty(`tutorial --journal ${journal}`);
    await g.until("EU's turn");
    expect(g.raw()).toContain(ALT_ON);
    g.signal('SIGTERM');
    expect(await g.exited).toBe(143);
    expect(g.raw().lastIndexOf(ALT_OFF)).toBeGreaterThan(g.raw().lastIndexOf(ALT_ON));
    const j = readJournal(journal);
    expect(j.ok && j.value.rounds).toEqual([]);
  });

  it('asks for a bigger terminal when it is too small', async ({ expect }) => {
    const g = pty(`--journal ${join(dir, 'small.json')}`, {}, { cols: 70, rows: 20 });
    await g.until('needs a terminal of at least 80×24; this one is 70×20');
    g.type('\u0003');
    expect(await g.exited).toBe(0);
  });
});
