// How a run ends (docs/MODEL.md §13, src/engine/outcome.ts, step.ts): each
// rule forced deterministically on the mini scenario, with its event.
import { describe, expect, it } from 'vitest';
import { isOver, SimError, step } from '../../src/engine/index.js';
import type { Orders } from '../../src/engine/orders.js';
import { pctOfGdp, projectCosts } from '../../src/engine/projection.js';
import { rungOf } from '../../src/engine/rung.js';
import type { Scenario } from '../../src/engine/types.js';
import { duvService, evs, magnets, miniScenario, miniStates } from '../helpers/mini-scenario.js';
import { idle, play, withMeasure } from '../helpers/play.js';

/**
 * The mini scenario with no magnet stocks, so China's licensing hurts the EU
 * from round 1 (level 2: 0.9 EUR bn a round, 0.06% of GDP a year; China's own
 * cost 0.0017%), and the given pain tolerances.
 */
function painful(euTolerance: number, cnTolerance: number, over: Partial<Scenario> = {}): Scenario {
  const base = miniScenario();
  return miniScenario({
    dependencies: [magnets({ bufferMonths: 0 }), duvService(), evs()],
    blocs: {
      target: { ...base.blocs.target, painTolerance: euTolerance },
      coercer: { ...base.blocs.coercer, painTolerance: cnTolerance },
    },
    ...over,
  });
}

const painPct = (
  sc: Scenario,
  st: { lastPain: Record<'target' | 'coercer', { harm: number; cost: number }> },
) => ({
  target: pctOfGdp(
    st.lastPain.target.harm + st.lastPain.target.cost,
    sc.blocs.target.gdp,
    12 / sc.roundMonths,
  ),
  coercer: pctOfGdp(
    st.lastPain.coercer.harm + st.lastPain.coercer.cost,
    sc.blocs.coercer.gdp,
    12 / sc.roundMonths,
  ),
});

const outcomeEvents = (codes: string[]) => codes.filter((c) => c.includes('outcome/'));

describe('the rules are what the docs say', () => {
  it('patience is 2 rounds and the spiral rung 5 by default', () => {
    expect(miniScenario().params.patience).toBe(2);
    expect(miniScenario().params.spiralRung).toBe(5);
  });
});

describe('spiral', () => {
  // China's licensing at its top level stands for rung 5 (sectoral embargo) here.
  const embargo = (sc: Scenario) =>
    withMeasure(sc, 'cn_magnets', {
      levels: sc.measures[0]!.levels.map((l, i) => (i === 3 ? { ...l, rung: 5 } : l)),
    });

  it('ends the run when both sides are over their tolerance for PATIENCE rounds at rung ≥ 5', () => {
    const sc = embargo(painful(0.01, 0.001, { startLevels: { cn_magnets: 3 } }));
    const p = play(sc, idle(2));
    expect(
      rungOf(
        sc,
        p.st.measures.map((m) => m.level),
      ),
    ).toBe(5);
    const pain = painPct(sc, p.states[1]!);
    expect(pain.target).toBeGreaterThan(0.01);
    expect(pain.coercer).toBeGreaterThan(0.001);
    // One round over is not enough.
    expect(p.events[0]).toEqual([]);
    expect(p.states[1]!.overTolerance).toEqual({ target: 1, coercer: 1 });
    expect(p.states[1]!.outcome).toBeNull();
    expect(p.events[1]!.map((e) => [e.code, e.data])).toEqual([['outcome/spiral', {}]]);
    expect(p.st.outcome).toBe('spiral');
    expect(p.st.outcomeRound).toBe(2);
    expect(isOver(sc, p.st)).toBe(true);
  });

  it('is not a spiral below rung 5: both over, nobody backs down and play goes on to a stalemate', () => {
    const sc = painful(0.01, 0.001, { startLevels: { cn_magnets: 3 }, rounds: 4 });
    const p = play(sc, idle(4));
    expect(
      rungOf(
        sc,
        p.st.measures.map((m) => m.level),
      ),
    ).toBe(4);
    expect(p.states[3]!.overTolerance).toEqual({ target: 3, coercer: 3 });
    expect(outcomeEvents(p.codes())).toEqual(['4 outcome/stalemate']);
  });
});

describe('patience: one side alone over its tolerance', () => {
  it('the EU backs down after PATIENCE rounds over its tolerance, China not', () => {
    const sc = painful(0.01, 1e6);
    const p = play(sc, idle(2));
    expect(p.events[0]).toEqual([]);
    expect(p.states[1]!.overTolerance).toEqual({ target: 1, coercer: 0 });
    expect(p.events[1]!.map((e) => [e.round, e.code, e.data])).toEqual([
      [2, 'outcome/backs-down', { side: 'target', reason: 'pain' }],
    ]);
    expect(p.st.outcome).toBe('target_backs_down');
    expect(p.st.outcomeRound).toBe(2);
    expect(() => step(sc, p.st, {})).toThrow(SimError);
  });

  it('China backs down after PATIENCE rounds over its tolerance, the EU not', () => {
    const sc = painful(1e6, 1e-4);
    const p = play(sc, idle(2));
    expect(p.states[1]!.overTolerance).toEqual({ target: 0, coercer: 1 });
    expect(p.events[1]!.map((e) => [e.round, e.code, e.data])).toEqual([
      [2, 'outcome/backs-down', { side: 'coercer', reason: 'pain' }],
    ]);
    expect(p.st.outcome).toBe('coercer_backs_down');
  });

  it('counts consecutive rounds: a round under tolerance resets the count', () => {
    const sc = painful(0.01, 1e6);
    const lift: Orders = { coercer: { set: { cn_magnets: 0 } } };
    const cut: Orders = { coercer: { set: { cn_magnets: 2 } } };
    const p = play(sc, [{}, lift, cut, lift, cut, {}]);
    expect(p.states.slice(1).map((s) => s.overTolerance.target)).toEqual([1, 0, 1, 0, 1, 2]);
    expect(outcomeEvents(p.codes())).toEqual(['6 outcome/backs-down']);
    expect(p.all('outcome/backs-down')[0]!.data).toEqual({ side: 'target', reason: 'pain' });
  });

  it('counts only pain strictly over the tolerance', () => {
    const probe = painful(1e6, 1e6);
    const eu = painPct(probe, play(probe, idle(1)).st).target;
    const at = painful(eu, 1e6);
    expect(play(at, idle(3)).st.overTolerance.target).toBe(0);
    expect(play(painful(eu * 0.999, 1e6), idle(1)).st.overTolerance.target).toBe(1);
  });
});

describe('cohesion lost', () => {
  // Every state at −1, below the band of −0.5: a qualified majority against.
  const hostile = (over: Partial<Scenario> = {}) =>
    miniScenario({ states: miniStates(-1), blocs: painful(1e6, 1e6).blocs, ...over });

  it('the EU backs down when a qualified majority opposes an EU measure in force', () => {
    const p = play(hostile({ startLevels: { cn_magnets: 2, ev_tariff: 1 } }), idle(1));
    expect(p.st.votes.length).toBe(27);
    expect(p.events[0]!.map((e) => [e.code, e.data])).toEqual([
      ['outcome/backs-down', { side: 'target', reason: 'cohesion' }],
    ]);
    expect(p.st.outcome).toBe('target_backs_down');
    expect(p.st.outcomeRound).toBe(1);
  });

  it('… and one only under way (an ACI request still pending)', () => {
    const p = play(hostile(), [{ target: { set: { duv: 1 } } }]);
    expect(p.st.measures[1]!.level).toBe(0);
    expect(p.st.measures[1]!.pending).not.toBeNull();
    expect(p.all('outcome/backs-down').map((e) => e.data)).toEqual([{ side: 'target', reason: 'cohesion' }]);
  });

  it('does not apply with no EU measure active, nor to a national measure (no Council act)', () => {
    expect(outcomeEvents(play(hostile(), idle(3)).codes())).toEqual([]);
    const national = withMeasure(hostile({ startLevels: { cn_magnets: 2, duv: 1 } }), 'duv', {
      legalBasis: 'national',
      holder: 'NL',
    });
    const p = play(national, idle(3));
    expect(p.st.measures[1]!.level).toBe(1);
    expect(outcomeEvents(p.codes())).toEqual([]);
  });

  it('is not lost when the states merely abstain', () => {
    const p = play(
      miniScenario({
        states: miniStates(0),
        startLevels: { cn_magnets: 2, ev_tariff: 1 },
        blocs: painful(1e6, 1e6).blocs,
      }),
      idle(3),
    );
    expect(p.st.votes.every((v) => v === 'abstain')).toBe(true);
    expect(outcomeEvents(p.codes())).toEqual([]);
  });

  it('comes before the EU’s own pain: reason cohesion when both hold in the same round', () => {
    // States whose pain makes them want the supply back (pain response −1) stay against;
    // the EU is over its tolerance from round 1 and asks for a measure in round 2.
    const states = miniStates(-1).map((s) => ({ ...s, painResponse: -1 }));
    const sc = painful(0.01, 1e6, { states });
    const p = play(sc, [{}, { target: { set: { duv: 1 } } }]);
    expect(p.states[1]!.outcome).toBeNull();
    expect(p.st.overTolerance.target).toBe(2);
    expect(p.all('outcome/backs-down').map((e) => [e.round, e.data])).toEqual([
      [2, { side: 'target', reason: 'cohesion' }],
    ]);
  });
});

describe('backing down by order', () => {
  it('ends the run in the round ordered, with reason order, for either side', () => {
    for (const side of ['target', 'coercer'] as const) {
      const sc = miniScenario();
      const p = play(sc, [{}, { [side]: { backDown: true } }]);
      expect(p.events[1]!.map((e) => [e.round, e.code, e.data])).toEqual([
        [2, 'outcome/backs-down', { side, reason: 'order' }],
      ]);
      expect(p.st.outcome).toBe(side === 'target' ? 'target_backs_down' : 'coercer_backs_down');
      expect(p.st.outcomeRound).toBe(2);
      expect(isOver(sc, p.st)).toBe(true);
      expect(() => step(sc, p.st, {})).toThrow(/the run ended in round 2/);
    }
  });

  it('when both order it in one round, the EU’s (weighed first) is the outcome', () => {
    const p = play(miniScenario(), [{ target: { backDown: true }, coercer: { backDown: true } }]);
    expect(p.all('outcome/backs-down').map((e) => e.data)).toEqual([{ side: 'target', reason: 'order' }]);
  });

  it('wins over a pain outcome due the same round, also in the last round', () => {
    // The EU has been over its tolerance one round and would back down in round 2;
    // China backs down by order first. Once in round 2 of 12, once in the last round.
    for (const rounds of [12, 2]) {
      const sc = painful(0.01, 1e6, { rounds });
      const p = play(sc, [{}, { coercer: { backDown: true } }]);
      expect(p.all('outcome/backs-down').map((e) => e.data)).toEqual([{ side: 'coercer', reason: 'order' }]);
      expect(p.st.outcome).toBe('coercer_backs_down');
      expect(outcomeEvents(p.codes())).toEqual(['2 outcome/backs-down']);
    }
  });
});

describe('stalemate', () => {
  it('is declared in the last round when nothing else ended the run', () => {
    const sc = miniScenario({ rounds: 3 });
    const p = play(sc, idle(3));
    expect(p.events[0]).toEqual([]);
    expect(p.events[1]).toEqual([]);
    expect(p.events[2]!.map((e) => [e.round, e.code, e.data])).toEqual([[3, 'outcome/stalemate', {}]]);
    expect(p.st.outcome).toBe('stalemate');
    expect(p.st.outcomeRound).toBe(3);
    expect(isOver(sc, p.st)).toBe(true);
  });
});

describe('a deal (landing zone) does not end the run', () => {
  const deal: Orders = { target: { propose: { q: 0.4 } }, coercer: { respond: 'accept' } };
  const dealing = (breachBase: number, over: Partial<Scenario> = {}) => {
    const base = miniScenario();
    return miniScenario({
      rounds: 4,
      params: { ...base.params, breachBase, snapbackCredibility: 0 },
      ...over,
    });
  };

  it('play goes on to the last round; a deal that holds stays the outcome, with no stalemate', () => {
    const sc = dealing(0);
    const p = play(sc, [deal, ...idle(3)]);
    expect(p.events[0]!.map((e) => [e.code, e.data])).toEqual([
      ['deal/struck', { proposer: 'target', responder: 'coercer', q: 0.4, keep: [] }],
    ]);
    expect(p.states[1]!.outcome).toBe('landing_zone');
    expect(isOver(sc, p.states[1]!)).toBe(false);
    expect(p.states[1]!.measures.map((m) => m.level)).toEqual([0, 0, 0, 0]);
    expect(p.states.length).toBe(5);
    expect(outcomeEvents(p.codes())).toEqual([]);
    expect(p.st.outcome).toBe('landing_zone');
    expect(p.st.outcomeRound).toBe(1);
    expect(p.st.deal).toMatchObject({ q: 0.4, round: 1, proposer: 'target' });
    expect(isOver(sc, p.st)).toBe(true);
  });

  it('can be breached: the levels before the deal come back, the run goes on and can end in a stalemate', () => {
    const sc = dealing(1);
    const p = play(sc, [deal, ...idle(3)]);
    expect(p.events[1]!.map((e) => [e.code, e.data])).toEqual([
      ['deal/breached', { breaker: 'coercer', dealRound: 1, q: 0.4 }],
    ]);
    const after = p.states[2]!;
    expect(after.deal).toBeNull();
    expect(after.outcome).toBeNull();
    expect(after.dealsBroken).toBe(1);
    expect(after.widerUnlocked).toBe(true);
    expect(after.measures[0]!.level).toBe(2);
    expect(outcomeEvents(p.codes())).toEqual(['4 outcome/stalemate']);
    expect(p.st.outcome).toBe('stalemate');
  });

  it('no side backs down for pain while a deal is in force', () => {
    // The deal keeps China's licensing in force; the EU stays over its tiny tolerance.
    const sc = dealing(0, { dependencies: painful(1, 1).dependencies, blocs: painful(0.01, 1e6).blocs });
    const p = play(sc, [
      { target: { propose: { q: 0.4, keep: ['cn_magnets'] } }, coercer: { respond: 'accept' } },
      ...idle(3),
    ]);
    expect(p.st.measures[0]!.level).toBe(2);
    expect(p.st.overTolerance.target).toBe(4);
    expect(outcomeEvents(p.codes())).toEqual([]);
    expect(p.st.outcome).toBe('landing_zone');
  });
});

describe('the zone after a breach', () => {
  it('is projected with the levels the snapback restored, not the deal’s', () => {
    const base = miniScenario();
    const sc = miniScenario({ params: { ...base.params, breachBase: 1, snapbackCredibility: 0 } });
    const p = play(sc, [{ target: { propose: { q: 0.4 } }, coercer: { respond: 'accept' } }, {}]);
    expect(p.all('deal/breached').map((e) => e.round)).toEqual([2]);
    const st = p.st;
    const levels = st.measures.map((m) => m.level);
    expect(levels).toEqual([2, 0, 0, 0]);
    const input = { deps: st.deps.map((d) => ({ ...d })), lastPain: st.lastPain };
    const now = projectCosts(sc, input, levels, sc.params.horizon);
    // China's licensing is back: the EU expects harm from it again.
    expect(now.target).toBeGreaterThan(0.5);
    expect(st.zone!.costTarget).toBeCloseTo(now.target, 9);
    expect(st.zone!.costCoercer).toBeCloseTo(now.coercer, 9);
  });
});

describe('capitulation: a deal at the ends of q is one side backing down', () => {
  const at = (q: number, capitulation = 0.1) => {
    const base = miniScenario();
    const sc = miniScenario({ rounds: 4, params: { ...base.params, capitulation, breachBase: 0 } });
    const p = play(sc, [{ target: { propose: { q } }, coercer: { respond: 'accept' } }]);
    return {
      sc,
      p: isOver(sc, p.st)
        ? p
        : play(sc, [{ target: { propose: { q } }, coercer: { respond: 'accept' } }, ...idle(3)]),
    };
  };

  it('q ≥ 0.9: the target backs down (reason terms), the deal stands and the run ends', () => {
    const { sc, p } = at(0.95);
    expect(p.events[0]!.map((e) => [e.code, e.data])).toEqual([
      ['deal/struck', { proposer: 'target', responder: 'coercer', q: 0.95, keep: [] }],
      ['outcome/backs-down', { side: 'target', reason: 'terms' }],
    ]);
    expect(p.events[0]![1]!.text).toBe('the EU backs down: the deal gives China 95% of what is at stake');
    expect(p.states[1]!.outcome).toBe('target_backs_down');
    expect(p.states[1]!.deal).toMatchObject({ q: 0.95 });
    expect(isOver(sc, p.states[1]!)).toBe(true);
  });

  it('q ≤ 0.1: the coercer backs down; in between, a landing zone; capitulation 0 keeps every deal a deal', () => {
    expect(at(0.05).p.states[1]!.outcome).toBe('coercer_backs_down');
    expect(at(0.5).p.states[1]!.outcome).toBe('landing_zone');
    expect(at(0.89).p.states[1]!.outcome).toBe('landing_zone');
    expect(at(1, 0).p.states[1]!.outcome).toBe('target_backs_down');
    expect(at(0.99, 0).p.states[1]!.outcome).toBe('landing_zone');
  });
});

describe('futility: coercion that does not bite ends with the coercer lifting its measures', () => {
  // China's licensing restricts magnets but the EU has 6 months of stocks: no pain at first.
  const idleCoercion = (futilityMonths: number, futilityBite = 0.5, over: Partial<Scenario> = {}) => {
    const base = miniScenario();
    return miniScenario({
      rounds: 12,
      dependencies: [magnets({ bufferMonths: 60 }), duvService(), evs()],
      params: { ...base.params, futilityMonths, futilityBite },
      ...over,
    });
  };

  it('after futility_months of measures in force with the target under futility_bite of its tolerance', () => {
    const sc = idleCoercion(3);
    const p = play(sc, idle(3));
    expect(p.all('outcome/backs-down').map((e) => [e.round, e.data])).toEqual([
      [3, { side: 'coercer', reason: 'futility' }],
    ]);
    expect(p.all('outcome/backs-down')[0]!.text).toBe(
      "China lifts its measures without a concession: 3 months of coercion kept the EU's pain under 50% of its tolerance",
    );
    expect(p.states[3]!.outcome).toBe('coercer_backs_down');
    expect(
      p.states[3]!.measures.filter((_, i) => sc.measures[i]!.bloc === 'coercer').map((m) => m.level),
    ).toEqual(sc.measures.filter((m) => m.bloc === 'coercer').map(() => 0));
    expect(p.states.length).toBe(4);
  });

  it('counts only rounds that restrict: a bare threat, or biting pain, resets the count', () => {
    // Pain counts as biting at any level when futility_bite is 0.
    expect(play(idleCoercion(3, 0), idle(12)).st.outcome).toBe('stalemate');
    const threat = idleCoercion(3, 0.5, { startLevels: { cn_magnets: 1 } });
    const intensity = threat.measures.find((m) => m.id === 'cn_magnets')!.levels[1]!.intensity;
    if (intensity === 0) expect(play(threat, idle(12)).st.outcome).toBe('stalemate');
    expect(play(idleCoercion(24), idle(12)).st.outcome).toBe('stalemate');
  });
});
