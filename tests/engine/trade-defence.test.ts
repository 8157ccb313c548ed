// Trade-defence duties (legal basis trade_defence, src/engine/aci.ts): the
// committee alone decides, and only a qualified majority against blocks.
import { describe, expect, it } from 'vitest';
import type { Orders } from '../../src/engine/orders.js';
import type { Scenario } from '../../src/engine/types.js';
import { miniMeasures, miniScenario, miniStates } from '../helpers/mini-scenario.js';
import { idle, play } from '../helpers/play.js';

// ev_tariff (measure 2) becomes a countervailing duty.
const withDuty = (base: number, over: Partial<Scenario> = {}): Scenario =>
  miniScenario({
    states: miniStates(base),
    measures: miniMeasures().map((m) => (m.id === 'ev_tariff' ? { ...m, legalBasis: 'trade_defence' } : m)),
    ...over,
  });
const propose: Orders = { target: { set: { ev_tariff: 1 } } };

describe('a trade-defence duty', () => {
  it('goes to the committee at once, with no examination of coercion, and applies when no qualified majority is against', () => {
    // Every state at 0 abstains (HU at -1 votes against): no majority either way.
    const p = play(withDuty(0), [propose, ...idle(1)]);
    expect(p.codes()).toEqual([
      '1 trade-defence/proposed',
      '2 council/committee-adopted',
      '2 measure/in-force',
    ]);
    expect(p.all('trade-defence/proposed')[0]!.data).toEqual({
      side: 'target',
      measure: 'ev_tariff',
      level: 1,
      amended: false,
    });
    const vote = p.all('council/committee-adopted')[0]!;
    expect(vote.data.vote.qualifiedMajorityFor).toBe(false);
    expect(vote.data.vote.qualifiedMajorityAgainst).toBe(false);
    expect(vote.text).toMatch(
      /^no qualified majority against; the Commission adopts EV tariff \(level 1: L1\)/,
    );
    expect(p.st.aci.stage).toBe('none');
    expect(p.st.measures[2]).toEqual({ level: 1, pending: null });
  });

  it('under a qualified majority against, ends the run by cohesion before its committee votes, as an ACI measure does', () => {
    const p = play(withDuty(-1), [propose]);
    expect(p.codes()).toEqual(['1 trade-defence/proposed', '1 outcome/backs-down']);
    expect(p.all('outcome/backs-down')[0]!.data).toEqual({ side: 'target', reason: 'cohesion' });
  });

  it('waits its lead time after adoption', () => {
    const sc = withDuty(0.8);
    const lead = {
      ...sc,
      measures: sc.measures.map((m) => (m.id === 'ev_tariff' ? { ...m, leadRounds: 2 } : m)),
    };
    const p = play(lead, [propose, ...idle(3)]);
    expect(p.codes()).toEqual([
      '1 trade-defence/proposed',
      '2 council/committee-adopted',
      '4 measure/in-force',
    ]);
    expect(p.all('council/committee-adopted')[0]!.text).toMatch(/^committee adopts EV tariff/);
  });

  it('leaves the ACI measures to the ACI procedure', () => {
    const p = play(withDuty(0.8), [{ target: { set: { ev_tariff: 1, duv: 1 } } }]);
    expect(p.codes()).toEqual(['1 trade-defence/proposed', '1 council/examination', '1 aci/requested']);
  });
});
