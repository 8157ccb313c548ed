// The numbers behind explain's charts, computed by the engine itself with the
// scenario's compiled formulas: harm and cost of one round against intensity
// (stocks empty, nothing substituted yet), and round by round at each level
// of a ladder with everything else off (stocks full at the start).
import { advanceFlows, newFlows } from '../../engine/economics.js';
import { initialState, type Scenario, type SimState, step } from '../../engine/index.js';
import type { DepState } from '../../engine/state.js';
import { other, type Role } from '../../engine/types.js';

export type Axis = 'intensity' | 'tariff';

export interface Sweep {
  axis: Axis;
  /** Restriction (0..1) or tariff rate at each point. */
  xs: number[];
  /** EUR bn per round: harm to the side cut off, cost to the side cutting. */
  harm: number[];
  cost: number[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** `points` values from 0 to `max`, evenly spaced. */
export const spaced = (max: number, points: number): number[] =>
  Array.from({ length: points }, (_, i) => (max * i) / Math.max(1, points - 1));

/** One round at each restriction (or tariff) in `xs` on the flows `on`. */
export function sweep(sc: Scenario, on: readonly number[], axis: Axis, xs: readonly number[]): Sweep {
  const flows = newFlows(sc.dependencies.length);
  const learning = new Array<boolean>(sc.dependencies.length).fill(false);
  const g7 = sc.params.g7Alignment;
  const out: Sweep = { axis, xs: [], harm: [], cost: [] };
  for (const x of xs) {
    const deps: DepState[] = sc.dependencies.map((def, d) => {
      if (!on.includes(d))
        return { restriction: 0, tariff: 0, substituted: 0, buffer: def.bufferMonths, availability: 1 };
      const r = axis === 'intensity' ? x : 0;
      const g = def.supplier === 'target' ? g7 : 0;
      // Stocks empty; a serviced fleet already run down to what the restriction leaves.
      const floor = 1 - clamp01(def.formulas.cut(r, 0, def.shortRunAlternatives, g));
      return {
        restriction: r,
        tariff: axis === 'tariff' ? x : 0,
        substituted: 0,
        buffer: 0,
        availability: def.mechanism === 'service' ? floor : 1,
      };
    });
    advanceFlows(sc, deps, { target: 0, coercer: 0 }, learning, g7, flows);
    out.xs.push(x);
    out.harm.push(on.reduce((s, d) => s + flows.harm[d]!, 0));
    out.cost.push(on.reduce((s, d) => s + flows.cost[d]!, 0));
  }
  return out;
}

export interface LevelRun {
  level: number;
  name: string;
  /** Per round, EUR bn: harm to the target, cost to the measure's side. */
  harm: number[];
  cost: number[];
  /** Mean share substituted on the measure's flows after each round. */
  substituted: number[];
  /** Months of stock left on the first flow after each round (supply flows). */
  buffer: number[];
}

/**
 * Runs `rounds` rounds with measure `m` held at each level that stops
 * something, every other measure off, no orders and no scripted events.
 * An outcome (a side backing down) is ignored so the curve runs to the end.
 */
export function runAtLevels(sc: Scenario, m: number, rounds: number): LevelRun[] {
  const def = sc.measures[m]!;
  const actor: Role = def.bloc;
  const target = other(actor);
  const out: LevelRun[] = [];
  def.levels.forEach((lv, level) => {
    if (level === 0 || (lv.intensity === 0 && lv.tariff === 0)) return;
    const held: Scenario = { ...sc, startLevels: { [def.id]: level }, events: [], rounds };
    let st: SimState = initialState(held, `explain/${def.id}/${level}`);
    const run: LevelRun = { level, name: lv.name, harm: [], cost: [], substituted: [], buffer: [] };
    for (let r = 0; r < rounds; r++) {
      st = step(held, st, {}).state;
      run.harm.push(st.lastPain[target].harm);
      run.cost.push(st.lastPain[actor].cost);
      run.substituted.push(
        def.actsOn.reduce((s, d) => s + st.deps[d]!.substituted, 0) / Math.max(1, def.actsOn.length),
      );
      run.buffer.push(def.actsOn.length > 0 ? st.deps[def.actsOn[0]!]!.buffer : 0);
      if (st.outcome && st.outcome !== 'landing_zone') {
        st.outcome = null;
        st.outcomeRound = null;
      }
    }
    out.push(run);
  });
  return out;
}

/** Tariff axis when the ladder sets tariffs on market flows; intensity otherwise. */
export function axisOf(sc: Scenario, m: number): { axis: Axis; max: number } {
  const def = sc.measures[m]!;
  const top = Math.max(...def.levels.map((l) => l.tariff));
  const market = def.actsOn.some((d) => sc.dependencies[d]!.mechanism === 'market');
  return market && top > 0 ? { axis: 'tariff', max: top } : { axis: 'intensity', max: 1 };
}
