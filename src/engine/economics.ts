// One round of the flows: restriction from the levels in force, then the
// supply, service or market mechanism of each dependency. Works in place on
// the arrays it is given so projections can run it thousands of times.

import { PLAUSIBLE_TIMES_VALUE, plausible, plausibleHarm, share } from './errors.js';
import { layoutOf } from './layout.js';
import type { DepState } from './state.js';
import type { Bloc, Dependency, Role, Scenario } from './types.js';

/** Per-dependency result of one round, EUR bn: harm to the target, cost to the side acting. */
export interface RoundFlows {
  harm: number[];
  cost: number[];
}

/**
 * One flow's round: the inputs the mechanism functions take besides the flow
 * (in an object, so that calls pass no bare numbers, which V8 would box), and
 * the result, EUR bn. The caller owns it and reuses it.
 */
export interface FlowOut {
  /** Months per round. */
  months: number;
  /** G7 alignment: how far allies close off alternatives when the EU cuts. */
  g7: number;
  /** Markets: the share of trade the flow's tariff stops (tradeDrop), set before marketRound. */
  tauDrop: number;
  /** Scenario `deadweight_share` and `switching_cost`: the importer's loss on the trade that stops. */
  deadweight: number;
  switching: number;
  /** Scenario `restock_per_month`: months of stock rebuilt per month once a flow resumes. */
  restock: number;
  /** The dependent bloc's substitution effort this round (for learnRound). */
  effort: number;
  harm: number;
  cost: number;
}

export const newFlowOut = (sc: Scenario): FlowOut => ({
  months: sc.roundMonths,
  g7: sc.params.g7Alignment,
  tauDrop: Number.NaN,
  deadweight: sc.params.deadweightShare,
  switching: sc.params.switchingCost,
  restock: sc.params.restockPerMonth,
  effort: 0,
  harm: 0,
  cost: 0,
});

/** Sets the scenario's numbers a flow round reads (for a FlowOut shared between scenarios). */
export function flowFor(sc: Scenario, out: FlowOut): FlowOut {
  out.months = sc.roundMonths;
  out.g7 = sc.params.g7Alignment;
  out.deadweight = sc.params.deadweightShare;
  out.switching = sc.params.switchingCost;
  out.restock = sc.params.restockPerMonth;
  return out;
}

// Plain arrays: a run makes two a round, and typed arrays cost several times more to allocate.
export const newFlows = (n: number): RoundFlows => ({
  harm: new Array<number>(n).fill(0),
  cost: new Array<number>(n).fill(0),
});

/** Sets each dependency's restriction and tariff from the measure levels. */
export function applyLevels(sc: Scenario, levels: ArrayLike<number>, deps: DepState[]): void {
  const { measuresOn } = layoutOf(sc);
  for (let d = 0; d < deps.length; d++) restrict(sc, measuresOn[d]!, levels, deps[d]!);
}

/**
 * Sets one dependency's restriction and tariff from the levels of the measures
 * `on` it; with `m`, as if measure m were at `level` (a candidate move).
 */
export function restrict(
  sc: Scenario,
  on: readonly number[],
  levels: ArrayLike<number>,
  dep: DepState,
  m = -1,
  level = 0,
): void {
  let keep = 1;
  let tariff = 0;
  for (let k = 0; k < on.length; k++) {
    const j = on[k]!;
    const lv = sc.measures[j]!.levels[j === m ? level : levels[j]!]!;
    keep *= 1 - lv.intensity;
    tariff += lv.tariff;
  }
  dep.restriction = 1 - keep;
  dep.tariff = tariff;
}

/**
 * Advances one dependency one round, in place. `pain` is the dependent bloc's
 * pain last round (annualised % of GDP), which drives its substitution effort;
 * `learning` says whether it is de-risking this flow at all. Writes the
 * round's harm (to the target) and cost (to the side acting) into `out`.
 */
export function advanceDep(
  sc: Scenario,
  d: number,
  st: DepState,
  pain: number,
  learning: boolean,
  g7: number,
  out: FlowOut,
): void {
  const def = sc.dependencies[d]!;
  flowFor(sc, out);
  out.g7 = g7;
  if (def.mechanism === 'supply') supplyRound(def, st, out);
  else if (def.mechanism === 'service') serviceRound(def, st, out);
  else {
    out.tauDrop = tradeDrop(def, st.tariff);
    marketRound(def, st, out);
  }
  if (learning) {
    out.effort = effortOf(def, sc.blocs[def.dependent], pain);
    learnRound(def, st, out);
  }
}

/**
 * The side that needs the flow learns to do without it (for markets: the
 * importer), at `out.effort`; after the mechanism's round, which leaves the
 * substituted share as it was.
 */
export function learnRound(def: Dependency, st: DepState, out: FlowOut): void {
  const s = def.formulas.substitution(st.substituted, out.months / 12, def.substitutionYears, out.effort);
  st.substituted = share(s, 'substitution', def.id);
}

// Allies close off alternatives only when the side cutting is one whose allies align (the EU's, not China's).
const allies = (def: Dependency, out: FlowOut): number => (def.alliesAlign ? out.g7 : 0);

/** Supply: buffers cover a cut until they are empty. */
export function supplyRound(def: Dependency, st: DepState, out: FlowOut): void {
  const f = def.formulas;
  const months = out.months;
  const dt = months / 12;
  const r = st.restriction;
  const phi = st.substituted;
  const cut = share(f.cut(r, phi, def.shortRunAlternatives, allies(def, out)), 'cut', def.id);
  const need = cut * months;
  let uncovered = 0;
  if (need > 0) {
    if (st.buffer >= need) st.buffer -= need;
    else {
      uncovered = (need - st.buffer) / months;
      st.buffer = 0;
    }
  } else st.buffer = Math.min(def.bufferMonths, st.buffer + out.restock * months);
  const cap = PLAUSIBLE_TIMES_VALUE * def.value;
  const harm = f.supply_harm(def.value, dt, uncovered, def.criticality);
  out.harm = plausibleHarm(harm, def.value, def.criticality, 'supply_harm', def.id);
  out.cost = plausible(f.supply_cost(def.value, dt, r, phi, def.divertible), cap, 'supply_cost', def.id);
}

/** Service: the fleet's availability decays while service is cut. */
export function serviceRound(def: Dependency, st: DepState, out: FlowOut): void {
  const f = def.formulas;
  const months = out.months;
  const dt = months / 12;
  const r = st.restriction;
  const phi = st.substituted;
  const cut = share(f.cut(r, phi, def.shortRunAlternatives, allies(def, out)), 'cut', def.id);
  const avail = f.availability(st.availability, cut, def.decayPerMonth, def.recoveryPerMonth, months);
  st.availability = share(avail, 'availability', def.id);
  const cap = PLAUSIBLE_TIMES_VALUE * def.value;
  const harm = f.service_harm(def.value, dt, 1 - st.availability, def.criticality);
  out.harm = plausibleHarm(harm, def.value, def.criticality, 'service_harm', def.id);
  out.cost = plausible(f.supply_cost(def.value, dt, r, phi, def.divertible), cap, 'supply_cost', def.id);
}

/** Market: a tariff (and a restriction) drops trade; `out.tauDrop` is the tariff's trade drop. */
export function marketRound(def: Dependency, st: DepState, out: FlowOut): void {
  const f = def.formulas;
  const tauDrop = out.tauDrop;
  const dt = out.months / 12;
  const r = st.restriction;
  const phi = st.substituted;
  const drop = 1 - (1 - tauDrop) * (1 - r);
  // Sales the importer has replaced elsewhere are lost to the exporter for good.
  const kept = def.value * (1 - phi);
  const lost = f.market_harm(kept, dt, drop, def.margin, st.tariff, def.exporterIncidence);
  const cap = PLAUSIBLE_TIMES_VALUE * def.value;
  out.harm = plausible(lost, cap, 'market_harm', def.id) + def.value * dt * phi * def.margin;
  out.cost = plausible(
    f.market_cost(kept, dt, drop, st.tariff, def.exporterIncidence, out.deadweight, out.switching),
    cap,
    'market_cost',
    def.id,
  );
}

/** Share of a market flow's imports that a tariff stops. */
export const tradeDrop = (def: Dependency, tariff: number): number =>
  share(def.formulas.trade_drop(tariff, def.elasticity), 'trade_drop', def.id);

/** The dependent bloc's substitution effort at a pain level. */
export const effortOf = (def: Dependency, bloc: Bloc, pain: number): number =>
  share(def.formulas.effort(bloc.baseEffort, Math.max(0, pain), bloc.painTolerance), 'effort', def.id);

/** A copy of a flow's state (an object literal: the cheapest copy V8 makes of it). */
export const copyDep = (d: DepState): DepState => ({
  restriction: d.restriction,
  tariff: d.tariff,
  substituted: d.substituted,
  buffer: d.buffer,
  availability: d.availability,
});

/** A flow nobody restricts, with full stocks, full service and nothing substituted. */
export const atRest = (bufferMonths: number, st: DepState): boolean =>
  st.restriction === 0 &&
  st.tariff === 0 &&
  st.substituted === 0 &&
  st.availability === 1 &&
  st.buffer === bufferMonths;

/** Advances every dependency one round; see `advanceDep`. */
export function advanceFlows(
  sc: Scenario,
  deps: DepState[],
  painPct: Readonly<Record<Role, number>>,
  learning: ArrayLike<boolean>,
  g7: number,
  out: RoundFlows,
): void {
  const flow = newFlowOut(sc);
  for (let d = 0; d < deps.length; d++) {
    advanceDep(sc, d, deps[d]!, painPct[sc.dependencies[d]!.dependent], learning[d]!, g7, flow);
    out.harm[d] = flow.harm;
    out.cost[d] = flow.cost;
  }
}

/** The bloc a dependency's measures harm: the importer's target is the exporter. */
export const targetOf = (mechanism: string, supplier: Role, dependent: Role): Role =>
  mechanism === 'market' ? supplier : dependent;

/** The bloc whose measures act on a dependency. */
export const actorOf = (mechanism: string, supplier: Role, dependent: Role): Role =>
  mechanism === 'market' ? dependent : supplier;

export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
