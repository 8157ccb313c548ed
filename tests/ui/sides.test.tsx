// Every scenario readable and playable from either side: names that differ
// never cut to the same text, the event log shows every event whole, and a
// team plays China against the computer.
import { describe, expect, it } from 'vitest';
import { replaySession } from '../../src/engine/index.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runSeed } from '../../src/rng/streams.js';
import { distinctNames } from '../../src/ui/draw.js';
import { emulate } from './emulator.js';
import { KEY, ROOT, session } from './helpers.js';

describe('names cut to a width', () => {
  it('stay apart when they differ, from the middle, else numbered', () => {
    const a = 'Additional tariff on Chinese electric vehicles (BEV)';
    const b = 'Additional tariff on Chinese electric buses';
    expect(distinctNames([a, b, 'Short'], 30)).toEqual([
      'Additional tari…vehicles (BEV)',
      'Additional tari…electric buses',
      'Short',
    ]);
    expect(distinctNames(['Same start, same end xx 1', 'Same start, same end xx 2'], 10)).toEqual([
      'Same …xx 1',
      'Same …xx 2',
    ]);
    expect(distinctNames(['A long name, one', 'A long name, two', 'A long nam…one'], 8)).toEqual([
      'A long…1',
      'A lo…two',
      'A long…3',
    ]);
    expect(distinctNames(['Twin name here', 'Twin name here'], 6)).toEqual(['Twin …', 'Twin …']);
  });

  it('in the orders list of rare-earths-2025 at 120×40, every measure reads differently', async () => {
    const r = await loadScenario('rare-earths-2025', { cwd: ROOT });
    if (!r.ok) throw new Error('rare-earths-2025');
    const sc = r.value.scenario;
    const s = replaySession(
      { sc, seed: runSeed(1, 0, 0), players: { target: 'human', coercer: 'hold' } },
      [],
    );
    const g = await emulate({ session: s }, 120, 40);
    const screen = await g.screen();
    expect(screen).toEqual(g.intended());
    const own = sc.measures.filter((m) => m.bloc === 'target').length;
    // The list shows 11 of the 20 measures: read it at the top, then wrapped round to the end.
    const names = new Set<string>();
    const read = (rows: string[]) => {
      const title = rows.findIndex((l) => l.includes('── EU orders (1') || l.includes('── EU orders (10'));
      const left = rows[title]!.indexOf('── EU orders');
      for (const l of rows.slice(title + 1, title + 12)) names.add(l.slice(left + 4, left + 40).trim());
    };
    read(screen);
    await g.press(KEY.up);
    read(await g.screen());
    expect(own).toBe(20);
    expect(names.size).toBe(own);
    g.unmount();
  });
});

describe('the event log (h)', () => {
  it('shows every event whole, at 80×24', async () => {
    const start = await session();
    const g = await emulate({ session: start }, 80, 24);
    await g.press(KEY.right, KEY.enter, KEY.enter, KEY.enter, ' ', KEY.enter);
    await g.press(KEY.esc, 'h');
    const screen = await g.screen();
    expect(screen).toEqual(g.intended());
    expect(screen[1]).toContain('Event log');
    // Scroll to the top, then read page by page.
    await g.press(...Array(20).fill(KEY.pageUp));
    let seen = '';
    for (let i = 0; i < 20; i++) {
      const rows = await g.screen();
      seen += ` ${rows
        .slice(2, -1)
        .map((l) => l.slice(6))
        .join(' ')}`;
      await g.press(KEY.pageDown);
    }
    const flat = seen.replace(/\s+/g, ' ');
    // Read the events through a fresh game of the same keys (the App keeps its session inside).
    const events = (await eventsAfter4Rounds()).map((e) => e.text);
    expect(events.some((t) => t.length > 70)).toBe(true);
    for (const t of events) expect(flat).toContain(t.replace(/\s+/g, ' '));
    await g.press('x');
    expect((await g.screen()).join('\n')).not.toContain('Event log');
    g.unmount();
  });
});

async function eventsAfter4Rounds() {
  const { playRound, computerTurn } = await import('../../src/engine/index.js');
  let s = await session();
  const first = { target: { set: { tutorial_duv_servicing: 1 } } };
  for (let r = 0; r < 4; r++) s = playRound(s, { ...computerTurn(s), ...(r === 0 ? first : {}) });
  return s.events.flat();
}

describe('a team playing China', () => {
  it('against the computer: its own orders, a round played, the screen clean', async () => {
    const g = await emulate({ session: await session({ target: 'graduated', coercer: 'human' }) }, 100, 30);
    let text = (await g.screen()).join('\n');
    expect(text).toContain("China's turn");
    expect(text).toContain('China orders');
    await g.press(KEY.right, KEY.enter);
    const screen = await g.screen();
    expect(screen).toEqual(g.intended());
    text = screen.join('\n');
    expect(text).toContain('round 1 played');
    expect(text).toContain('round 2/12');
    g.unmount();
  });
});

describe("the scenario's events of a round", () => {
  it('are shown with the orders before the round is played', async () => {
    const g = await emulate({ session: await session() }, 100, 30);
    await g.press(KEY.enter, KEY.enter);
    expect((await g.screen()).join('\n')).not.toContain('◆ this round');
    await g.press(KEY.enter);
    // First a card lists the round's scripted events whole, before any orders.
    const card = await g.screen();
    expect(card).toEqual(g.intended());
    expect(card[1]).toContain('Round 4: scripted events');
    expect(card.join('\n')).toContain('◆ CLEPA warns that supplier plants will stop within weeks.');
    await g.press(' ');
    const screen = await g.screen();
    expect(screen).toEqual(g.intended());
    const text = screen.join('\n');
    expect(text).toContain('round 4/12');
    expect(text).toContain('◆ this round: CLEPA warns that supplier');
    expect(text).not.toMatch(/r4 ◆/);
    g.unmount();
  });
});
