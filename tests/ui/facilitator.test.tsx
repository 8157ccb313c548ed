// Facilitator controls in the terminal emulator: in hot-seat the facilitator's
// keys wait for F (any other key cancels); each use is journalled with who
// and when, and a game cut off (nothing more written, as kill -9 leaves it)
// and resumed from its journal reproduces it. The turn timer counts down in
// the header and, at zero, commits the team's orders as they stand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journalSaver } from '../../src/cli/journal-saver.js';
import type { Session } from '../../src/engine/index.js';
import { type Journal, readJournal } from '../../src/io/journal.js';
import { recordOf } from '../../src/ui/journal-of.js';
import type { GameRecord } from '../../src/ui/record.js';
import { type Emulated, emulate } from './emulator.js';
import { KEY, session } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-facilitator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const HOT = { target: 'human', coercer: 'human' };
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

const text = async (g: Emulated) => {
  const rows = await g.screen();
  expect(rows).toEqual(g.intended());
  return rows.join('\n');
};

/** A game saving every change as `play` does; `timer` and `now` as `play --timer` and the clock. */
async function start(s: Session, size: [number, number] = [100, 30], timer?: number, now?: () => number) {
  const path = join(dir, `game-${++n}.json`);
  const saver = journalSaver(path, { ...META, ...(timer ? { timer } : {}) }, () => new Date());
  saver.save({ session: s, pending: null, ended: false });
  const g = await emulate(
    {
      session: s,
      onSave: (r) => saver.save(r),
      ...(timer ? { start: { timer } } : {}),
      ...(now ? { now } : {}),
    },
    ...size,
  );
  return { g, path };
}

/** The game rebuilt from the journal on disk, as `play --resume` rebuilds it. */
async function resume(s: Session, j: Journal, onSave?: (r: GameRecord) => void) {
  const r = recordOf(s.setup, j);
  return emulate(
    {
      session: r.session,
      start: { pending: r.pending, ended: r.ended, undone: r.undone ?? [], actions: r.actions ?? [] },
      ...(onSave ? { onSave } : {}),
    },
    100,
    30,
  );
}

describe('facilitator keys in hot-seat', () => {
  for (const [columns, rows] of [
    [80, 24],
    [120, 40],
  ] as const)
    it(`f waits for F at ${columns}×${rows}; the view is journalled and comes back on resume`, async () => {
      const s = await session(HOT);
      const { g, path } = await start(s, [columns, rows]);
      await g.press('f');
      let t = await text(g);
      expect(t).toContain('Facilitator only');
      expect(t).toContain('Show the true landing zone?');
      expect(t).toContain('Teams: please do not press F.');
      await g.press('f');
      t = await text(g);
      expect(t).toContain("cancelled: only the facilitator's F goes on");
      expect(t).not.toContain('FACILITATOR VIEW');
      expect(read(path).facilitator).toBeUndefined();
      await g.press('f', 'F');
      expect(await text(g)).toContain('FACILITATOR VIEW');
      // The hand-over card warns before a team looks.
      expect(await text(g)).toContain('The FACILITATOR VIEW is on: f turns it off before the team looks.');
      g.unmount();
      const j = read(path);
      expect(j.facilitator).toEqual([
        { action: 'view', round: 1, by: 'facilitator', at: expect.any(String) },
      ]);
      expect(Number.isNaN(Date.parse(j.facilitator![0]!.at))).toBe(false);
      const r = await resume(s, j);
      expect(await text(r)).toContain('FACILITATOR VIEW');
      // Leaving the view needs no F.
      await r.press('f');
      expect(await text(r)).not.toContain('FACILITATOR VIEW');
      r.unmount();
    });

  it('undo and redo wait for F, are journalled, and a resumed game redoes the round', async () => {
    const s = await session(HOT);
    const { g, path } = await start(s);
    await g.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    expect(await text(g)).toContain('Round 1: results');
    await g.press(' ', 'u');
    expect(await text(g)).toContain('Undo round 1?');
    await g.press('F');
    expect(await text(g)).toContain('round 1 undone');
    g.unmount();
    const j = read(path);
    expect(j.rounds).toHaveLength(0);
    expect(j.undone).toHaveLength(1);
    expect(j.facilitator).toEqual([
      { action: 'undo', round: 2, by: 'facilitator', at: expect.any(String), detail: 'round 1' },
    ]);
    const saved: GameRecord[] = [];
    const r = await resume(s, j, (x) => saved.push(x));
    await r.press('U');
    expect(await text(r)).toContain('Play round 1 again?');
    await r.press('F');
    expect(await text(r)).toContain('round 1 redone');
    expect(saved.at(-1)!.session.log).toEqual(j.undone!.map((u) => u.orders));
    expect(saved.at(-1)!.actions!.map((a) => [a.action, a.round, a.by])).toEqual([
      ['undo', 2, 'facilitator'],
      ['redo', 1, 'facilitator'],
    ]);
    r.unmount();
  });

  it('a game cut off while paused resumes paused, on the pause card', async () => {
    const s = await session(HOT);
    const { g, path } = await start(s);
    await g.press('p', 'F');
    const before = await text(g);
    expect(before).toContain('PAUSED');
    g.unmount();
    const j = read(path);
    expect(j.facilitator?.map((a) => a.action)).toEqual(['pause']);
    const r = await resume(s, j);
    expect(await text(r)).toContain('Press p to resume.');
    await r.press('p');
    expect(await text(r)).toContain('resumed');
    r.unmount();
  });
});

describe('the turn timer (--timer)', () => {
  for (const [columns, rows] of [
    [80, 24],
    [120, 40],
  ] as const)
    it(`counts down in the header at ${columns}×${rows} and commits the orders as they stand at zero`, async () => {
      let clock = Date.parse('2026-01-01T10:00:00Z');
      const s = await session(HOT);
      const { g, path } = await start(s, [columns, rows], 90, () => clock);
      // The clock starts with the team's own screen, not the hand-over.
      expect(await text(g)).not.toContain('⏱');
      await g.press(KEY.enter, KEY.right);
      expect((await g.screen())[0]).toContain('⏱ 1:30');
      clock += 91_000;
      let t = '';
      for (let i = 0; i < 100 && !t.includes('time is up'); i++) {
        await g.press();
        t = (await g.screen()).join('\n');
      }
      expect(t).toContain("time is up: EU's orders are committed as they stood");
      expect(t).toContain("China's turn, round 1.");
      expect(await g.screen()).toEqual(g.intended());
      g.unmount();
      const j = read(path);
      expect(j.timer).toBe(90);
      expect(j.pending?.committed.target).toEqual({ set: { tutorial_duv_servicing: 1 } });
      expect(j.facilitator).toEqual([
        { action: 'timeout', round: 1, by: 'timer', at: '2026-01-01T10:01:31.000Z', detail: 'target' },
      ]);
      const r = await resume(s, j);
      expect(await text(r)).toContain("China's turn, round 1.");
      r.unmount();
    });
});

describe('the help', () => {
  it('says at 80×24 that F confirms the facilitator keys in hot-seat', async () => {
    const g = await emulate({ session: await session(HOT) }, 80, 24);
    await g.press('?');
    const t = await text(g);
    expect(t).toContain('F         hot-seat: confirms f u i e p');
    expect(t.replace(/\s+/g, ' ')).toContain("need the facilitator's F (teams: never press F)");
    expect(t).toContain('a game cut off resumes where it was.');
    g.unmount();
  });
});
