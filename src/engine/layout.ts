// Index tables derived once per scenario (memoised by identity): which
// measures act on which flow, and how pain is shared among member states;
// plus the scratch space the hot loops of that scenario reuse.
import { actorOf, type FlowOut, newFlowOut, targetOf } from './economics.js';
import type { DepState } from './state.js';
import type { Scenario } from './types.js';

/**
 * Working space of one scenario's hot loops, so they allocate nothing per
 * call. The engine is synchronous and its loops do not nest, so one set per
 * scenario is enough; nothing here outlives a call.
 */
export interface Scratch {
  /** Working copies of every flow (a base projection), and of one flow (a projected change). */
  readonly deps: readonly DepState[];
  readonly dep: DepState;
  /** A base projection's flows not at rest, whether each is learning, each market's trade drop. */
  readonly active: number[];
  readonly learning: boolean[];
  readonly tauDrops: number[];
  readonly flow: FlowOut;
  /** A flow's discounted harm and cost over a projection. */
  readonly result: { harm: number; cost: number };
  /** Levels with one measure changed (projections of a candidate move). */
  readonly levels: Int32Array;
  /** Per member state, EUR bn of the round (accounting). */
  readonly harmEur: Float64Array;
  readonly costEur: Float64Array;
}

export interface Layout {
  measureIndex: ReadonlyMap<string, number>;
  stateIndex: ReadonlyMap<string, number>;
  /** measuresOn[d]: indices of the measures acting on dependency d. */
  measuresOn: readonly (readonly number[])[];
  /** harmShare[d][s]: share of EU-side pain from dependency d borne by state s (rows sum to 1 or are empty). */
  harmShare: readonly Float64Array[];
  /** costShare[m][s]: share of an EU measure's own cost borne by state s. */
  costShare: readonly Float64Array[];
  /** gdpShare[s]: fallback weights. */
  gdpShare: Float64Array;
  /** pressure[m][s]: fall in support of state s per unit intensity of China's measure m. */
  pressure: readonly Float64Array[];
  /**
   * Per flow: its formulas give no harm, no cost and no change at rest, so a
   * flow at rest can be skipped (checked once, since formulas may be overridden).
   */
  quietAtRest: readonly boolean[];
  /** Per flow, as 0 (EU) or 1 (CN): who needs it, who it harms, who acts on it. */
  side: readonly { dependent: 0 | 1; target: 0 | 1; actor: 0 | 1 }[];
  /** Per flow: the per-round discount factor of its target and of its actor. */
  discountTarget: Float64Array;
  discountActor: Float64Array;
  scratch: Scratch;
}

const cache = new WeakMap<Scenario, Layout>();

const restingFlow = (): DepState => ({
  restriction: 0,
  tariff: 0,
  substituted: 0,
  buffer: 0,
  availability: 1,
});

/** The scenario's layout, built on first use; hot loops fetch it once per call, not per flow. */
export function layoutOf(sc: Scenario): Layout {
  let l = cache.get(sc);
  if (!l) {
    l = build(sc);
    cache.set(sc, l);
  }
  return l;
}

function normalised(w: Float64Array, fallback: Float64Array): Float64Array {
  let sum = 0;
  for (const x of w) sum += x;
  if (sum <= 0) return fallback;
  return w.map((x) => x / sum);
}

function build(sc: Scenario): Layout {
  const n = sc.states.length;
  const measureIndex = new Map(sc.measures.map((m, i) => [m.id, i]));
  const stateIndex = new Map(sc.states.map((s, i) => [s.id, i]));
  const gdpShare = normalised(
    Float64Array.from(sc.states, (s) => s.gdp),
    new Float64Array(n).fill(1 / Math.max(1, n)),
  );
  const measuresOn = sc.dependencies.map((_, d) =>
    sc.measures.flatMap((m, i) => (m.actsOn.includes(d) ? [i] : [])),
  );
  const harmShare = sc.dependencies.map((dep) => {
    const w = new Float64Array(n);
    if (targetOf(dep.mechanism, dep.supplier, dep.dependent) !== 'EU') return w;
    sc.states.forEach((s, i) => {
      w[i] = dep.exposure ? (dep.exposure[s.id] ?? 0) : (s.exposure[dep.sector] ?? 0);
    });
    return normalised(w, gdpShare);
  });
  const costShare = sc.measures.map((m) => {
    const w = new Float64Array(n);
    sc.states.forEach((s, i) => {
      w[i] = s.levers[m.id] ?? 0;
    });
    if (m.holder && w.every((x) => x === 0)) w[stateIndex.get(m.holder) ?? 0] = 1;
    return normalised(w, gdpShare);
  });
  const pressure = sc.measures.map((m) => Float64Array.from(sc.states, (s) => m.pressure[s.id] ?? 0));
  const quietAtRest = sc.dependencies.map((dep) => {
    const f = dep.formulas;
    const g = dep.supplier === 'EU' ? sc.params.g7Alignment : 0;
    const cut = f.cut(0, 0, dep.shortRunAlternatives, g);
    if (cut !== 0) return false;
    if (dep.mechanism === 'supply')
      return (
        f.supply_harm(dep.value, 1, 0, dep.criticality) === 0 &&
        f.supply_cost(dep.value, 1, 0, 0, dep.divertible) === 0
      );
    if (dep.mechanism === 'service')
      return (
        f.availability(1, 0, dep.decayPerMonth, dep.recoveryPerMonth, sc.roundMonths) === 1 &&
        f.service_harm(dep.value, 1, 0, dep.criticality) === 0 &&
        f.supply_cost(dep.value, 1, 0, 0, dep.divertible) === 0
      );
    const drop = f.trade_drop(0, dep.elasticity);
    return (
      drop === 0 &&
      f.market_harm(dep.value, 1, 0, dep.margin, 0, dep.exporterIncidence) === 0 &&
      f.market_cost(dep.value, 1, 0, 0, dep.exporterIncidence) === 0
    );
  });
  const idx = (b: string): 0 | 1 => (b === 'EU' ? 0 : 1);
  const side = sc.dependencies.map((d) => ({
    dependent: idx(d.dependent),
    target: idx(targetOf(d.mechanism, d.supplier, d.dependent)),
    actor: idx(actorOf(d.mechanism, d.supplier, d.dependent)),
  }));
  const discount = [sc.blocs.EU.discount, sc.blocs.CN.discount];
  return {
    measureIndex,
    stateIndex,
    measuresOn,
    harmShare,
    costShare,
    gdpShare,
    pressure,
    quietAtRest,
    side,
    discountTarget: Float64Array.from(side, (s) => discount[s.target]!),
    discountActor: Float64Array.from(side, (s) => discount[s.actor]!),
    scratch: {
      deps: sc.dependencies.map(restingFlow),
      active: sc.dependencies.map(() => 0),
      learning: sc.dependencies.map(() => false),
      tauDrops: sc.dependencies.map(() => Number.NaN),
      dep: restingFlow(),
      flow: newFlowOut(sc.roundMonths, sc.params.g7Alignment),
      result: { harm: 0, cost: 0 },
      levels: new Int32Array(sc.measures.length),
      harmEur: new Float64Array(n),
      costEur: new Float64Array(n),
    },
  };
}
