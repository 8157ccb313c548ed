// Nothing lost: the game is cut off (its process gone, nothing more written)
// at each phase of a round, and a game rebuilt from the journal on disk shows
// the same screen in the terminal emulator and plays on with every committed
// order, answer, note and inject.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journalSaver } from '../../src/cli/journal-saver.js';
import type { Session } from '../../src/engine/index.js';
import { type Journal, readJournal } from '../../src/io/journal.js';
import { recordOf } from '../../src/ui/journal-of.js';
import type { GameRecord } from '../../src/ui/record.js';
import { emulate } from './emulator.js';
import { DEAL_SET, KEY, session } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const HOT = { target: 'human', coercer: 'human' };
const VS = { target: 'human', coercer: 'best_response' };
const META = {
  scenario: { id: 'tutorial', ref: 'tutorial', hash: 'h' },
  masterSeed: 7,
  set: {},
  created: 'c',
};

function read(path: string): Journal {
  const r = readJournal(path);
  if (!r.ok) throw new Error(r.error.map((d) => d.message).join('\n'));
  return r.value;
}

/**
 * Plays `keys` with every change saved as `play` saves it, then drops the game without another
 * write (as kill -9 would); returns the screen it showed, the journal on disk and the start.
 */
async function cutOff(start: Session, keys: string[]) {
  const path = join(dir, `game-${++n}.json`);
  const saver = journalSaver(path, META, () => new Date());
  saver.save({ session: start, pending: null, ended: false });
  const g = await emulate({ session: start, onSave: (r) => saver.save(r) }, 100, 30);
  await g.press(...keys);
  const before = await g.screen();
  expect(before).toEqual(g.intended());
  g.unmount();
  return { before, journal: read(path), path };
}

/** The game rebuilt from its journal, as `play --resume` rebuilds it. */
async function resume(start: Session, j: Journal, onSave?: (r: GameRecord) => void) {
  const r = recordOf(start.setup, j);
  const g = await emulate(
    {
      session: r.session,
      start: { pending: r.pending, ended: r.ended, undone: r.undone ?? [] },
      ...(onSave ? { onSave } : {}),
    },
    100,
    30,
  );
  return { g, screen: await g.screen() };
}

/** Every row but the footer (which says what the last key did). */
const body = (rows: string[]) => rows.slice(0, -2);

describe('a game cut off and resumed from its journal', () => {
  it("against the computer, during the team's orders: its note and the inject are kept", async () => {
    const start = await session(VS);
    const cut = await cutOff(start, ['n', 'hold firm', KEY.enter, 'i', KEY.enter]);
    expect(cut.journal.rounds).toEqual([]);
    expect(cut.journal.pending?.notes).toEqual([{ bloc: 'target', text: 'hold firm' }]);
    expect(cut.journal.pending?.inject?.[0]?.text).toMatch(/CLEPA/);
    expect(cut.journal.open).toBeDefined();
    const { g, screen } = await resume(start, cut.journal);
    expect(body(screen)).toEqual(body(cut.before));
    expect(screen.join('\n')).toContain('CLEPA');
    g.unmount();
  });

  it('against the computer, answering its offer: the orders committed before are kept', async () => {
    const start = await session(VS, DEAL_SET);
    const cut = await cutOff(start, [KEY.enter, KEY.right, KEY.enter]);
    expect(cut.before.join('\n')).toContain("EU answers China's offer");
    expect(cut.journal.pending?.committed.target).toEqual({ set: { tutorial_duv_servicing: 1 } });
    const saved: Session[] = [];
    const { g, screen } = await resume(start, cut.journal, (r) => saved.push(r.session));
    expect(body(screen)).toEqual(body(cut.before));
    await g.press('a');
    expect((await g.screen()).join('\n')).toContain('deal struck');
    expect(saved.at(-1)!.log[1]!.target).toEqual({ set: { tutorial_duv_servicing: 1 }, respond: 'accept' });
    g.unmount();
  });

  it('hot-seat, at the hand-over after the EU committed', async () => {
    const start = await session(HOT);
    const cut = await cutOff(start, [KEY.enter, KEY.right, 'n', 'escalate', KEY.enter, KEY.enter]);
    expect(cut.before.join('\n')).toContain("China's turn, round 1.");
    expect(cut.journal.pending).toEqual({
      committed: { target: { set: { tutorial_duv_servicing: 1 } } },
      respond: {},
      inject: [],
      notes: [{ bloc: 'target', text: 'escalate' }],
      shownTo: 'target',
    });
    const saved: Session[] = [];
    const { g, screen } = await resume(start, cut.journal, (r) => saved.push(r.session));
    expect(body(screen)).toEqual(body(cut.before));
    await g.press(KEY.enter, KEY.enter, KEY.enter);
    expect((await g.screen()).join('\n')).toContain('Round 1: results');
    await g.press(' ');
    expect((await g.screen()).join('\n')).toContain("EU's turn, round 2.");
    const s = saved.at(-1)!;
    expect(s.log[0]!.target).toEqual({ set: { tutorial_duv_servicing: 1 } });
    expect(s.notes[0]).toEqual([{ bloc: 'target', text: 'escalate' }]);
    g.unmount();
  });

  it("hot-seat, during China's orders", async () => {
    const start = await session(HOT);
    const cut = await cutOff(start, [KEY.enter, KEY.right, KEY.enter, KEY.enter]);
    expect(cut.before.join('\n')).toContain('China orders');
    expect(cut.journal.pending?.shownTo).toBe('coercer');
    const { g, screen } = await resume(start, cut.journal);
    expect(body(screen)).toEqual(body(cut.before));
    g.unmount();
  });

  it('hot-seat, at the sealed offers revealed together', async () => {
    const start = await session(HOT);
    const cut = await cutOff(start, [KEY.enter, 'd', KEY.enter, KEY.enter, KEY.enter, KEY.enter]);
    expect(cut.before.join('\n')).toContain('Sealed offers, revealed together');
    expect(cut.journal.pending?.revealed).toBeUndefined();
    const { g, screen } = await resume(start, cut.journal);
    expect(body(screen)).toEqual(body(cut.before));
    g.unmount();
  });

  it("hot-seat, while China answers the EU's offer", async () => {
    const start = await session(HOT);
    const cut = await cutOff(start, [KEY.enter, 'd', KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter]);
    expect(cut.before.join('\n')).toContain("China answers the EU's offer");
    expect(cut.journal.pending?.committed.target?.propose).toBeDefined();
    expect(cut.journal.pending?.revealed).toBe(true);
    const { g, screen } = await resume(start, cut.journal);
    expect(body(screen)).toEqual(body(cut.before));
    g.unmount();
  });

  it('hot-seat, at the reveal: both teams committed, answers given, an inject made', async () => {
    const start = await session(HOT);
    const keys = [KEY.enter, 'd', KEY.enter, KEY.enter, KEY.enter, '0', KEY.enter, KEY.enter, 'r', 'i', 'F'];
    keys.push(KEY.enter);
    const cut = await cutOff(start, keys);
    expect(cut.before.join('\n')).toContain('Both teams have committed');
    expect(cut.journal.pending?.respond).toEqual({ coercer: 'reject' });
    // In hot-seat the inject was the facilitator's (confirmed with F), journalled with when.
    expect(cut.journal.facilitator).toEqual([
      {
        action: 'inject',
        round: 1,
        by: 'facilitator',
        at: expect.any(String),
        detail: expect.stringMatching(/CLEPA/),
      },
    ]);
    const saved: Session[] = [];
    const { g, screen } = await resume(start, cut.journal, (r) => saved.push(r.session));
    expect(body(screen)).toEqual(body(cut.before));
    await g.press(KEY.enter);
    const o = saved.at(-1)!.log[0]!;
    expect(o.target).toEqual({ propose: { q: 0.5 } });
    expect(o.coercer).toEqual({ set: { tutorial_magnet_licensing: 0 }, respond: 'reject' });
    expect(o.inject?.[0]?.text).toMatch(/CLEPA/);
    g.unmount();
  });

  it('after the facilitator ended the game (e): the game stays over', async () => {
    const start = await session({ target: 'human', coercer: 'hold' }, DEAL_SET);
    const offer = ['d', ...Array(20).fill(KEY.left), ...Array(17).fill(KEY.right), KEY.enter];
    const cut = await cutOff(start, [KEY.enter, ...offer, KEY.enter, 'e', 'y']);
    expect(cut.before.join('\n')).toContain('game over');
    expect(cut.journal.ended).toEqual({ round: 2, by: 'facilitator' });
    const { g, screen } = await resume(start, cut.journal);
    expect(body(screen)).toEqual(body(cut.before));
    expect(screen[0]).toContain('game over');
    g.unmount();
  });

  it('when the game ended by itself (a side backed down): the end is in the journal', async () => {
    const start = await session(VS);
    const cut = await cutOff(start, ['b', 'y', KEY.enter]);
    expect(cut.before.join('\n')).toContain('Outcome: the EU backs down, round 1');
    expect(cut.journal.ended).toEqual({ round: 1, by: 'game' });
    expect(cut.journal.pending).toBeUndefined();
    const { g, screen } = await resume(start, cut.journal);
    expect(body(screen)).toEqual(body(cut.before));
    g.unmount();
  });

  it('after an undo (asked first): the round undone is in the journal and redone after resuming', async () => {
    const start = await session(VS);
    const cut = await cutOff(start, [KEY.right, KEY.enter, KEY.enter, 'u', 'y']);
    expect(cut.journal.rounds).toHaveLength(1);
    expect(cut.journal.undone).toHaveLength(1);
    const saved: Session[] = [];
    const { g, screen } = await resume(start, cut.journal, (r) => saved.push(r.session));
    expect(body(screen)).toEqual(body(cut.before));
    await g.press('U');
    expect((await g.screen()).join('\n')).toContain('round 2 redone');
    expect(saved.at(-1)!.log).toHaveLength(2);
    expect(saved.at(-1)!.log[1]).toEqual(cut.journal.undone![0]!.orders);
    g.unmount();
  });

  it('leaves no temporary file beside the journal', () => {
    expect(readdirSync(dir).filter((f) => !/^game-\d+\.json$/.test(f))).toEqual([]);
  });
});
