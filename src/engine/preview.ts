// Read-only views for front ends: what an order would do next round, and
// how the Council would vote now. Neither changes the state.
import { pivotalStates } from './council/pivotal.js';
import { type QmvResult, qualifiedMajority } from './council/qmv.js';
import { actorOf, advanceFlows, applyLevels, newFlows, type RoundFlows, targetOf } from './economics.js';
import { learningFlags, pctOfGdp } from './negotiation.js';
import type { BlocOrders } from './orders.js';
import { type Ballot, castVotes } from './politics.js';
import type { Pain, SimState } from './state.js';
import type { Role, Scenario } from './types.js';

/**
 * Each flow's harm and cost next round if these levels were in force at once
 * (pending procedures and lead times ignored: it shows what the measure
 * does, not when it comes).
 */
export function previewFlows(sc: Scenario, st: SimState, levels: readonly number[]): RoundFlows {
  const deps = st.deps.map((d) => ({ ...d }));
  applyLevels(sc, levels, deps);
  const flows = newFlows(deps.length);
  const yearFactor = 12 / sc.roundMonths;
  const painPct = {
    target: pctOfGdp(st.lastPain.target.harm + st.lastPain.target.cost, sc.blocs.target.gdp, yearFactor),
    coercer: pctOfGdp(st.lastPain.coercer.harm + st.lastPain.coercer.cost, sc.blocs.coercer.gdp, yearFactor),
  };
  advanceFlows(
    sc,
    deps,
    painPct,
    learningFlags(sc, levels, new Array(deps.length)),
    sc.params.g7Alignment,
    flows,
  );
  return flows;
}

/** Harm and cost each bloc would bear next round if these levels were in force at once. */
export function previewRound(sc: Scenario, st: SimState, levels: readonly number[]): Record<Role, Pain> {
  const flows = previewFlows(sc, st, levels);
  const out = { target: { harm: 0, cost: 0 }, coercer: { harm: 0, cost: 0 } };
  sc.dependencies.forEach((def, d) => {
    out[targetOf(def.mechanism, def.supplier, def.dependent)].harm += flows.harm[d]!;
    out[actorOf(def.mechanism, def.supplier, def.dependent)].cost += flows.cost[d]!;
  });
  return out;
}

/** The levels in force after a side's orders, were they all to apply at once. */
export function levelsAfter(sc: Scenario, st: SimState, orders: BlocOrders | undefined): number[] {
  const levels = st.measures.map((m) => m.level);
  for (const [id, level] of Object.entries(orders?.set ?? {})) {
    const m = sc.measures.findIndex((x) => x.id === id);
    if (m >= 0) levels[m] = level;
  }
  return levels;
}

export interface CouncilView {
  ballots: { id: string; name: string; population: number; support: number; vote: Ballot }[];
  result: QmvResult;
  /** Ids of the states whose switch alone (to for, or away from for) would change whether a QM for holds. */
  pivotal: string[];
}

/** How the Council would vote now on its side's measures (deterministic bands); null when no side has a Council. */
export function councilView(sc: Scenario, st: SimState): CouncilView | null {
  if (sc.council === null) return null;
  const votes = castVotes(sc, st.support, null);
  const table: Record<string, Ballot> = {};
  const population: Record<string, number> = {};
  const ballots = sc.states.map((s, i) => {
    table[s.id] = votes[i]!;
    population[s.id] = s.population;
    return { id: s.id, name: s.name, population: s.population, support: st.support[i]!, vote: votes[i]! };
  });
  return {
    ballots,
    result: qualifiedMajority(table, population),
    pivotal: pivotalStates(table, population),
  };
}
