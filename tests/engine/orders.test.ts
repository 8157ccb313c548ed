// Orders that are not carried out as given (src/engine/apply-orders.ts):
// irreversible measures, raises under a deal, the 'wider' rung before a
// breach, and national measures decided by their holder alone.
import { describe, expect, it } from 'vitest';
import type { Orders } from '../../src/engine/orders.js';
import type { Measure, Scenario } from '../../src/engine/types.js';
import { miniMeasures, miniScenario, miniStates } from '../helpers/mini-scenario.js';
import { idle, play, withMeasure } from '../helpers/play.js';

/** The financial-sector rung: closed until China breaks a deal. */
const fin: Measure = {
  id: 'fin',
  name: 'Financial-sector measures',
  description: '',
  bloc: 'target',
  legalBasis: 'wider',
  holder: null,
  category: null,
  actsOn: [],
  leadRounds: 0,
  reversible: true,
  levels: [
    { name: 'off', intensity: 0, tariff: 0, rung: 0 },
    { name: 'L1', intensity: 0, tariff: 0, rung: 5 },
    { name: 'L2', intensity: 0, tariff: 0, rung: 6 },
  ],
  pressure: {},
};

/** The mini scenario with the wider rung and a deal struck in round 1 that never breaks (or always does). */
function withDeal(breachBase: number): Scenario {
  const base = miniScenario();
  return miniScenario({
    measures: [...miniMeasures(), fin],
    params: { ...base.params, breachBase, snapbackCredibility: 0 },
  });
}
const deal = (keep: string[] = []): Orders => ({
  target: { propose: { q: 0.5, keep } },
  coercer: { respond: 'accept' },
});

describe('irreversible measures', () => {
  const sc = withMeasure(miniScenario(), 'cn_magnets', { reversible: false });

  it('an order to lower one is refused with order/irreversible and the level is unchanged', () => {
    const p = play(sc, [{ coercer: { set: { cn_magnets: 0 } } }]);
    expect(p.events[0]!.map((e) => [e.code, e.data])).toEqual([
      ['order/irreversible', { side: 'coercer', measure: 'cn_magnets', level: 0 }],
    ]);
    expect(p.st.measures[0]).toEqual({ level: 2, pending: null });
    expect(p.st.deps[0]!.restriction).toBeCloseTo(0.5, 12);
  });

  it('can still be raised', () => {
    const p = play(sc, [{ coercer: { set: { cn_magnets: 3 } } }]);
    expect(p.all('measure/in-force').map((e) => e.data)).toEqual([
      { side: 'coercer', measure: 'cn_magnets', level: 3 },
    ]);
    expect(p.all('order/irreversible')).toEqual([]);
  });

  it('a reversible one is lowered at once', () => {
    const p = play(miniScenario(), [{ coercer: { set: { cn_magnets: 1 } } }]);
    expect(p.events[0]!.map((e) => [e.code, e.data])).toEqual([
      ['measure/lowered', { side: 'coercer', measure: 'cn_magnets', level: 1 }],
    ]);
    expect(p.st.measures[0]!.level).toBe(1);
  });
});

describe('while a deal is in force', () => {
  it('raising is refused with reason deal-in-force, for either side; nothing starts', () => {
    const sc = withDeal(0);
    const p = play(sc, [deal(), { target: { set: { duv: 1 } }, coercer: { set: { cn_magnets: 1 } } }]);
    expect(p.events[1]!.map((e) => [e.code, e.data])).toEqual([
      [
        'order/refused',
        { side: 'target', measure: 'duv', level: 1, reason: 'deal-in-force', roundsLeft: null },
      ],
      [
        'order/refused',
        { side: 'coercer', measure: 'cn_magnets', level: 1, reason: 'deal-in-force', roundsLeft: null },
      ],
    ]);
    expect(p.st.measures.map((m) => m.level)).toEqual([0, 0, 0, 0, 0]);
    expect(p.st.measures.every((m) => m.pending === null)).toBe(true);
    expect(p.st.aci.stage).toBe('none');
  });

  it('lowering a measure the deal keeps is still allowed', () => {
    const sc = withDeal(0);
    const p = play(sc, [
      deal(['cn_magnets']),
      { coercer: { set: { cn_magnets: 1 } } },
      { coercer: { set: { cn_magnets: 3 } } },
    ]);
    expect(p.states[1]!.measures[0]!.level).toBe(2);
    expect(p.events[1]!.map((e) => [e.code, e.data])).toEqual([
      ['measure/lowered', { side: 'coercer', measure: 'cn_magnets', level: 1 }],
    ]);
    expect(p.events[2]!.map((e) => [e.code, e.data])).toEqual([
      [
        'order/refused',
        { side: 'coercer', measure: 'cn_magnets', level: 3, reason: 'deal-in-force', roundsLeft: null },
      ],
    ]);
    expect(p.st.measures[0]!.level).toBe(1);
  });
});

describe('the wider rung', () => {
  it('is refused with reason needs-breach before any breach; no examination opens', () => {
    const sc = withDeal(0);
    const p = play(sc, [{ target: { set: { fin: 1 } } }]);
    expect(p.events[0]!.map((e) => [e.code, e.data])).toEqual([
      [
        'order/refused',
        { side: 'target', measure: 'fin', level: 1, reason: 'needs-breach', roundsLeft: null },
      ],
    ]);
    expect(p.st.measures[4]).toEqual({ level: 0, pending: null });
    expect(p.st.aci.stage).toBe('none');
    expect(p.st.widerUnlocked).toBe(false);
  });

  it('opens with a breach: the snapback puts it at level 1, further levels go through the ACI', () => {
    const sc = withDeal(1);
    const p = play(sc, [deal(), {}, { target: { set: { fin: 2 } } }]);
    expect(p.events[1]!.map((e) => e.code)).toEqual(['deal/breached']);
    expect(p.states[2]!.widerUnlocked).toBe(true);
    expect(p.states[2]!.measures[4]!.level).toBe(1);
    expect(p.events[2]!.map((e) => [e.code, e.data])).toEqual([
      ['council/examination', {}],
      ['aci/requested', { side: 'target', measure: 'fin', level: 2, amended: false }],
    ]);
    expect(p.st.measures[4]!.pending).toEqual({ level: 2, stage: 'committee', roundsLeft: 1 });
  });
});

describe('national measures', () => {
  const national = (nlSupport: number, leadRounds = 0) => {
    const states = miniStates(0.8).map((s) => (s.id === 'NL' ? { ...s, baseSupport: nlSupport } : s));
    return withMeasure(miniScenario({ states }), 'duv', { legalBasis: 'national', holder: 'NL', leadRounds });
  };

  it('the holder decides alone when its support is ≥ 0 (here exactly 0): no Council, in force at once', () => {
    const p = play(national(0), [{ target: { set: { duv: 2 } } }]);
    expect(p.events[0]!.map((e) => [e.code, e.data])).toEqual([
      ['national/decided', { side: 'target', measure: 'duv', level: 2, holder: 'NL', support: 0 }],
      ['measure/in-force', { side: 'target', measure: 'duv', level: 2 }],
    ]);
    expect(p.st.measures[1]).toEqual({ level: 2, pending: null });
    expect(p.st.aci.stage).toBe('none');
  });

  it('the holder refuses when its support is below 0; the level is unchanged', () => {
    const p = play(national(-0.01), [{ target: { set: { duv: 2 } } }]);
    expect(p.events[0]!.map((e) => [e.code, e.data])).toEqual([
      ['national/refused', { side: 'target', measure: 'duv', level: 2, holder: 'NL', support: -0.01 }],
    ]);
    expect(p.st.measures[1]).toEqual({ level: 0, pending: null });
  });

  it('reads the holder’s support after the last round: its own cost of the measure can turn it', () => {
    // NL bears the whole cost of the DUV stop (its lever). Decided at 0.3 in round 1,
    // in force after its lead of 2 rounds; by round 4 its cost has pushed NL below 0.
    const sc = national(0.3, 2);
    const p = play(sc, [{ target: { set: { duv: 2 } } }, ...idle(2), { target: { set: { duv: 3 } } }]);
    expect(p.events[0]!.map((e) => [e.code, e.data])).toEqual([
      ['national/decided', { side: 'target', measure: 'duv', level: 2, holder: 'NL', support: 0.3 }],
      ['measure/announced', { side: 'target', measure: 'duv', level: 2, inRounds: 2 }],
    ]);
    expect(p.all('measure/in-force').map((e) => [e.round, e.data.level])).toEqual([[3, 2]]);
    const nl = sc.states.findIndex((s) => s.id === 'NL');
    const support = p.states[3]!.support[nl]!;
    expect(support).toBeLessThan(0);
    expect(support).toBeGreaterThan(-0.1);
    expect(p.events[3]!.map((e) => [e.code, e.data])).toEqual([
      ['national/refused', { side: 'target', measure: 'duv', level: 3, holder: 'NL', support }],
    ]);
    expect(p.st.measures[1]).toEqual({ level: 2, pending: null });
  });
});

describe('a level the record sets holds for its round', () => {
  const shock = { text: 'the record', levels: { cn_magnets: 3 }, support: {}, set: {} };

  it('an order on that measure in the same round is refused with reason record; it applies next round', () => {
    const p = play(miniScenario(), [
      { inject: [shock], coercer: { set: { cn_magnets: 1 } } },
      { coercer: { set: { cn_magnets: 1 } } },
    ]);
    expect(p.events[0]!.filter((e) => e.code === 'order/refused').map((e) => e.data)).toEqual([
      { side: 'coercer', measure: 'cn_magnets', level: 1, reason: 'record', roundsLeft: null },
    ]);
    expect(p.states[1]!.measures[0]!.level).toBe(3);
    expect(p.st.measures[0]!.level).toBe(1);
  });

  it('orders on other measures go through', () => {
    const p = play(miniScenario(), [{ inject: [shock], target: { set: { duv: 1 } } }]);
    expect(p.all('order/refused')).toEqual([]);
  });
});
