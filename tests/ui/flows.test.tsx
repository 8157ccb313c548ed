// Keyboard flows through the whole game, driven as players would drive it.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/engine/index.js';
import { replay } from '../../src/engine/index.js';
import type { ExitResult } from '../../src/ui/hooks/use-game-state.js';
import type { GameRecord } from '../../src/ui/record.js';
import { DEAL_SET, KEY, renderGame, session } from './helpers.js';

/** Sets the deal form's terms to q (the form is open, on its first row) and offers, past a warning. */
async function offer(g: Awaited<ReturnType<typeof renderGame>>, q: number) {
  for (let i = 0; i < 20; i++) await g.press(KEY.left);
  for (let i = 0; i < Math.round(q / 0.05); i++) await g.press(KEY.right);
  expect(g.frame()).toContain(`Terms q = ${q.toFixed(2)}`);
  await g.press(KEY.enter);
  // Terms outside the side's zone are named first; Enter again sends them.
  if (g.frame().includes('Enter again sends it')) await g.press(KEY.enter);
}

async function game(players = { target: 'human', coercer: 'best_response' }, set = {}) {
  const saved: Session[] = [];
  const records: GameRecord[] = [];
  const exits: ExitResult[] = [];
  const g = await renderGame({
    session: await session(players, set),
    onSave: (r) => {
      saved.push(r.session);
      records.push(r);
    },
    onExit: (r) => exits.push(r),
  });
  return { ...g, saved, records, exits, last: () => saved[saved.length - 1]! };
}

describe('a game against the computer', () => {
  it('is played to a landing zone by keys: an offer accepted, the game ended, the debrief asked for', async () => {
    const g = await game({ target: 'human', coercer: 'hold' }, DEAL_SET);
    await g.press(KEY.enter);
    expect(g.frame()).toContain('round 1 played');
    expect(g.frame()).toContain('round 2/12 · 2025-05');
    await g.press('d');
    expect(g.frame()).toContain("EU's offer");
    expect(g.frame()).toMatch(/Terms q = \d\.\d\d/);
    await offer(g, 0.85);
    expect(g.frame()).toContain('your offer: q = 0.85');
    await g.press(KEY.enter);
    expect(g.frame()).toContain("deal struck at q = 0.85 (the EU's offer)");
    expect(g.frame()).toContain('deal in force: q = 0.85 since round 2');
    await g.press('e');
    expect(g.frame()).toContain('End the game here, with the deal in force? (y/n)');
    await g.press('y');
    expect(g.frame()).toContain('Outcome: landing zone — a negotiated deal, round 2,');
    expect(g.frame()).toContain('terms q = 0.85');
    expect(g.frame()).toContain('game over');
    await g.press('w');
    expect(g.exits).toEqual([{ report: true, session: g.last() }]);
    expect(g.last().log).toHaveLength(2);
    expect(g.last().log[1]!.target).toEqual({ propose: { q: 0.85 } });
  });

  it('an offer of everything accepted is the EU backing down: the game ends at once', async () => {
    const g = await game({ target: 'human', coercer: 'hold' }, DEAL_SET);
    await g.press(KEY.enter, 'd');
    await offer(g, 1);
    await g.press(KEY.enter);
    expect(g.frame()).toContain('the EU backs down: the deal gives China 100% of what is at stake');
    expect(g.frame()).toContain('Outcome: the EU backs down, round 2, terms q = 1.00');
    expect(g.frame()).toContain('game over');
  });

  it('an offer refused, then a better one accepted', async () => {
    const g = await game({ target: 'human', coercer: 'hold' }, DEAL_SET);
    await g.press(KEY.enter, 'd');
    await offer(g, 0);
    await g.press(KEY.enter);
    expect(g.frame()).toContain("China refuses the EU's offer (q = 0.00)");
    expect(g.frame()).toContain('round 3/12');
    await g.press('d');
    await offer(g, 1);
    await g.press(KEY.enter);
    expect(g.frame()).toContain("deal struck at q = 1.00 (the EU's offer)");
  });

  it("answers the computer's offer: refused, then (after undo) accepted", async () => {
    const g = await game(undefined, DEAL_SET);
    await g.press(KEY.enter, KEY.enter);
    expect(g.frame()).toContain("EU answers China's offer");
    const q = /China offers a deal at q = (\d\.\d\d)/.exec(g.frame())?.[1];
    expect(q).toBeDefined();
    await g.press('r');
    expect(g.frame()).toContain(`the EU refuses China's offer (q = ${q})`);
    await g.press('u', 'y', KEY.enter, 'a');
    expect(g.frame()).toContain(`deal struck at q = ${q} (China's offer)`);
  });

  it('undoes rounds one by one, replaying the log', async () => {
    const g = await game();
    await g.press(KEY.right, KEY.enter, KEY.enter);
    expect(g.frame()).toContain('round 3/12');
    const s0 = g.last();
    await g.press('u');
    expect(g.frame()).toContain('Undo round 2? (y/n)');
    await g.press('n');
    expect(g.last().log).toHaveLength(2);
    await g.press('u', 'y');
    expect(g.frame()).toContain('round 2 undone; back to the start of round 2 (U redoes it)');
    expect(g.frame()).toContain('round 2/12');
    const s = g.last();
    expect(s.log).toHaveLength(1);
    expect(s.states).toEqual(replay(s.setup.sc, s.setup.seed, s.log));
    await g.press('u', 'y');
    expect(g.frame()).toContain('round 1/12');
    expect(g.last().log).toHaveLength(0);
    await g.press('u');
    expect(g.frame()).toContain('nothing to undo');
    // Redo plays the rounds undone again, the latest undone first.
    await g.press('U', 'U');
    expect(g.frame()).toContain('round 2 redone');
    expect(g.last().states).toEqual(s0.states);
    await g.press('U');
    expect(g.frame()).toContain('nothing to redo');
  });

  it('shows the Council vote state by state when the determination is voted', async () => {
    const g = await game();
    await g.press(KEY.right, KEY.enter, KEY.enter, KEY.enter);
    expect(g.frame()).not.toContain('Council vote');
    // Round 4 has a scripted event: its card comes before the orders.
    expect(g.frame()).toContain('Round 4: scripted events');
    expect(g.frame()).toContain('◆ CLEPA warns that supplier plants will stop within weeks.');
    await g.press(' ', KEY.enter);
    const f = g.frame();
    expect(f).toContain('Council vote · round 4 · any key closes');
    expect(f).toMatch(
      /§ (Council determination of coercion adopted|no qualified majority for a determination)/,
    );
    expect(f).toMatch(/DE Germany\s+18\.49% (✓ for|✗ against|○ abstain)/);
    expect(f).toMatch(/Qualified majority for: (✓ reached|✗ not reached)/);
    expect(f).toMatch(
      /for: \d+ of 27 states \(need 55%: [+-]\d+\), [\d.]+% of population \(need 65%: [+-][\d.]+ pts\)/,
    );
    await g.press(' ');
    expect(g.frame()).not.toContain('Council vote');
    expect(g.frame()).toContain("EU's turn");
  });

  it('stores notes and injects with the round', async () => {
    const g = await game();
    await g.press('n', 'hold firm', KEY.enter);
    expect(g.frame()).toContain('note added to this round');
    await g.press('i', KEY.enter);
    expect(g.frame()).toContain('injected for this round: CLEPA warns');
    await g.press('i', KEY.down, KEY.enter, 'Port strike in Rotterdam', KEY.enter, KEY.right, KEY.right);
    expect(g.frame()).toContain('support of DE Germany: +0.50');
    await g.press(KEY.enter, KEY.enter);
    const s = g.last();
    expect(s.notes[0]).toEqual([{ bloc: 'target', text: 'hold firm' }]);
    expect(s.log[0]!.inject).toEqual([
      {
        text: 'CLEPA warns that supplier plants will stop within weeks.',
        levels: {},
        support: { DE: 0.3 },
        set: {},
      },
      { text: 'Port strike in Rotterdam', levels: {}, support: { DE: 0.5 }, set: {} },
    ]);
    expect(g.frame()).toContain('! Port strike in Rotterdam');
  });

  it('pauses: keys are ignored until p', async () => {
    const g = await game();
    await g.press('p');
    expect(g.frame()).toContain('PAUSED');
    // The pause is journalled (a resumed game starts paused); keys under it change nothing.
    expect(g.records.map((r) => r.actions?.map((a) => a.action))).toEqual([['pause']]);
    await g.press(KEY.enter, 'u', 'q');
    expect(g.frame()).toContain('PAUSED');
    expect(g.saved).toHaveLength(1);
    await g.press('p');
    expect(g.frame()).toContain('resumed');
    expect(g.frame()).toContain("EU's turn");
    expect(g.records.at(-1)!.actions!.map((a) => [a.action, a.round, a.by])).toEqual([
      ['pause', 1, 'team'],
      ['resume', 1, 'team'],
    ]);
  });

  it('backs down after a confirmation, and the game ends with the round', async () => {
    const g = await game();
    await g.press('b');
    expect(g.frame()).toContain('The EU backs down this round? (y/n)');
    await g.press('y');
    expect(g.frame()).toContain('BACKING DOWN this round');
    await g.press(KEY.enter);
    expect(g.frame()).toContain('Outcome: the EU backs down, round 1');
    expect(g.last().log[0]!.target).toEqual({ backDown: true });
  });

  it('scrolls the event feed back and forth', async () => {
    const g = await renderGame({ session: await session(), size: { columns: 80, rows: 24 } });
    await g.press(KEY.right, KEY.enter, KEY.enter, KEY.enter, ' ');
    expect(g.frame()).toContain('PgUp for older');
    await g.press(KEY.pageUp);
    expect(g.frame()).toMatch(/Events · \d+ newer below \(PgDn\)/);
    expect(g.frame()).toContain('r1 §');
    await g.press(KEY.pageDown);
    expect(g.frame()).toContain('PgUp for older');
  });

  it('quits only after y', async () => {
    const g = await game();
    await g.press('q');
    expect(g.frame()).toContain('Quit the game? (y/n)');
    await g.press('n');
    expect(g.exits).toEqual([]);
    await g.press('q', 'y');
    expect(g.exits).toHaveLength(1);
    expect(g.exits[0]!.report).toBe(false);
  });
});

describe('hot-seat', () => {
  it("hides each team's choices from the other until both have committed", async () => {
    const g = await game({ target: 'human', coercer: 'human' });
    expect(g.frame()).toContain("EU's turn, round 1.");
    expect(g.frame()).toContain('China team: look away.');
    await g.press(KEY.enter, KEY.right);
    expect(g.frame()).toContain('0→1 threatened *');
    await g.press('d', KEY.enter, KEY.enter);
    const handover = g.frame();
    expect(handover).toContain("China's turn, round 1.");
    expect(handover).toContain("EU's choices stay hidden until both teams have committed.");
    expect(handover).not.toContain('threatened');
    expect(handover).not.toContain('your offer');
    // Offers are sealed: China places its orders and its own offer without seeing the EU's.
    await g.press(KEY.enter);
    expect(g.frame()).toContain('China orders');
    expect(g.frame()).not.toContain('q = 0.50');
    expect(g.frame()).not.toContain('0→1');
    expect(g.frame()).not.toContain('threatened *');
    await g.press('0', 'd', KEY.enter);
    if (g.frame().includes('Enter again sends it')) await g.press(KEY.enter);
    const chinaQ = /your offer: q = (\d\.\d\d)/.exec(g.frame())?.[1];
    expect(chinaQ).toBeDefined();
    await g.press(KEY.enter);
    // Then both are revealed together, and answered in the engine's order.
    const offers = g.frame();
    expect(offers).toContain('Sealed offers, revealed together');
    expect(offers).toContain('EU offers q = 0.50');
    expect(offers).toContain(`China offers q = ${chinaQ}`);
    expect(offers).toContain("China answers the EU's offer first: if it accepts, that is the deal");
    expect(offers).not.toContain('0→1');
    await g.press(KEY.enter);
    expect(g.frame()).toContain("China answers the EU's offer");
    expect(g.frame()).toContain('EU offers a deal at q = 0.50');
    await g.press('r');
    expect(g.frame()).toContain("EU's turn, round 1.");
    await g.press(KEY.enter);
    expect(g.frame()).toContain("EU answers China's offer");
    await g.press('r');
    const reveal = g.frame();
    expect(reveal).toContain('Both teams have committed · Enter plays the round');
    expect(reveal).toContain('EU: Stop servicing DUV tools in China (EU-wide, ACI) →');
    expect(reveal).toContain('1 threatened · offers q = 0.50 · refuses');
    expect(reveal).toContain('China: Licensing of magnet exports → 0 off · offers q');
    // The round played, both teams see its results before the next hand-over.
    await g.press(KEY.enter);
    const results = g.frame();
    expect(results).toContain('Round 1: results · any key goes on');
    expect(results).toContain('EU: Stop servicing DUV tools in China (EU-wide, ACI) → 1 threatened');
    expect(results).toMatch(/Pain this round, EUR bn: EU harmed [\d.]+, own cost [\d.]+ · China harmed/);
    expect(results).toContain("China refuses the EU's offer (q = 0.50)");
    expect(results).toMatch(/the landing zone is (open|closed)/);
    await g.press(' ');
    expect(g.frame()).toContain("EU's turn, round 2.");
    expect(g.last().log[0]).toEqual({
      target: { set: { tutorial_duv_servicing: 1 }, propose: { q: 0.5 }, respond: 'reject' },
      coercer: { set: { tutorial_magnet_licensing: 0 }, propose: { q: Number(chinaQ) }, respond: 'reject' },
    });
  });
});
