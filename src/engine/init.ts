// The state at round 0: start levels in force, full buffers, full service.
import { applyLevels, copyDep } from './economics.js';
import { placed } from './errors.js';
import { layoutOf } from './layout.js';
import { contestTerms } from './negotiation.js';
import { rungOf } from './rung.js';
import type { SimState } from './state.js';
import type { Scenario } from './types.js';

export function initialState(sc: Scenario, seed: string | number): SimState {
  const { measureIndex } = layoutOf(sc);
  const levels = sc.measures.map(() => 0);
  for (const [id, level] of Object.entries(sc.startLevels)) {
    const m = measureIndex.get(id);
    if (m !== undefined) levels[m] = level;
  }
  const deps = sc.dependencies.map((d) => ({
    restriction: 0,
    tariff: 0,
    substituted: 0,
    buffer: d.bufferMonths,
    availability: 1,
  }));
  applyLevels(sc, levels, deps);
  const n = sc.states.length;
  const st: SimState = {
    seed: String(seed),
    round: 0,
    deps,
    measures: levels.map((level) => ({ level, pending: null })),
    aci: { stage: 'none', roundsLeft: 0, attempts: 0 },
    support: sc.states.map((s) => s.baseSupport + sc.params.solidarity),
    supportShift: new Array<number>(n).fill(0),
    votes: new Array(n).fill('abstain'),
    pain: { target: { harm: 0, cost: 0 }, coercer: { harm: 0, cost: 0 } },
    lastPain: { target: { harm: 0, cost: 0 }, coercer: { harm: 0, cost: 0 } },
    statePain: new Array<number>(n).fill(0),
    overTolerance: { target: 0, coercer: 0 },
    overrides: {},
    zone: null,
    expected: null,
    deal: null,
    dealsBroken: 0,
    widerUnlocked: false,
    outcome: null,
    outcomeRound: null,
    peakRung: rungOf(sc, levels),
    minQmMargin: null,
    biteless: 0,
  };
  try {
    st.expected = contestTerms(sc, st, false, 0);
  } catch (e) {
    throw placed(e, ' at the start (projecting the contest)', 0);
  }
  return st;
}

/** A deep copy, so step never mutates its input (by hand: structuredClone is several times slower). */
export function cloneState(s: SimState): SimState {
  // Copy, then replace: four times faster than one literal spreading `s` and overriding its keys,
  // and every field keeps its place (and a field added to SimState is copied, if only shallowly).
  const c = { ...s };
  c.deps = s.deps.map(copyDep);
  c.measures = s.measures.map((m) => ({ level: m.level, pending: m.pending ? { ...m.pending } : null }));
  c.aci = { ...s.aci };
  c.support = s.support.slice();
  c.supportShift = s.supportShift.slice();
  c.votes = s.votes.slice();
  c.pain = { target: { ...s.pain.target }, coercer: { ...s.pain.coercer } };
  c.lastPain = { target: { ...s.lastPain.target }, coercer: { ...s.lastPain.coercer } };
  c.statePain = s.statePain.slice();
  c.overTolerance = { ...s.overTolerance };
  c.overrides = { ...s.overrides };
  c.deal = s.deal ? { ...s.deal, kept: s.deal.kept.slice(), before: s.deal.before.slice() } : null;
  return c;
}
