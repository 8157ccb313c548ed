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
    let s = await session({ EU: 'graduated', CN: 'best_response' });
    while (phaseOf(s, newDraft(s)).kind === 'watch') s = playRound(s, roundOrders(s, newDraft(s)), []);
    const { runGame } = await import('../../src/engine/index.js');
    const run = runGame(s.setup.sc, s.setup.seed, {
      EU: s.setup.sc.policies.graduated!,
      CN: s.setup.sc.policies.best_response!,
    });
    expect(s.events.flat()).toEqual(run.events);
  });

  it('round-trips through a journal', async () => {
    let s = await session();
    const d = newDraft(s);
    d.levels.EU.tutorial_duv_servicing = 1;
    d.inject.push({ text: 'A shock', levels: {}, support: { DE: 0.5 }, set: {} });
    s = playRound(s, roundOrders(s, d), [{ bloc: 'EU', text: 'why' }]);
    const j = journalOf({ ...META, masterSeed: 7 }, s, new Date('2026-01-02T00:00:00Z'));
    expect(j.masterSeed).toBe(7);
    expect(j.rounds[0]).toEqual({
      orders: {
        EU: { set: { tutorial_duv_servicing: 1 } },
        CN: s.log[0]!.CN,
        inject: [{ text: 'A shock', levels: {}, support: { DE: 0.5 }, set: {} }],
      },
      notes: [{ bloc: 'EU', text: 'why' }],
    });
    const back = sessionOf(s.setup, j);
    expect(stateOf(back)).toEqual(stateOf(s));
    expect(back.notes).toEqual(s.notes);
  });
});

describe('phases of a round', () => {
  it('one team against the computer: orders, then an answer to a computer offer', async () => {
    let s = await session({ EU: 'human', CN: 'best_response' }, DEAL_SET);
    expect(phaseOf(s, newDraft(s))).toEqual({ kind: 'orders', bloc: 'EU' });
    s = playRound(s, roundOrders(s, newDraft(s)), []);
    const d = newDraft(s);
    expect(d.computer.CN?.propose).toBeDefined();
    d.committed.push('EU');
    expect(phaseOf(s, d)).toMatchObject({ kind: 'respond', bloc: 'EU', from: 'CN' });
    d.respond.EU = 'reject';
    expect(phaseOf(s, d)).toEqual({ kind: 'ready' });
    expect(roundOrders(s, d).EU).toEqual({ respond: 'reject' });
  });

  it('hot-seat: hand-overs between the teams, the offer answered on China’s turn, then reveal', async () => {
    const s = await session({ EU: 'human', CN: 'human' });
    const d = newDraft(s);
    expect(phaseOf(s, d)).toEqual({ kind: 'handover', to: 'EU' });
    d.shownTo = 'EU';
    expect(phaseOf(s, d)).toEqual({ kind: 'orders', bloc: 'EU' });
    d.levels.EU.tutorial_duv_servicing = 1;
    d.propose.EU = { q: 0.4 };
    d.committed.push('EU');
    expect(phaseOf(s, d)).toEqual({ kind: 'handover', to: 'CN' });
    d.shownTo = 'CN';
    expect(phaseOf(s, d)).toEqual({ kind: 'respond', bloc: 'CN', from: 'EU', offer: { q: 0.4 } });
    d.respond.CN = 'reject';
    expect(phaseOf(s, d)).toEqual({ kind: 'orders', bloc: 'CN' });
    d.propose.CN = { q: 0.7 };
    d.committed.push('CN');
    expect(phaseOf(s, d)).toEqual({ kind: 'handover', to: 'EU' });
    d.shownTo = 'EU';
    expect(phaseOf(s, d)).toEqual({ kind: 'respond', bloc: 'EU', from: 'CN', offer: { q: 0.7 } });
    d.respond.EU = 'accept';
    expect(phaseOf(s, d)).toEqual({ kind: 'reveal' });
    expect(roundOrders(s, d)).toEqual({
      EU: { set: { tutorial_duv_servicing: 1 }, propose: { q: 0.4 }, respond: 'accept' },
      CN: { propose: { q: 0.7 }, respond: 'reject' },
    });
  });

  it('orders carry only the levels a team changed', async () => {
    const s = await session();
    const d = newDraft(s);
    expect(changedLevels(s, d, 'EU')).toEqual({});
    d.levels.EU.tutorial_duv_servicing = 2;
    expect(changedLevels(s, d, 'EU')).toEqual({ tutorial_duv_servicing: 2 });
  });

  it('watches when nobody plays, and is over after the last round', async () => {
    const s = await session({ EU: 'hold', CN: 'hold' });
    expect(phaseOf(s, newDraft(s))).toEqual({ kind: 'watch' });
    const log = Array.from({ length: s.setup.sc.rounds }, () => ({}));
    const done = replaySession(s.setup, log);
    expect(phaseOf(done, newDraft(done))).toEqual({ kind: 'over' });
  });
});
