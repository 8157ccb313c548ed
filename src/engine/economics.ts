// One round of the flows: restriction from the levels in force, then the
// supply, service or market mechanism of each dependency. Works in place on
// the arrays it is given so projections can run it thousands of times.

import { finite } from './errors.js';
import { layoutOf } from './layout.js';
import type { DepState } from './state.js';
import type { Role, Scenario } from './types.js';

/** Per-dependency result of one round, EUR bn: harm to the target, cost to the side acting. */
export interface RoundFlows {
  harm: Float64Array;
  cost: Float64Array;
}

export const newFlows = (n: number): RoundFlows => ({ harm: new Float64Array(n), cost: new Float64Array(n) });

/** Sets each dependency's restriction and tariff from the measure levels. */
export function applyLevels(sc: Scenario, levels: ArrayLike<number>, deps: DepState[]): void {
  for (let d = 0; d < deps.length; d++) levelsToRestriction(sc, d, levels, deps[d]!);
}

/** Sets one dependency's restriction and tariff from the measure levels. */
export function levelsToRestriction(sc: Scenario, d: number, levels: ArrayLike<number>, dep: DepState): void {
  const on = layoutOf(sc).measuresOn[d]!;
  let keep = 1;
  let tariff = 0;
  for (let k = 0; k < on.length; k++) {
    const lv = sc.measures[on[k]!]!.levels[levels[on[k]!]!]!;
    keep *= 1 - lv.intensity;
    tariff += lv.tariff;
  }
  dep.restriction = 1 - keep;
  dep.tariff = tariff;
}

/** Harm and cost of the last `advanceDep` call (module scratch: no allocation per call). */
export const lastFlow = { harm: 0, cost: 0 };

/**
 * Advances one dependency one round, in place. `pain` is the dependent bloc's
 * pain last round (annualised % of GDP), which drives its substitution effort;
 * `learning` says whether it is de-risking this flow at all. Leaves the
 * round's harm (to the target) and cost (to the side acting) in `lastFlow`.
 */
export function advanceDep(
  sc: Scenario,
  d: number,
  st: DepState,
  pain: number,
  learning: boolean,
  g7: number,
): void {
  const def = sc.dependencies[d]!;
  const f = def.formulas;
  const months = sc.roundMonths;
  const dt = months / 12;
  const r = st.restriction;
  const phi = st.substituted;
  // Allies only close off alternatives when the EU is the one cutting.
  const g = sc.blocs[def.supplier].alliesAlign ? g7 : 0;
  let harm = 0;
  let cost = 0;
  if (def.mechanism === 'supply') {
    const cut = clamp01(finite(f.cut(r, phi, def.shortRunAlternatives, g), 'cut', def.id));
    const need = cut * months;
    let uncovered = 0;
    if (need > 0) {
      if (st.buffer >= need) st.buffer -= need;
      else {
        uncovered = (need - st.buffer) / months;
        st.buffer = 0;
      }
    } else st.buffer = Math.min(def.bufferMonths, st.buffer + RESTOCK_PER_MONTH * months);
    harm = finite(f.supply_harm(def.value, dt, uncovered, def.criticality), 'supply_harm', def.id);
    cost = finite(f.supply_cost(def.value, dt, r, phi, def.divertible), 'supply_cost', def.id);
  } else if (def.mechanism === 'service') {
    const cut = clamp01(finite(f.cut(r, phi, def.shortRunAlternatives, g), 'cut', def.id));
    const avail = f.availability(st.availability, cut, def.decayPerMonth, def.recoveryPerMonth, months);
    st.availability = clamp01(finite(avail, 'availability', def.id));
    harm = finite(
      f.service_harm(def.value, dt, 1 - st.availability, def.criticality),
      'service_harm',
      def.id,
    );
    cost = finite(f.supply_cost(def.value, dt, r, phi, def.divertible), 'supply_cost', def.id);
  } else {
    const tauDrop = clamp01(finite(f.trade_drop(st.tariff, def.elasticity), 'trade_drop', def.id));
    const drop = 1 - (1 - tauDrop) * (1 - r);
    // Sales the importer has replaced elsewhere are lost to the exporter for good.
    const kept = def.value * (1 - phi);
    const lost = f.market_harm(kept, dt, drop, def.margin, st.tariff, def.exporterIncidence);
    harm = finite(lost, 'market_harm', def.id) + def.value * dt * phi * def.margin;
    cost = finite(f.market_cost(kept, dt, drop, st.tariff, def.exporterIncidence), 'market_cost', def.id);
  }
  lastFlow.harm = harm;
  lastFlow.cost = cost;
  if (learning) {
    // The side that needs the flow learns to do without it (for markets: the importer).
    const bloc = sc.blocs[def.dependent];
    const effort = clamp01(
      finite(f.effort(bloc.baseEffort, Math.max(0, pain), bloc.painTolerance), 'effort', def.id),
    );
    st.substituted = clamp01(
      finite(f.substitution(phi, dt, def.substitutionYears, effort), 'substitution', def.id),
    );
  }
}

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
  for (let d = 0; d < deps.length; d++) {
    advanceDep(sc, d, deps[d]!, painPct[sc.dependencies[d]!.dependent], learning[d]!, g7);
    out.harm[d] = lastFlow.harm;
    out.cost[d] = lastFlow.cost;
  }
}

/** Months of stock rebuilt per month once a flow resumes. */
export const RESTOCK_PER_MONTH = 0.5;

/** The bloc a dependency's measures harm: the importer's target is the exporter. */
export const targetOf = (mechanism: string, supplier: Role, dependent: Role): Role =>
  mechanism === 'market' ? supplier : dependent;

/** The bloc whose measures act on a dependency. */
export const actorOf = (mechanism: string, supplier: Role, dependent: Role): Role =>
  mechanism === 'market' ? dependent : supplier;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
