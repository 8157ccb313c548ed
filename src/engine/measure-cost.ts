// What one measure at one level does next round, and who pays for it: its
// part of the harm to the other side and of its own side's cost (the round
// previewed with the measure at that level, less the round with it at 0, the
// other levels as given), and for the Council's side the member states that
// bear the most of that cost, split as the engine splits it (accounting.ts).
import { ownCostByState } from './accounting.js';
import { actorOf, targetOf } from './economics.js';
import { previewFlows } from './preview.js';
import type { SimState } from './state.js';
import { other, type Scenario } from './types.js';

export interface MeasureCost {
  /** EUR bn next round: harm to the other side, cost to the measure's own side. */
  harm: number;
  cost: number;
  /** For the Council's side: the member states bearing most of `cost`, largest first (EUR bn). */
  bearers: { id: string; name: string; eurBn: number }[];
}

/** Measure `m` at `level`, the others at `levels`; `top` bearers at most. */
export function measureCost(
  sc: Scenario,
  st: SimState,
  levels: readonly number[],
  m: number,
  level: number,
  top = 3,
): MeasureCost {
  const bloc = sc.measures[m]!.bloc;
  const on = [...levels];
  on[m] = level;
  const off = [...levels];
  off[m] = 0;
  const a = previewFlows(sc, st, on);
  const b = previewFlows(sc, st, off);
  let harm = 0;
  let cost = 0;
  sc.dependencies.forEach((def, d) => {
    if (targetOf(def.mechanism, def.supplier, def.dependent) === other(bloc)) harm += a.harm[d]! - b.harm[d]!;
    if (actorOf(def.mechanism, def.supplier, def.dependent) === bloc) cost += a.cost[d]! - b.cost[d]!;
  });
  if (bloc !== sc.council) return { harm, cost, bearers: [] };
  const n = sc.states.length;
  const withIt = new Float64Array(n);
  const without = new Float64Array(n);
  ownCostByState(sc, on, a, withIt);
  ownCostByState(sc, off, b, without);
  const bearers = sc.states
    .map((s, i) => ({ id: s.id, name: s.name, eurBn: withIt[i]! - without[i]! }))
    .filter((x) => x.eurBn > 0)
    .sort((x, y) => y.eurBn - x.eurBn || x.id.localeCompare(y.id))
    .slice(0, top);
  return { harm, cost, bearers };
}
