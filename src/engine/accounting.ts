// Who bears the round's harm and cost: per bloc, and inside the EU per
// member state (harm by sector exposure, cost of EU measures by lever holdings).
import { actorOf, type RoundFlows, targetOf } from './economics.js';
import { layoutOf } from './layout.js';
import type { SimState } from './state.js';
import type { Scenario } from './types.js';

export interface StatePain {
  /** Annualised % of each member state's GDP: harm suffered, own measures' cost. */
  painPct: Float64Array;
  costPct: Float64Array;
}

export function accountPain(
  sc: Scenario,
  st: SimState,
  levels: readonly number[],
  flows: RoundFlows,
): StatePain {
  const { harmShare, costShare, measuresOn } = layoutOf(sc);
  const n = sc.states.length;
  const harmEur = new Float64Array(n);
  const costEur = new Float64Array(n);
  const last = { target: { harm: 0, cost: 0 }, coercer: { harm: 0, cost: 0 } };
  for (let d = 0; d < sc.dependencies.length; d++) {
    const def = sc.dependencies[d]!;
    const harm = flows.harm[d]!;
    const cost = flows.cost[d]!;
    const target = targetOf(def.mechanism, def.supplier, def.dependent);
    const actor = actorOf(def.mechanism, def.supplier, def.dependent);
    last[target].harm += harm;
    last[actor].cost += cost;
    if (target === sc.council && harm > 0) {
      const w = harmShare[d]!;
      for (let s = 0; s < n; s++) harmEur[s]! += harm * w[s]!;
    }
    if (actor === sc.council && cost > 0) splitCost(sc, levels, measuresOn[d]!, costShare, cost, costEur);
  }
  for (const b of ['target', 'coercer'] as const) {
    st.lastPain[b] = last[b];
    st.pain[b] = { harm: st.pain[b].harm + last[b].harm, cost: st.pain[b].cost + last[b].cost };
  }
  const yearFactor = 12 / sc.roundMonths;
  const painPct = new Float64Array(n);
  const costPct = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    st.statePain[s] = st.statePain[s]! + harmEur[s]! + costEur[s]!;
    const gdp = sc.states[s]!.gdp;
    painPct[s] = (harmEur[s]! * yearFactor * 100) / gdp;
    costPct[s] = (costEur[s]! * yearFactor * 100) / gdp;
  }
  return { painPct, costPct };
}

/** Shares a flow's cost among the council side's measures acting on it (by strength), then by lever holdings. */
function splitCost(
  sc: Scenario,
  levels: readonly number[],
  on: readonly number[],
  costShare: readonly Float64Array[],
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
