// Who bears the round's harm and cost: per bloc, and inside the EU per
// member state (harm by sector exposure, cost of EU measures by lever holdings).
import type { RoundFlows } from './economics.js';
import { layoutOf } from './layout.js';
import type { SimState } from './state.js';
import type { Scenario } from './types.js';

export interface StatePain {
  /** Annualised % of each member state's GDP: harm suffered, own measures' cost. */
  painPct: number[];
  costPct: number[];
}

export function accountPain(
  sc: Scenario,
  st: SimState,
  levels: readonly number[],
  flows: RoundFlows,
): StatePain {
  const { harmShare, scratch, side } = layoutOf(sc);
  const n = sc.states.length;
  const harmEur = scratch.harmEur.fill(0);
  const costEur = scratch.costEur.fill(0);
  // Per bloc ([EU, CN]) the round's harm suffered and own cost, summed in flow order.
  let harmTarget = 0;
  let harmCoercer = 0;
  // The council side's members bear its pain (layout.side: 0 target, 1 coercer).
  const council = sc.council === null ? -1 : sc.council === 'target' ? 0 : 1;
  let costTarget = 0;
  let costCoercer = 0;
  for (let d = 0; d < sc.dependencies.length; d++) {
    const harm = flows.harm[d]!;
    const cost = flows.cost[d]!;
    const { target, actor } = side[d]!;
    if (target === 0) harmTarget += harm;
    else harmCoercer += harm;
    if (actor === 0) costTarget += cost;
    else costCoercer += cost;
    if (target === council && harm > 0) {
      const w = harmShare[d]!;
      for (let s = 0; s < n; s++) harmEur[s]! += harm * w[s]!;
    }
  }
  ownCostByState(sc, levels, flows, costEur);
  const last = {
    target: { harm: harmTarget, cost: costTarget },
    coercer: { harm: harmCoercer, cost: costCoercer },
  };
  for (const b of ['target', 'coercer'] as const) {
    st.lastPain[b] = last[b];
    st.pain[b] = { harm: st.pain[b].harm + last[b].harm, cost: st.pain[b].cost + last[b].cost };
  }
  const yearFactor = 12 / sc.roundMonths;
  const painPct = new Array<number>(n).fill(0);
  const costPct = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    st.statePain[s] = st.statePain[s]! + harmEur[s]! + costEur[s]!;
    const gdp = sc.states[s]!.gdp;
    painPct[s] = (harmEur[s]! * yearFactor * 100) / gdp;
    costPct[s] = (costEur[s]! * yearFactor * 100) / gdp;
  }
  return { painPct, costPct };
}

/** Adds to `out` (EUR bn per member state) the cost the council side's own measures put on each flow. */
export function ownCostByState(
  sc: Scenario,
  levels: readonly number[],
  flows: RoundFlows,
  out: Float64Array,
): void {
  const { costShare, measuresOn, side } = layoutOf(sc);
  const council = sc.council === null ? -1 : sc.council === 'target' ? 0 : 1;
  for (let d = 0; d < sc.dependencies.length; d++) {
    const cost = flows.cost[d]!;
    if (side[d]!.actor === council && cost > 0) splitCost(sc, levels, measuresOn[d]!, costShare, cost, out);
  }
}

/** Shares a flow's cost among the EU measures acting on it (by strength), then by lever holdings. */
function splitCost(
  sc: Scenario,
  levels: readonly number[],
  on: readonly number[],
  costShare: readonly (readonly number[])[],
  cost: number,
  out: Float64Array,
): void {
  let total = 0;
  for (const m of on) total += strength(sc, m, levels[m]!);
  if (total <= 0) return;
  for (const m of on) {
    const part = (cost * strength(sc, m, levels[m]!)) / total;
    if (part === 0) continue;
    const w = costShare[m]!;
    for (let s = 0; s < out.length; s++) out[s]! += part * w[s]!;
  }
}

function strength(sc: Scenario, m: number, level: number): number {
  const def = sc.measures[m]!;
  if (def.bloc !== sc.council) return 0;
  const lv = def.levels[level]!;
  return lv.intensity + lv.tariff;
}
