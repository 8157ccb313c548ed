// Index tables derived once per scenario (memoised by identity): which
// measures act on which flow, and how pain is shared among member states;
// plus the scratch space the hot loops of that scenario reuse.
import { actorOf, type FlowOut, newFlowOut, targetOf } from './economics.js';
import type { DepState } from './state.js';
import type { Dependency, MemberState, Scenario } from './types.js';

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
  /** Per measure, the strength of its pressure on member states (politics). */
  readonly pressure: number[];
  /** Per member state, EUR bn of the round (accounting). */
  readonly harmEur: Float64Array;
  readonly costEur: Float64Array;
}

export interface Layout {
  measureIndex: ReadonlyMap<string, number>;
  stateIndex: ReadonlyMap<string, number>;
  /** measuresOn[d]: indices of the measures acting on dependency d. */
  measuresOn: readonly (readonly number[])[];
  // Rows are plain arrays: a batch derives a layout per sampled run, and typed arrays are slow to make.
  /** harmShare[d][s]: share of EU-side pain from dependency d borne by state s (rows sum to 1 or are empty). */
  harmShare: readonly (readonly number[])[];
  /** costShare[m][s]: share of an EU measure's own cost borne by state s. */
  costShare: readonly (readonly number[])[];
  /** gdpShare[s]: fallback weights. */
  gdpShare: readonly number[];
  /** pressure[m][s]: fall in support of state s per unit intensity of China's measure m. */
  pressure: readonly (readonly number[])[];
  /** pressedBy[s]: the measures m with pressure[m][s] ≠ 0, in order; pressing: those of any state. */
  pressedBy: readonly (readonly number[])[];
  pressing: readonly number[];
  /**
   * Per flow: its formulas give no harm, no cost and no change at rest, so a
   * flow at rest can be skipped (checked once, since formulas may be overridden).
   */
  quietAtRest: readonly boolean[];
  /** Per flow, as 0 (EU) or 1 (CN): who needs it, who it harms, who acts on it. */
  side: readonly { dependent: 0 | 1; target: 0 | 1; actor: 0 | 1 }[];
  /** Per flow: the per-round discount factor of its target and of its actor. */
  discountTarget: readonly number[];
  discountActor: readonly number[];
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
    l = build(sc, null);
    cache.set(sc, l);
  }
  return l;
}

/**
 * The layout of `sc`, a copy of `base` in which only numbers differ (a sampled
 * run of a batch): it shares base's index tables and scratch space, and each
 * weight row whose inputs are the very objects base has.
 */
export function layoutLike(sc: Scenario, base: Scenario): Layout {
  let l = cache.get(sc);
  if (!l) {
    const like = layoutOf(base);
    const same =
      sc.dependencies.length === base.dependencies.length &&
      sc.measures.length === base.measures.length &&
      sc.states.length === base.states.length;
    l = build(sc, same ? { sc: base, layout: like } : null);
    cache.set(sc, l);
  }
  return l;
}

/**
 * Whether a flow's formulas give no harm, no cost and no change at rest, so a
 * flow at rest can be skipped (checked per scenario, since formulas may be overridden).
 */
function quiet(sc: Scenario, dep: Dependency): boolean {
  const f = dep.formulas;
  const g = dep.alliesAlign ? sc.params.g7Alignment : 0;
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
    f.market_cost(
      dep.value,
      1,
      0,
      0,
      dep.exporterIncidence,
      sc.params.deadweightShare,
      sc.params.switchingCost,
    ) === 0
  );
}

/** Whether two pressure tables have their zeros in the same places. */
function sameZeros(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean {
  for (let m = 0; m < a.length; m++) {
    const x = a[m]!;
    const y = b[m]!;
    if (x !== y) for (let s = 0; s < x.length; s++) if ((x[s] !== 0) !== (y[s] !== 0)) return false;
  }
  return true;
}

/** For each state the measures that press it, and the measures that press any state. */
function whoPresses(pressure: readonly (readonly number[])[], states: number) {
  const pressedBy: number[][] = Array.from({ length: states }, () => []);
  const pressing: number[] = [];
  for (let m = 0; m < pressure.length; m++) {
    const row = pressure[m]!;
    let any = false;
    for (let s = 0; s < states; s++)
      if (row[s] !== 0) {
        pressedBy[s]!.push(m);
        any = true;
      }
    if (any) pressing.push(m);
  }
  return { pressedBy, pressing };
}

function normalised(w: number[], fallback: readonly number[]): readonly number[] {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i]!;
  if (sum <= 0) return fallback;
  for (let i = 0; i < w.length; i++) w[i] = w[i]! / sum;
  return w;
}

/** Per member state, `weight(state)`. */
function perState(sc: Scenario, weight: (s: MemberState) => number): number[] {
  const w = new Array<number>(sc.states.length);
  for (let i = 0; i < w.length; i++) w[i] = weight(sc.states[i]!);
  return w;
}

const idx = (b: string): 0 | 1 => (b === 'target' ? 0 : 1);

/** The layout; with `like`, the parts that depend on nothing `sc` changed are taken from it. */
function build(sc: Scenario, like: { sc: Scenario; layout: Layout } | null): Layout {
  const n = sc.states.length;
  const L = like?.layout;
  const B = like?.sc;
  // Ids, which measure acts on which flow and the flows' sides are never sampled.
  const measureIndex = L?.measureIndex ?? new Map(sc.measures.map((m, i) => [m.id, i]));
  const stateIndex = L?.stateIndex ?? new Map(sc.states.map((s, i) => [s.id, i]));
  const measuresOn =
    L?.measuresOn ??
    sc.dependencies.map((_, d) => sc.measures.flatMap((m, i) => (m.actsOn.includes(d) ? [i] : [])));
  const side =
    L?.side ??
    sc.dependencies.map((d) => ({
      dependent: idx(d.dependent),
      target: idx(targetOf(d.mechanism, d.supplier, d.dependent)),
      actor: idx(actorOf(d.mechanism, d.supplier, d.dependent)),
    }));
  const sameStates = B !== undefined && B.states === sc.states;
  const gdpShare =
    sameStates && L
      ? L.gdpShare
      : normalised(
          perState(sc, (s) => s.gdp),
          new Array<number>(n).fill(1 / Math.max(1, n)),
        );
  const harmShare = sc.dependencies.map((dep, d) => {
    const was = B?.dependencies[d];
    if (L && sameStates && was && was.exposure === dep.exposure && was.sector === dep.sector)
      return L.harmShare[d]!;
    if (targetOf(dep.mechanism, dep.supplier, dep.dependent) !== sc.council)
      return new Array<number>(n).fill(0);
    const { exposure, sector } = dep;
    const w = perState(sc, exposure ? (s) => exposure[s.id] ?? 0 : (s) => s.exposure[sector] ?? 0);
    return normalised(w, gdpShare);
  });
  const costShare =
    L && sameStates
      ? L.costShare
      : sc.measures.map((m) => {
          const w = perState(sc, (s) => s.levers[m.id] ?? 0);
          if (m.holder && !w.some((x) => x !== 0)) w[stateIndex.get(m.holder) ?? 0] = 1;
          return normalised(w, gdpShare);
        });
  const pressure = sc.measures.map((m, i) =>
    L && sameStates && B?.measures[i]?.pressure === m.pressure
      ? L.pressure[i]!
      : perState(sc, (s) => m.pressure[s.id] ?? 0),
  );
  const { pressedBy, pressing } =
    L && sameZeros(pressure, L.pressure) ? L : whoPresses(pressure, sc.states.length);
  const quietAtRest = sc.dependencies.map((dep, d) =>
    L &&
    B?.dependencies[d] === dep &&
    B.params.g7Alignment === sc.params.g7Alignment &&
    B.params.deadweightShare === sc.params.deadweightShare &&
    B.params.switchingCost === sc.params.switchingCost &&
    B.roundMonths === sc.roundMonths
      ? L.quietAtRest[d]!
      : quiet(sc, dep),
  );
  const discount = [sc.blocs.target.discount, sc.blocs.coercer.discount];
  return {
    measureIndex,
    stateIndex,
    measuresOn,
    harmShare,
    costShare,
    gdpShare,
    pressure,
    pressedBy,
    pressing,
    quietAtRest,
    side,
    discountTarget: side.map((s) => discount[s.target]!),
    discountActor: side.map((s) => discount[s.actor]!),
    // Working space is only used inside one call, so a sampled copy can share base's.
    scratch: L?.scratch ?? {
      deps: sc.dependencies.map(restingFlow),
      active: sc.dependencies.map(() => 0),
      learning: sc.dependencies.map(() => false),
      tauDrops: sc.dependencies.map(() => Number.NaN),
      dep: restingFlow(),
      flow: newFlowOut(sc),
      result: { harm: 0, cost: 0 },
      pressure: sc.measures.map(() => 0),
      harmEur: new Float64Array(n),
      costEur: new Float64Array(n),
    },
  };
}
