// The game's pure core: replay, undo, phases of a round, the orders it sends.
import { describe, expect, it } from 'vitest';
import { playRound, replay, replaySession, stateOf, undoRound } from '../../src/engine/index.js';
import { changedLevels, newDraft, phaseOf, roundOrders } from '../../src/ui/draft.js';
import { journalOf, sessionOf } from '../../src/ui/journal-of.js';
import { DEAL_SET, session } from './helpers.js';

const META = {
  scenario: { id: 'tutorial', ref: 'tutorial', hash: 'h' },
  set: {},
  created: '2026-01-01T00:00:00Z',
};

describe('session', () => {
  it('equals the engine replay of its log, also after undo', async () => {
    let s = await session();
    for (let r = 0; r < 3; r++) s = playRound(s, roundOrders(s, newDraft(s)), []);
    expect(s.states).toEqual(replay(s.setup.sc, s.setup.seed, s.log));
    const back = undoRound(s);
    expect(back.log).toHaveLength(2);
    expect(back.states).toEqual(replay(s.setup.sc, s.setup.seed, s.log.slice(0, 2)));
    expect(back.events).toEqual(s.events.slice(0, 2));
  });

  it('with computer players on both sides plays the same game as `run`', async () => {
    let s = await session({ target: 'graduated', coercer: 'best_response' });
    while (phaseOf(s, newDraft(s)).kind === 'watch') s = playRound(s, roundOrders(s, newDraft(s)), []);
    const { runGame } = await import('../../src/engine/index.js');
    const run = runGame(s.setup.sc, s.setup.seed, {
      target: s.setup.sc.policies.graduated!,
      coercer: s.setup.sc.policies.best_response!,
    });
    expect(s.events.flat()).toEqual(run.events);
  });

  it('round-trips through a journal', async () => {
    let s = await session();
    const d = newDraft(s);
    d.levels.target.tutorial_duv_servicing = 1;
    d.inject.push({ text: 'A shock', levels: {}, support: { DE: 0.5 }, set: {} });
    s = playRound(s, roundOrders(s, d), [{ bloc: 'target', text: 'why' }]);
    const j = journalOf({ ...META, masterSeed: 7 }, s, new Date('2026-01-02T00:00:00Z'));
    expect(j.masterSeed).toBe(7);
    expect(j.rounds[0]).toEqual({
      orders: {
        target: { set: { tutorial_duv_servicing: 1 } },
        coercer: s.log[0]!.coercer,
        inject: [{ text: 'A shock', levels: {}, support: { DE: 0.5 }, set: {} }],
      },
      notes: [{ bloc: 'target', text: 'why' }],
    });
    const back = sessionOf(s.setup, j);
    expect(stateOf(back)).toEqual(stateOf(s));
    expect(back.notes).toEqual(s.notes);
  });
});

describe('phases of a round', () => {
  it('one team against the computer: orders, then an answer to a computer offer', async () => {
    let s = await session({ target: 'human', coercer: 'best_response' }, DEAL_SET);
    expect(phaseOf(s, newDraft(s))).toEqual({ kind: 'orders', bloc: 'target' });
    s = playRound(s, roundOrders(s, newDraft(s)), []);
    const d = newDraft(s);
    expect(d.computer.coercer?.propose).toBeDefined();
    d.committed.push('target');
    expect(phaseOf(s, d)).toMatchObject({ kind: 'respond', bloc: 'target', from: 'coercer' });
    d.respond.target = 'reject';
    expect(phaseOf(s, d)).toEqual({ kind: 'ready' });
    expect(roundOrders(s, d).target).toEqual({ respond: 'reject' });
  });

  it('hot-seat: hand-overs, sealed offers revealed together, answered in the engine’s order, then reveal', async () => {
    const s = await session({ target: 'human', coercer: 'human' });
    const d = newDraft(s);
    expect(phaseOf(s, d)).toEqual({ kind: 'handover', to: 'target' });
    d.shownTo = 'target';
    expect(phaseOf(s, d)).toEqual({ kind: 'orders', bloc: 'target' });
    d.levels.target.tutorial_duv_servicing = 1;
    d.propose.target = { q: 0.4 };
    d.committed.push('target');
    expect(phaseOf(s, d)).toEqual({ kind: 'handover', to: 'coercer' });
    d.shownTo = 'coercer';
    // China's turn is its orders, not an answer: the EU's offer stays sealed until both committed.
    expect(phaseOf(s, d)).toEqual({ kind: 'orders', bloc: 'coercer' });
    d.propose.coercer = { q: 0.7 };
    d.committed.push('coercer');
    const offers = [
      { from: 'target', to: 'coercer', offer: { q: 0.4 } },
      { from: 'coercer', to: 'target', offer: { q: 0.7 } },
    ];
    expect(phaseOf(s, d)).toEqual({ kind: 'offers', offers });
    d.revealed = true;
    expect(phaseOf(s, d)).toEqual({ kind: 'respond', bloc: 'coercer', from: 'target', offer: { q: 0.4 } });
    d.respond.coercer = 'reject';
    expect(phaseOf(s, d)).toEqual({ kind: 'handover', to: 'target' });
    d.shownTo = 'target';
    expect(phaseOf(s, d)).toEqual({ kind: 'respond', bloc: 'target', from: 'coercer', offer: { q: 0.7 } });
    d.respond.target = 'accept';
    expect(phaseOf(s, d)).toEqual({ kind: 'reveal' });
    expect(roundOrders(s, d)).toEqual({
      target: { set: { tutorial_duv_servicing: 1 }, propose: { q: 0.4 }, respond: 'accept' },
      coercer: { propose: { q: 0.7 }, respond: 'reject' },
    });
  });

  it('hot-seat: an accepted first offer makes the second moot (the engine’s deal rule)', async () => {
    const s = await session({ target: 'human', coercer: 'human' });
    const d = { ...newDraft(s), shownTo: 'coercer' as const, revealed: true };
    d.propose = { target: { q: 0.4 }, coercer: { q: 0.7 } };
    d.committed = ['target', 'coercer'];
    d.respond.coercer = 'accept';
    expect(phaseOf(s, d)).toEqual({ kind: 'reveal' });
  });

  it('orders carry only the levels a team changed', async () => {
    const s = await session();
    const d = newDraft(s);
    expect(changedLevels(s, d, 'target')).toEqual({});
    d.levels.target.tutorial_duv_servicing = 2;
    expect(changedLevels(s, d, 'target')).toEqual({ tutorial_duv_servicing: 2 });
  });

  it('watches when nobody plays, and is over after the last round', async () => {
    const s = await session({ target: 'hold', coercer: 'hold' });
    expect(phaseOf(s, newDraft(s))).toEqual({ kind: 'watch' });
    const log = Array.from({ length: s.setup.sc.rounds }, () => ({}));
    const done = replaySession(s.setup, log);
    expect(phaseOf(done, newDraft(done))).toEqual({ kind: 'over' });
  });
});
