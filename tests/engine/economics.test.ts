// Each mechanism against numbers worked out by hand.
import { describe, expect, it } from 'vitest';
import { advanceFlows, applyLevels, newFlows } from '../../src/engine/economics.js';
import type { DepState } from '../../src/engine/state.js';
import { duvService, evs, magnets, miniScenario } from '../helpers/mini-scenario.js';

const fresh = (buffer: number): DepState => ({
  restriction: 0,
  tariff: 0,
  substituted: 0,
  buffer,
  availability: 1,
});

function oneRound(
  deps: DepState[],
  levels: number[],
  learning = [false, false, false],
  pain = { target: 0, coercer: 0 },
) {
  const sc = miniScenario();
  const flows = newFlows(3);
  applyLevels(sc, levels, deps);
  advanceFlows(sc, deps, pain, learning, sc.params.g7Alignment, flows);
  return flows;
}

describe('supply', () => {
  it('restriction combines measures as 1 − Π(1 − intensity)', () => {
    const deps = [fresh(2), fresh(0), fresh(0)];
    applyLevels(miniScenario(), [2, 0, 0, 0], deps);
    expect(deps[0]!.restriction).toBeCloseTo(0.5, 12);
  });

  it('a buffer covers the cut until it is empty, then the cut is felt', () => {
    // cut = 0.5 · (1 − 0) · (1 − 0.1 · (1 − 0)) = 0.45 of the flow; buffer 2 months lasts 4 rounds
    const deps = [fresh(2), fresh(0), fresh(0)];
    const harms: number[] = [];
    for (let i = 0; i < 5; i++) harms.push(oneRound(deps, [2, 0, 0, 0]).harm[0]!);
    expect(harms.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(deps[0]!.buffer).toBe(0);
    // round 5 uncovered: 0.45 − 0.2 left (2 − 4·0.45 = 0.2) → 0.25; harm = 1.2 · (1/12) · 0.25 · 20 = 0.5
    expect(harms[4]).toBeCloseTo(0.5, 10);
  });

  it('cost to the supplier is the lost sales it cannot divert', () => {
    const flows = oneRound([fresh(2), fresh(0), fresh(0)], [3, 0, 0, 0]);
    // 1.2 · (1/12) · (1 · (1 − 0) + 0) · (1 − 0.5) = 0.05
    expect(flows.cost[0]).toBeCloseTo(0.05, 12);
  });

  it('substitution erodes leverage while the measure stands', () => {
    const deps = [fresh(0), fresh(0), fresh(0)];
    oneRound(deps, [3, 0, 0, 0], [true, false, false], { target: 0.5, coercer: 0 });
    // effort = 0.25 + 0.75 · 0.5 / (0.5 + 0.5) = 0.625; phi = 0 + 1 · (1/12) / 6 · 0.625
    expect(deps[0]!.substituted).toBeCloseTo(0.625 / 72, 12);
  });

  it('allied alignment closes off alternatives only when the EU cuts', () => {
    expect(magnets().supplier).toBe('coercer');
    const sc = miniScenario({ params: { ...miniScenario().params, g7Alignment: 1 } });
    const deps = [fresh(0), fresh(0), fresh(0)];
    const flows = newFlows(3);
    applyLevels(sc, [3, 0, 0, 0], deps);
    advanceFlows(sc, deps, { target: 0, coercer: 0 }, [false, false, false], 1, flows);
    // g7 ignored for China's cut: cut = 0.9; harm = 1.2/12 · 0.9 · 20 = 1.8
    expect(flows.harm[0]).toBeCloseTo(1.8, 10);
  });
});

describe('service', () => {
  it('availability decays while service is withheld and recovers after', () => {
    const deps = [fresh(0), fresh(0), fresh(0)];
    expect(duvService().decayPerMonth).toBe(0.05);
    oneRound(deps, [0, 3, 0, 0]);
    // cut = 1 · (1 − 0.05 · (1 − 0.3)) = 0.965; availability relaxes toward 0.035 at 5% a month:
    // 1 + 0.05 · (0.035 − 1) = 0.95175
    expect(deps[1]!.availability).toBeCloseTo(0.95175, 12);
    const flows = oneRound(deps, [0, 0, 0, 0]);
    // service back: heals toward 1 at 20% a month: 0.95175 + 0.2 · 0.04825 = 0.9614
    expect(deps[1]!.availability).toBeCloseTo(0.9614, 12);
    // harm = 2 · (1/12) · (1 − 0.9614) · 15
    expect(flows.harm[1]).toBeCloseTo(2 * (1 / 12) * (1 - 0.9614) * 15, 12);
  });

  it('a partial cut bites in proportion', () => {
    const deps = [fresh(0), fresh(0), fresh(0)];
    oneRound(deps, [0, 2, 0, 0]);
    // cut = 0.5 · 0.965 = 0.4825; 1 + 0.05 · (0.5175 − 1) = 0.975875
    expect(deps[1]!.availability).toBeCloseTo(0.975875, 12);
  });
});

describe('market', () => {
  it('a tariff drops trade by the elasticity and harms the exporter', () => {
    const flows = oneRound([fresh(0), fresh(0), fresh(0)], [0, 0, 1, 0]);
    const drop = 1 - 1.25 ** -3;
    const dt = 1 / 12;
    expect(evs().value).toBe(10);
    // Kept trade: the exporter gives up 1 - 1.25^-0.5 = 10.6% of its price, under its 20% margin.
    const absorbed = 1 - 1.25 ** -0.5;
    expect(flows.harm[2]).toBeCloseTo(10 * dt * (drop * 0.2 + (1 - drop) * absorbed), 12);
    // Deadweight triangle (half the buyers' 1.25^0.5 - 1 price rise) plus 10% switching, on the trade that stops.
    expect(flows.cost[2]).toBeCloseTo(10 * dt * drop * (0.5 * (1.25 ** 0.5 - 1) + 0.1), 12);
  });
});
