// The ACI procedure's less travelled paths (src/engine/aci.ts, apply-orders.ts):
// the pause after a rejected determination, and amending a proposal while it
// waits in committee.
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../src/engine/aci.js';

const REOPEN_AFTER = 3; // the default of parameters.reopen_after

import type { Orders } from '../../src/engine/orders.js';
import { miniScenario, miniStates } from '../helpers/mini-scenario.js';
import { idle, play } from '../helpers/play.js';

describe('reopening after a rejected determination', () => {
  // Every state at 0 abstains: no determination can pass. Mini procedure:
  // examination 1, determination 2 → tabled in round 2, voted in rounds 4, 5, 6.
  const sc = miniScenario({ states: miniStates(0) });
  const ask: Orders = { target: { set: { duv: 2 } } };

  it('three failed votes reject the determination and drop the pending proposals', () => {
    expect(MAX_ATTEMPTS).toBe(3);
    expect(miniScenario().params.reopenAfter).toBe(REOPEN_AFTER);
    const p = play(sc, [ask, ...idle(5)]);
    const failed = p.all('council/determination-failed');
    expect(failed.map((e) => [e.round, e.data.attempt])).toEqual([
      [4, 1],
      [5, 2],
    ]);
    const rejected = p.all('council/determination-rejected');
    expect(rejected.map((e) => [e.round, e.data.reopenIn])).toEqual([[6, REOPEN_AFTER]]);
    expect(rejected[0]!.data.vote.qualifiedMajorityFor).toBe(false);
    expect(p.st.aci).toEqual({ stage: 'rejected', roundsLeft: REOPEN_AFTER, attempts: MAX_ATTEMPTS });
    expect(p.st.measures[1]).toEqual({ level: 0, pending: null });
  });

  it('refuses ACI orders with reason aci-paused, roundsLeft counting down from REOPEN_AFTER; then reopens', () => {
    // Rejected in round 6 (orders come after the procedure moves): refused in rounds 6, 7, 8.
    const p = play(sc, [ask, ...idle(4), ask, ask, ask, ask, ...idle(1)]);
    const refused = p.all('order/refused');
    expect(refused.map((e) => [e.round, e.data])).toEqual([
      [6, { side: 'target', measure: 'duv', level: 2, reason: 'aci-paused', roundsLeft: 3 }],
      [7, { side: 'target', measure: 'duv', level: 2, reason: 'aci-paused', roundsLeft: 2 }],
      [8, { side: 'target', measure: 'duv', level: 2, reason: 'aci-paused', roundsLeft: 1 }],
    ]);
    for (const r of [6, 7, 8]) expect(p.states[r]!.measures[1]!.pending).toBeNull();
    // Round 9: a new order opens a new examination, with the attempts counted afresh.
    expect(p.events[8]!.map((e) => [e.code, e.data])).toEqual([
      ['council/examination', {}],
      ['aci/requested', { side: 'target', measure: 'duv', level: 2, amended: false }],
    ]);
    expect(p.states[9]!.aci).toEqual({
      stage: 'examination',
      roundsLeft: sc.procedure.examination,
      attempts: 0,
    });
    expect(p.states[9]!.measures[1]!.pending).toEqual({ level: 2, stage: 'committee', roundsLeft: 1 });
    // … and the procedure runs again: tabled one round later.
    expect(p.events[9]!.map((e) => e.code)).toEqual(['council/determination-tabled']);
  });

  it('does not hold back China’s measures or a lowering', () => {
    const p = play(miniScenario({ states: miniStates(0), startLevels: { cn_magnets: 2, ev_tariff: 2 } }), [
      ask,
      ...idle(4),
      { target: { set: { ev_tariff: 1 } }, coercer: { set: { cn_magnets: 3 } } },
    ]);
    expect(p.all('order/refused')).toEqual([]);
    expect(p.st.measures.map((m) => m.level)).toEqual([3, 0, 1, 0]);
  });
});

describe('amending a proposal in committee', () => {
  // A two-round committee shows its clock. Mini procedure: examination 1,
  // determination 2, engagement 1 → authorised in round 5; the committee then
  // counts 2 rounds and votes in round 6; application 1 → in force in round 7.
  const base = miniScenario();
  const sc = miniScenario({ procedure: { ...base.procedure, committee: 2 } });

  it('a second request changes the level in place and keeps the committee’s clock', () => {
    const p = play(sc, [
      { target: { set: { duv: 1 } } },
      ...idle(3),
      { target: { set: { duv: 3 } } },
      ...idle(2),
    ]);
    expect(p.all('aci/requested').map((e) => [e.round, e.data])).toEqual([
      [1, { side: 'target', measure: 'duv', level: 1, amended: false }],
      [5, { side: 'target', measure: 'duv', level: 3, amended: true }],
    ]);
    // Round 5: authorised, the clock went from 2 to 1; the amendment keeps 1.
    expect(p.states[4]!.measures[1]!.pending).toEqual({ level: 1, stage: 'committee', roundsLeft: 2 });
    expect(p.states[5]!.measures[1]!.pending).toEqual({ level: 3, stage: 'committee', roundsLeft: 1 });
    expect(p.all('council/committee-adopted').map((e) => [e.round, e.data.measure, e.data.level])).toEqual([
      [6, 'duv', 3],
    ]);
    expect(p.all('measure/in-force').map((e) => [e.round, e.data])).toEqual([
      [7, { side: 'target', measure: 'duv', level: 3 }],
    ]);
    // Only one examination: the amendment does not restart the procedure.
    expect(p.all('council/examination').length).toBe(1);
  });

  it('amending before the Commission is authorised keeps the full committee clock', () => {
    const p = play(sc, [{ target: { set: { duv: 1 } } }, { target: { set: { duv: 2 } } }]);
    expect(p.events[1]!.map((e) => [e.code, e.data])).toEqual([
      ['council/determination-tabled', {}],
      ['aci/requested', { side: 'target', measure: 'duv', level: 2, amended: true }],
    ]);
    expect(p.st.measures[1]!.pending).toEqual({ level: 2, stage: 'committee', roundsLeft: 2 });
  });

  it('is not an amendment once adopted: a request after the vote starts a new committee round', () => {
    const p = play(sc, [{ target: { set: { duv: 1 } } }, ...idle(5), { target: { set: { duv: 3 } } }]);
    expect(p.states[6]!.measures[1]!.pending).toEqual({ level: 1, stage: 'application', roundsLeft: 1 });
    expect(p.all('aci/requested').map((e) => [e.round, e.data.amended])).toEqual([
      [1, false],
      [7, false],
    ]);
    expect(p.st.measures[1]!.pending).toEqual({ level: 3, stage: 'committee', roundsLeft: 2 });
  });
});
