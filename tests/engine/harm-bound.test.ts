// The plausibility bound on a round's harm (src/engine/errors.ts): 100 times
// the flow's yearly value, or the flow's own criticality when a sourced figure
// puts it higher; a formula's runaway result still stops the run.
import { describe, expect, it } from 'vitest';
import { type FlowOut, serviceRound, supplyRound } from '../../src/engine/economics.js';
import { plausibleHarm } from '../../src/engine/errors.js';
import { HAND_FORMULAS } from '../../src/engine/hand-formulas.js';
import type { DepState } from '../../src/engine/state.js';
import { duvService, magnets } from '../helpers/mini-scenario.js';

const out = (): FlowOut => ({
  months: 3,
  g7: 0,
  tauDrop: 0,
  deadweight: 0.5,
  switching: 0.1,
  restock: 0.5,
  effort: 0,
  harm: 0,
  cost: 0,
});
const cutOff = (): DepState => ({ restriction: 1, tariff: 0, substituted: 0, buffer: 0, availability: 0 });

describe('the bound on a round’s harm', () => {
  it('is 100 times the yearly value, or the criticality times it when larger', () => {
    expect(plausibleHarm(100, 1, 20, 'supply_harm', 'x')).toBe(100);
    expect(() => plausibleHarm(101, 1, 20, 'supply_harm', 'x')).toThrow(
      /outside ±100 \(100× the flow's yearly value\)/,
    );
    expect(plausibleHarm(845, 1, 845, 'supply_harm', 'x')).toBe(845);
  });

  it('lets a sourced criticality of 845 bite in a three-month round (211 times the yearly value)', () => {
    const def = magnets({ value: 1, criticality: 845, bufferMonths: 0, shortRunAlternatives: 0 });
    const o = out();
    supplyRound(def, cutOff(), o);
    expect(o.harm).toBeCloseTo(0.25 * 845, 9);
    const s = duvService({ value: 1, criticality: 845, decayPerMonth: 1, shortRunAlternatives: 0 });
    const o2 = out();
    serviceRound(s, cutOff(), o2);
    expect(o2.harm).toBeCloseTo(0.25 * 845, 9);
  });

  it('still stops a formula that runs away, naming the bound', () => {
    const def = magnets({
      value: 1,
      criticality: 845,
      bufferMonths: 0,
      shortRunAlternatives: 0,
      formulas: { ...HAND_FORMULAS, supply_harm: () => 1e6 },
    });
    expect(() => supplyRound(def, cutOff(), out())).toThrow(/outside ±845 \(845× the flow's yearly value\)/);
  });
});
