// The base projection of a state (see projection.ts): pain of going on with given levels, as the negotiation
// and the computer players need it thousands of times a run. A base
// projection per state records each flow's contribution and the path of pain
// that drives substitution; a one-measure change then re-projects only the
// flows that measure acts on, with that pain path held fixed (the change's
// feedback on the other flows' substitution effort is ignored when scoring).
//
// The loops give the same numbers as advancing the flows round by round with
// advanceDep, bit for bit: they call the same formulas on the same inputs in
// the same order, but call a formula once where its inputs cannot change (a
// market's tariff, a bloc's effort at a pain level shared by its flows).
import {
  atRest,
  effortOf,
  flowFor,
  learnRound,
  marketRound,
  restrict,
  serviceRound,
  supplyRound,
  tradeDrop,
} from './economics.js';
import type { FormulaSet } from './formula-roles.js';
import type { Layout } from './layout.js';
import type { DepState, Pain } from './state.js';
import type { Bloc, Role, Scenario } from './types.js';

export interface Projection {
  target: number;
  coercer: number;
}

/** What a projection needs of a state. */
export interface ProjectionInput {
  readonly deps: readonly DepState[];
  readonly lastPain: Readonly<Record<Role, Pain>>;
}

export interface Base {
  /** What the base was computed under: the same deps array may be projected under another scenario. */
  sc: Scenario;
  lastPain: ProjectionInput['lastPain'];
  levels: number[];
  horizon: number;
  total: Projection;
  // Plain arrays: typed arrays cost far more to allocate, and a run builds several bases a round.
  /** Pain (annualised % GDP) felt by [EU, CN] before projected round k: painPath[2k], painPath[2k+1]. */
  painPath: number[];
  /** Per flow: discounted harm to its target, discounted cost to its actor. */
  harm: number[];
  cost: number[];
  /** Effort of [EU, CN] along painPath by the effort formula effortFn[slot]; NaN until computed. */
  effort: number[];
  effortFn: (FormulaSet['effort'] | null)[];
  /** The bloc whose parameters those efforts used (a base may serve a scenario with overridden blocs). */
  effortBloc: (Bloc | null)[];
}

// Bases are memoised per state (its deps array) and levels; a state is never changed once built.
const bases = new WeakMap<readonly DepState[], Base[]>();

export const pctOfGdp = (eurBn: number, gdp: number, yearFactor: number): number =>
  (eurBn * yearFactor * 100) / gdp;

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Whether the flow is being de-risked: a measure on it is at level ≥ 1 (measure m at `level`). */
function learns(on: readonly number[], levels: ArrayLike<number>, m = -1, level = 0): boolean {
  for (let k = 0; k < on.length; k++) {
    const j = on[k]!;
    if ((j === m ? level : levels[j]!) > 0) return true;
  }
  return false;
}

const copyInto = (from: DepState, to: DepState): DepState => {
  to.restriction = from.restriction;
  to.tariff = from.tariff;
  to.substituted = from.substituted;
  to.buffer = from.buffer;
  to.availability = from.availability;
  return to;
};

/** The round function of a flow's mechanism. */
const roundOf = (mechanism: string) =>
  mechanism === 'supply' ? supplyRound : mechanism === 'service' ? serviceRound : marketRound;

/**
 * Projects one flow over the horizon along the base's pain path, with measure
 * `m` at `level`; returns its discounted harm and cost.
 */
export function projectDep(
  sc: Scenario,
  L: Layout,
  input: ProjectionInput,
  d: number,
  levels: ArrayLike<number>,
  m: number,
  level: number,
  base: Base,
  out: { harm: number; cost: number },
): void {
  const def = sc.dependencies[d]!;
  const st = copyInto(input.deps[d]!, L.scratch.dep);
  const on = L.measuresOn[d]!;
  restrict(sc, on, levels, st, m, level);
  const learning = learns(on, levels, m, level);
  const slot = L.side[d]!.dependent;
  const bloc = sc.blocs[def.dependent];
  const dT = L.discountTarget[d]!;
  const dA = L.discountActor[d]!;
  const flow = flowFor(sc, L.scratch.flow);
  const { painPath, effort } = base;
  const fn = def.formulas.effort;
  if (base.effortFn[slot] === null) {
    base.effortFn[slot] = fn;
    base.effortBloc[slot] = bloc;
  }
  const shared = base.effortFn[slot] === fn && base.effortBloc[slot] === bloc;
  // A projection never changes the tariff, so a market's trade drop is the same every round.
  flow.tauDrop = def.mechanism === 'market' && base.horizon > 0 ? tradeDrop(def, st.tariff) : Number.NaN;
  const advance = roundOf(def.mechanism);
  let fT = 1;
  let fA = 1;
  let harm = 0;
  let cost = 0;
  for (let k = 0; k < base.horizon; k++) {
    advance(def, st, flow);
    if (learning) {
      const i = 2 * k + slot;
      let e = shared ? effort[i]! : Number.NaN;
      if (Number.isNaN(e)) {
        e = effortOf(def, bloc, painPath[i]!);
        if (shared) effort[i] = e;
      }
      flow.effort = e;
      learnRound(def, st, flow);
    }
    fT *= dT;
    fA *= dA;
    harm += fT * flow.harm;
    cost += fA * flow.cost;
  }
  out.harm = harm;
  out.cost = cost;
}

function computeBase(
  sc: Scenario,
  L: Layout,
  input: ProjectionInput,
  levels: ArrayLike<number>,
  horizon: number,
): Base {
  const n = sc.dependencies.length;
  const { quietAtRest, side, measuresOn } = L;
  const harm = new Array<number>(n).fill(0);
  const cost = new Array<number>(n).fill(0);
  // Working copies of the flows (from the scratch space: nothing here outlives this call).
  const { deps, active, learning, tauDrops } = L.scratch;
  let count = 0;
  for (let d = 0; d < n; d++) {
    const copy = copyInto(input.deps[d]!, deps[count]!);
    restrict(sc, measuresOn[d]!, levels, copy);
    const l = learns(measuresOn[d]!, levels);
    // Flows at rest stay at rest and contribute nothing: project only the others.
    if (!l && quietAtRest[d] && atRest(sc.dependencies[d]!.bufferMonths, copy)) continue;
    active[count] = d;
    learning[count] = l;
    count++;
  }
  const yearFactor = 12 / sc.roundMonths;
  const gdp = [sc.blocs.target.gdp, sc.blocs.coercer.gdp];
  const disc = [sc.blocs.target.discount, sc.blocs.coercer.discount];
  const painPath = new Array<number>(2 * horizon).fill(0);
  const pain = [
    pctOfGdp(input.lastPain.target.harm + input.lastPain.target.cost, gdp[0]!, yearFactor),
    pctOfGdp(input.lastPain.coercer.harm + input.lastPain.coercer.cost, gdp[1]!, yearFactor),
  ];
  const f = [1, 1];
  const total = [0, 0];
  const round = [0, 0];
  const flow = flowFor(sc, L.scratch.flow);
  // A bloc's effort depends on its pain alone: one evaluation per round serves all its flows.
  const effortFn: (FormulaSet['effort'] | null)[] = [null, null];
  const effortNow = [0, 0];
  for (let k = 0; k < horizon; k++) {
    painPath[2 * k] = pain[0]!;
    painPath[2 * k + 1] = pain[1]!;
    f[0]! *= disc[0]!;
    f[1]! *= disc[1]!;
    round[0] = 0;
    round[1] = 0;
    effortFn[0] = null;
    effortFn[1] = null;
    for (let i = 0; i < count; i++) {
      const d = active[i]!;
      const def = sc.dependencies[d]!;
      const sd = side[d]!;
      const st = deps[i]!;
      if (def.mechanism === 'supply') supplyRound(def, st, flow);
      else if (def.mechanism === 'service') serviceRound(def, st, flow);
      else {
        // The trade drop is evaluated where a round-by-round run first evaluates it.
        if (k === 0) tauDrops[i] = tradeDrop(def, st.tariff);
        flow.tauDrop = tauDrops[i]!;
        marketRound(def, st, flow);
      }
      if (learning[i]) {
        const s = sd.dependent;
        const fn = def.formulas.effort;
        if (effortFn[s] !== fn) {
          effortNow[s] = effortOf(def, sc.blocs[def.dependent], pain[s]!);
          effortFn[s] = fn;
        }
        flow.effort = effortNow[s]!;
        learnRound(def, st, flow);
      }
      round[sd.target]! += flow.harm;
      round[sd.actor]! += flow.cost;
      harm[d]! += f[sd.target]! * flow.harm;
      cost[d]! += f[sd.actor]! * flow.cost;
    }
    total[0]! += f[0]! * round[0]!;
    total[1]! += f[1]! * round[1]!;
    pain[0] = pctOfGdp(round[0]!, gdp[0]!, yearFactor);
    pain[1] = pctOfGdp(round[1]!, gdp[1]!, yearFactor);
  }
  return {
    sc,
    lastPain: input.lastPain,
    levels: Array.from(levels),
    horizon,
    total: { target: total[0]!, coercer: total[1]! },
    painPath,
    harm,
    cost,
    effort: new Array<number>(2 * horizon).fill(Number.NaN),
    effortFn: [null, null],
    effortBloc: [null, null],
  };
}

export function baseFor(
  sc: Scenario,
  L: Layout,
  input: ProjectionInput,
  levels: ArrayLike<number>,
  horizon: number,
): Base {
  let list = bases.get(input.deps);
  if (!list) {
    list = [];
    bases.set(input.deps, list);
  }
  for (const b of list) {
    if (b.horizon === horizon && b.sc === sc && b.lastPain === input.lastPain && same(b.levels, levels))
      return b;
  }
  const b = computeBase(sc, L, input, levels, horizon);
  if (list.length >= 4) list.shift();
  list.push(b);
  return b;
}
