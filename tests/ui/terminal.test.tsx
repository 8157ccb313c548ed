// What a terminal shows after the game's bytes are applied: at every size the
// emulated screen must equal the frame the UI meant to draw, through key
// presses, every overlay, whole rounds and resizes (no stale or doubled rows).
import { describe, expect, it } from 'vitest';
import { emulate } from './emulator.js';
import { DEAL_SET, KEY, session } from './helpers.js';

const SIZES: [number, number][] = [
  [80, 24],
  [100, 30],
  [120, 40],
];

/** Steps of a game against the computer: [label, keys]. */
const STEPS: [string, string[]][] = [
  ['first key press (↓)', [KEY.down]],
  ['↓ again and a level raised', [KEY.down, KEY.right]],
  ['help', ['?']],
  ['help closed', [KEY.esc]],
  ['legend', ['l']],
  ['legend closed', [KEY.esc]],
  ['event log', ['h']],
  ['event log scrolled', [KEY.pageUp, KEY.up]],
  ['event log closed', [KEY.esc]],
  ['pause', ['p']],
  ['pause closed', [KEY.esc]],
  ['note', ['n', 'a note']],
  ['note closed', [KEY.esc]],
  ['inject', ['i']],
  ['inject closed', [KEY.esc]],
  ['facilitator view', ['f']],
  ['team view', ['f']],
  ['round played', [KEY.enter]],
  ['deal form', ['d']],
  ['deal form closed', [KEY.esc]],
  ['second round', [KEY.enter]],
  ['quit asked', ['q']],
  ['quit refused', ['n']],
];

describe('the screen in a terminal emulator', () => {
  for (const [columns, rows] of SIZES)
    it(`stays clean at ${columns}×${rows} through keys, overlays and rounds`, async () => {
      const g = await emulate(
        { session: await session({ target: 'human', coercer: 'best_response' }, DEAL_SET) },
        columns,
        rows,
      );
      expect(await g.screen()).toEqual(g.intended());
      expect(g.intended().join('\n')).toContain('aci-sim');
      for (const [label, keys] of STEPS) {
        await g.press(...keys);
        expect(await g.screen(), label).toEqual(g.intended());
      }
      g.unmount();
    });

  it('is repaired by a resize, larger and smaller', async () => {
    const g = await emulate({ session: await session() }, 100, 30);
    await g.press(KEY.down, '?');
    for (const [c, r] of [
      [120, 40],
      [80, 24],
      [100, 30],
    ] as const) {
      await g.resize(c, r);
      expect(await g.screen(), `${c}×${r}`).toEqual(g.intended());
      await g.press(KEY.esc, KEY.down);
      expect(await g.screen(), `${c}×${r} after keys`).toEqual(g.intended());
    }
    g.unmount();
  });

  it('stays clean through a hot-seat round', async () => {
    const g = await emulate({ session: await session({ target: 'human', coercer: 'human' }) }, 120, 40);
    for (const keys of [[KEY.enter], [KEY.right, KEY.enter], [KEY.enter], [KEY.enter], [KEY.enter]]) {
      await g.press(...keys);
      expect(await g.screen()).toEqual(g.intended());
    }
    g.unmount();
  });
});
