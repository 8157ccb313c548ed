// Every screen of the game, as text without colour (NO_COLOR): snapshots at
// 100 columns, and a check that each fits 80×24.

import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { DEAL_SET, KEY, renderGame, session } from './helpers.js';

type Players = { target: string; coercer: string };

/** Frames of a screen reached by keys, at 100×24 and at 80×24. */
async function screen(
  keys: string[],
  players: Players = { target: 'human', coercer: 'best_response' },
  set = {},
) {
  const out: string[] = [];
  for (const columns of [100, 80]) {
    const g = await renderGame({ session: await session(players, set), size: { columns, rows: 24 } });
    await g.press(...keys);
    out.push(g.frame());
    g.unmount();
  }
  return { wide: out[0]!, narrow: out[1]! };
}

function expectFits80x24(frame: string) {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(23);
  for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
}

const CASES: [string, string[], Players?, Record<string, number>?][] = [
  ['orders at the start', []],
  ['orders with a level chosen', [KEY.right, KEY.right]],
  [
    'orders after a round, with an offer and an inject pending',
    // The offer is outside the zone the EU sees: Enter once more sends it past the warning.
    [KEY.right, KEY.enter, 'd', KEY.enter, KEY.enter, 'i', KEY.enter],
  ],
  ['facilitator view', [KEY.enter, 'f']],
  ['an offer from the computer to answer', [KEY.enter, KEY.enter], undefined, DEAL_SET],
  ['the deal form', [KEY.enter, 'd', KEY.down]],
  ['hot-seat hand-over', [], { target: 'human', coercer: 'human' }],
  [
    'hot-seat reveal',
    [KEY.enter, KEY.right, KEY.enter, KEY.enter, KEY.enter],
    { target: 'human', coercer: 'human' },
  ],
  ['computer against computer', [KEY.enter, KEY.enter], { target: 'graduated', coercer: 'best_response' }],
  ['game over', [KEY.enter, 'd', KEY.enter, KEY.enter, 'a', 'e', 'y'], undefined, DEAL_SET],
  ['the vote panel', [KEY.right, KEY.enter, KEY.enter, KEY.enter, ' ', KEY.enter]],
  ['help', ['?']],
  ['pause', ['p']],
  ['quit', ['q']],
  ['back down', ['b']],
  ['note', ['n', 'China will blink first']],
  ['inject: pick', ['i']],
  ['inject: text', ['i', KEY.down, KEY.enter, 'Dockers strike']],
  [
    'inject: effects',
    ['i', KEY.down, KEY.enter, 'Dockers strike', KEY.enter, KEY.right, KEY.up, KEY.right, KEY.right],
  ],
];

describe('screens', () => {
  for (const [name, keys, players, set] of CASES)
    it(name, async () => {
      const { wide, narrow } = await screen(keys, players, set);
      expect(wide).toMatchSnapshot();
      expectFits80x24(narrow);
      expect(wide).not.toContain('\u001B[');
    });

  it('asks for a bigger terminal below 80×24', async () => {
    const g = await renderGame({ session: await session(), size: { columns: 70, rows: 20 } });
    expect(g.frame()).toMatchInlineSnapshot(`
      "aci-sim play needs a terminal of at least 80×24; this one is 70×20.
      Enlarge the window to go on (Ctrl+C quits; every round played is in the journal)."
    `);
    await g.press(KEY.enter);
    expect(g.frame()).toContain('this one is 70×20');
  });

  it('follows the terminal when it is resized', async () => {
    const r = render(<App session={await session()} color={false} />);
    const lines = () => stripVTControlCharacters(r.lastFrame() ?? '').split('\n');
    const resize = async (columns: number, rows: number, ready: () => boolean) => {
      Object.defineProperty(r.stdout, 'columns', { value: columns, configurable: true });
      Object.defineProperty(r.stdout, 'rows', { value: rows, configurable: true });
      r.stdout.emit('resize');
      while (!ready()) await new Promise((res) => setTimeout(res, 20)); // bounded by the test timeout
    };
    await new Promise((res) => setTimeout(res, 20));
    expect(lines()).toHaveLength(23);
    await resize(140, 40, () => lines().length === 39);
    expect(lines()).toHaveLength(39);
    expect(Math.max(...lines().map((l) => l.length))).toBeGreaterThan(100);
    await resize(140, 20, () => lines().join('\n').includes('140×20'));
    expect(lines().join('\n')).toContain('this one is 140×20');
    r.unmount();
  });

  it('keeps every meaning in text and symbols without colour', async () => {
    const { wide } = await screen([KEY.enter, 'f'], undefined, DEAL_SET);
    for (const legend of ['◀EU', '◀CN', '═ EU ≤', '─ China ≥', '✓', '○', '┃65%', '┃55%', 'QM for'])
      expect(wide).toContain(legend);
    expect(wide).toMatch(/█ zone \d\.\d\d–\d\.\d\d|no zone: gap \d\.\d\d/);
  });
});
