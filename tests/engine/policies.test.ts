// Computer players (src/engine/policies): offers to three decimals that
// never pass the offering side's own bound; the parameters they play by.
import { describe, expect, it } from 'vitest';
import { chooseOrders, computerOrders, initialState, step } from '../../src/engine/index.js';
import { offerFor, roundToward } from '../../src/engine/policies/moves.js';
import type { SimState, ZoneView } from '../../src/engine/state.js';
import { duvService, evs, magnets, miniScenario } from '../helpers/mini-scenario.js';

/** A state whose zone both sides see truly: [coercerMin, targetMax]. */
function withZone(coercerMin: number, targetMax: number): SimState {
  const st = initialState(miniScenario(), 's');
  const zone: ZoneView = {
    coercerMin,
    targetMax,
    targetSees: { coercerMin, targetMax },
    coercerSees: { coercerMin, targetMax },
    costTarget: 0,
    costCoercer: 0,
  };
  return { ...st, zone };
}

describe('offers', () => {
  it('round toward the side’s own end', () => {
    expect(roundToward(0.4567, 'target')).toBe(0.456);
    expect(roundToward(0.4567, 'coercer')).toBe(0.457);
    expect(roundToward(0.457, 'target')).toBe(0.457);
    expect(roundToward(0.457, 'coercer')).toBe(0.457);
    expect(roundToward(1, 'target')).toBe(1);
    expect(roundToward(0, 'coercer')).toBe(0);
  });

  it('the midpoint of a narrow zone is not rounded past the offering side’s bound', () => {
    // Zone [0.4565, 0.4566]: the midpoint 0.45655 rounds to 0.457, above the EU's 0.4566
    // and, seen from China, 0.4565 is its bound from below.
    const st = withZone(0.4565, 0.4566);
    expect(offerFor(st, 'target', 0)).toBe(0.456);
    expect(offerFor(st, 'coercer', 0)).toBe(0.457);
    // A wide zone: the plain midpoint, to three decimals.
    expect(offerFor(withZone(0.2, 0.6), 'target', 0)).toBe(0.4);
    expect(offerFor(withZone(0.2, 0.6), 'target', 0.3)).toBe(0.34);
    expect(offerFor(withZone(0.2, 0.6), 'coercer', 0.3)).toBe(0.46);
  });

  it('an appeaser offers the terms at its own bound, rounded inside it', () => {
    const sc = miniScenario();
    const painful = (st: SimState): SimState => ({
      ...st,
      lastPain: { target: { harm: 100, cost: 0 }, coercer: { harm: 100, cost: 0 } },
    });
    const policy = sc.policies.appeaser!;
    const rng = { next: () => 0.5 };
    // The EU's bound at 0.4567 and China's at 0.4563.
    const base = painful(withZone(0, 1));
    const st: SimState = { ...base, zone: { ...base.zone!, targetMax: 0.4567, coercerMin: 0.4563 } };
    expect(chooseOrders(sc, st, 'target', policy, rng).propose).toEqual({ q: 0.456 });
    expect(chooseOrders(sc, st, 'coercer', policy, rng).propose).toEqual({ q: 0.457 });
    // And it lifts its own measures.
    expect(chooseOrders(sc, st, 'coercer', policy, rng).set).toEqual({ cn_magnets: 0 });
  });
});

describe('the parameters computer players play by', () => {
  it('include those a scripted event set, as the engine applies them', () => {
    // Magnets cut from round 1 with no stocks: the EU's pain is ~0.06% of GDP a year,
    // under a fifth of its tolerance of 0.5 but over a fifth of the 0.01 the event sets.
    const base = miniScenario({ dependencies: [magnets({ bufferMonths: 0 }), duvService(), evs()] });
    const event = {
      round: 1,
      text: 'tolerance falls',
      levels: {},
      support: {},
      set: { 'blocs.EU.pain_tolerance': 0.01 },
    };
    const scripted = miniScenario({ dependencies: base.dependencies, events: [event] });
    const policies = { target: scripted.policies.appeaser! };
    const st = step(scripted, initialState(scripted, 's'), {}).state;
    expect(st.overrides).toEqual({ 'blocs.EU.pain_tolerance': 0.01 });
    // The engine already counts the EU over its (new) tolerance …
    expect(st.overTolerance.target).toBe(1);
    // … and an appeaser playing by the same numbers gives in.
    expect(computerOrders(scripted, st, policies).target?.propose).toBeDefined();
    // Without the event it does not.
    const plain = step(base, initialState(base, 's'), {}).state;
    expect(computerOrders(base, plain, policies).target?.propose).toBeUndefined();
  });
});
