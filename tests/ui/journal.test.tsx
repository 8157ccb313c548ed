// The journal: written after every round by write-then-rename; a game cut
// off mid-round resumes from it to the state a replay of its orders gives.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replay, stateOf } from '../../src/engine/index.js';
import { journalLog, readJournal, writeJournal } from '../../src/io/journal.js';
import { journalOf, sessionOf } from '../../src/ui/journal-of.js';
import type { GameRecord } from '../../src/ui/record.js';
import { KEY, renderGame, session } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('journal', () => {
  it('survives a game cut off mid-round and resumes to the replayed state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aci-play-'));
    dirs.push(dir);
    const path = join(dir, 'game.json');
    const start = await session();
    const meta = {
      scenario: { id: 'tutorial', ref: 'tutorial', hash: 'h' },
      masterSeed: 7,
      set: {},
      created: 'now',
    };
    const save = (s: GameRecord) => writeJournal(path, journalOf(meta, s, new Date()));
    save({ session: start, pending: null, ended: false });
    const g = await renderGame({ session: start, onSave: save });
    await g.press(KEY.right, 'n', 'threaten first', KEY.enter, KEY.enter);
    await g.press('i', KEY.enter, KEY.enter);
    // Round 3 in progress: a level chosen, an offer drafted, then the process dies.
    await g.press(KEY.right, 'd', KEY.enter);
    g.unmount();

    const read = readJournal(path);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const j = read.value;
    expect(j.rounds).toHaveLength(2);
    expect(j.rounds[0]!.notes).toEqual([{ bloc: 'target', text: 'threaten first' }]);
    expect(j.rounds[1]!.orders.inject?.[0]?.text).toMatch(/CLEPA/);
    expect(readdirSync(dir)).toEqual(['game.json']);

    const resumed = sessionOf(start.setup, j);
    expect(resumed.states).toEqual(replay(start.setup.sc, j.seed, journalLog(j)));
    const again = await renderGame({ session: resumed });
    expect(again.frame()).toContain('round 3/12');
    expect(again.frame()).toContain("EU's turn");
    expect(stateOf(resumed).round).toBe(2);
  });

  it('is not written when nothing changed, and records undo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aci-play-'));
    dirs.push(dir);
    const path = join(dir, 'game.json');
    const start = await session();
    const meta = { scenario: { id: 'tutorial', ref: 'tutorial', hash: 'h' }, set: {}, created: 'now' };
    const g = await renderGame({
      session: start,
      onSave: (s) => writeJournal(path, journalOf(meta, s, new Date())),
    });
    await g.press(KEY.right, KEY.left, '?', KEY.esc);
    expect(existsSync(path)).toBe(false);
    await g.press(KEY.enter, KEY.enter, 'u', 'y');
    const j = readJournal(path);
    expect(j.ok && j.value.rounds.length).toBe(1);
  });
});
