// The ACI procedure's timing, national measures, pressure, cohesion and the snapback.
import { describe, expect, it } from 'vitest';
import { initialState, step } from '../../src/engine/index.js';
import type { Orders } from '../../src/engine/orders.js';
import type { SimState } from '../../src/engine/state.js';
import type { Scenario } from '../../src/engine/types.js';
import { miniScenario, miniStates } from '../helpers/mini-scenario.js';

function play(sc: Scenario, log: Orders[], seed = 's') {
  let st: SimState = initialState(sc, seed);
  const events: string[] = [];
  for (const o of log) {
    const r = step(sc, st, o);
    st = r.state;
    for (const e of r.events) events.push(`${e.round} ${e.code}`);
  }
  return { st, events };
}

describe('ACI procedure', () => {
  it('runs examination → determination → engagement → committee → application in the default number of rounds', () => {
    const sc = miniScenario();
    const { st, events } = play(sc, [{ target: { set: { duv: 2 } } }, {}, {}, {}, {}, {}]);
    expect(
      events.filter((e) => e.includes('council') || e.includes('measure/in-force') || e.includes('aci/')),
    ).toEqual([
      '1 council/examination',
      '1 aci/requested',
      '2 council/determination-tabled',
      '4 council/determination-adopted',
      '5 council/engagement-over',
      '5 council/committee-adopted',
      '6 measure/in-force',
    ]);
    expect(st.measures[1]!.level).toBe(2);
    expect(st.minQmMargin).toBeCloseTo(100.01 - 2.13 - 65 * 1.0001, 2);
  });

  it('fails the determination when too few states back it, and gives up after three tries', () => {
    const sc = miniScenario({ states: miniStates(0) });
    const { st, events } = play(sc, [{ target: { set: { duv: 1 } } }, {}, {}, {}, {}, {}]);
    expect(events.filter((e) => e.includes('determination'))).toEqual([
      '2 council/determination-tabled',
      '4 council/determination-failed',
      '5 council/determination-failed',
      '6 council/determination-rejected',
    ]);
    expect(st.measures[1]!.pending).toBeNull();
    expect(st.measures[1]!.level).toBe(0);
  });

  it('lets a measure be lowered at once', () => {
    const sc = miniScenario();
    const { st } = play(sc, [{ coercer: { set: { cn_magnets: 0 } } }]);
    expect(st.measures[0]!.level).toBe(0);
    expect(st.deps[0]!.restriction).toBe(0);
  });
});

describe('national measures', () => {
  const national = (base: number) => {
    const sc = miniScenario({ states: miniStates(base) });
    const measures = sc.measures.map((m) =>
      m.id === 'duv' ? { ...m, legalBasis: 'national' as const, holder: 'NL' } : m,
    );
    return { ...sc, measures };
  };
  it('are decided by the holder alone, with no Council vote', () => {
    const { st, events } = play(national(0.8), [{ target: { set: { duv: 2 } } }]);
    expect(events).toContain('1 national/decided');
    expect(events.some((e) => e.includes('council'))).toBe(false);
    expect(st.measures[1]!.level).toBe(2);
  });
  it('are refused when the holder does not back them', () => {
    const { st, events } = play(national(-0.2), [{ target: { set: { duv: 2 } } }]);
    expect(events).toContain('1 national/refused');
    expect(st.measures[1]!.level).toBe(0);
  });
});

describe('China’s targeted pressure', () => {
  it('lowers the named state’s support by its weight times intensity', () => {
    const sc = miniScenario();
    const before = play(sc, [{}]).st.support[3]!;
    const after = play(sc, [{ coercer: { set: { pork: 2 } } }]).st.support[3]!;
    expect(before - after).toBeCloseTo(2, 10);
  });
});

describe('deals', () => {
  it('lifts measures, and a breach restores them and unlocks the wider rung', () => {
    const base = miniScenario();
    const sc = miniScenario({ params: { ...base.params, breachBase: 1, snapbackCredibility: 0 } });
    const { st, events } = play(sc, [
      { coercer: { propose: { q: 0.5 } }, target: { respond: 'accept' } },
      {},
    ]);
    expect(events).toContain('1 deal/struck');
    expect(events).toContain('2 deal/breached');
    expect(st.deal).toBeNull();
    expect(st.widerUnlocked).toBe(true);
    expect(st.measures[0]!.level).toBe(2);
  });
  it('is refused by a computer responder outside its own bound', () => {
    const { st, events } = play(miniScenario(), [{ target: { propose: { q: 0 } } }]);
    expect(events).toContain('1 deal/refused');
    expect(st.deal).toBeNull();
  });
});
