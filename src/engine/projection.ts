// Projected discounted pain of going on with given levels, as the negotiation
// and the computer players need it thousands of times a run. A base
// projection per state records each flow's contribution and the path of pain
// that drives substitution; a one-measure change then re-projects only the
// flows that measure acts on, with that pain path held fixed (the change's
// feedback on the other flows' substitution effort is ignored when scoring).
import { actorOf, advanceDep, atRest, lastFlow, levelsToRestriction, targetOf } from './economics.js';
import { layoutOf } from './layout.js';
import type { DepState, Pain } from './state.js';
import type { Role, Scenario } from './types.js';

export interface Projection {
  target: number;
  coercer: number;
}

/** What a projection needs of a state. */
export interface ProjectionInput {
  readonly deps: readonly DepState[];
  readonly lastPain: Readonly<Record<Role, Pain>>;
}

interface Base {
  levels: number[];
  horizon: number;
  total: Projection;
  /** Pain (annualised % GDP) felt by [target, coercer] before projected round k: painPath[2k], painPath[2k+1]. */
  painPath: Float64Array;
  /** Per flow: discounted harm to its target, discounted cost to its actor. */
  harm: Float64Array;
  cost: Float64Array;
}

const bases = new WeakMap<readonly DepState[], Base[]>();
const dep: DepState = { restriction: 0, tariff: 0, substituted: 0, buffer: 0, availability: 1 };

export const pctOfGdp = (eurBn: number, gdp: number, yearFactor: number): number =>
  (eurBn * yearFactor * 100) / gdp;

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

function learns(sc: Scenario, d: number, levels: ArrayLike<number>): boolean {
  for (const m of layoutOf(sc).measuresOn[d]!) if (levels[m]! > 0) return true;
  return false;
}

/** Projects one flow over the horizon along a given pain path; returns its discounted harm and cost. */
function projectDep(
  sc: Scenario,
  input: ProjectionInput,
  d: number,
  levels: ArrayLike<number>,
  horizon: number,
  painPath: Float64Array,
  out: { harm: number; cost: number },
): void {
  const def = sc.dependencies[d]!;
  Object.assign(dep, input.deps[d]!);
  levelsToRestriction(sc, d, levels, dep);
  const learning = learns(sc, d, levels);
  const slot = def.dependent === 'target' ? 0 : 1;
  const dT = sc.blocs[targetOf(def.mechanism, def.supplier, def.dependent)].discount;
  const dA = sc.blocs[actorOf(def.mechanism, def.supplier, def.dependent)].discount;
  let fT = 1;
  let fA = 1;
  let harm = 0;
  let cost = 0;
  for (let k = 0; k < horizon; k++) {
    advanceDep(sc, d, dep, painPath[2 * k + slot]!, learning, sc.params.g7Alignment);
    fT *= dT;
    fA *= dA;
    harm += fT * lastFlow.harm;
    cost += fA * lastFlow.cost;
  }
  out.harm = harm;
  out.cost = cost;
}

function computeBase(sc: Scenario, input: ProjectionInput, levels: ArrayLike<number>, horizon: number): Base {
  const n = sc.dependencies.length;
  const { quietAtRest, side } = layoutOf(sc);
  const harm = new Float64Array(n);
  const cost = new Float64Array(n);
  // Flows at rest stay at rest and contribute nothing: project only the others.
  const active: number[] = [];
  const deps: DepState[] = [];
  const learning: boolean[] = [];
  for (let d = 0; d < n; d++) {
    const copy = { ...input.deps[d]! };
    levelsToRestriction(sc, d, levels, copy);
    const l = learns(sc, d, levels);
    if (!l && quietAtRest[d] && atRest(sc.dependencies[d]!.bufferMonths, copy)) continue;
    active.push(d);
    deps.push(copy);
    learning.push(l);
  }
  const yearFactor = 12 / sc.roundMonths;
  const gdp = [sc.blocs.target.gdp, sc.blocs.coercer.gdp];
  const disc = [sc.blocs.target.discount, sc.blocs.coercer.discount];
  const painPath = new Float64Array(2 * horizon);
  const pain = [
    pctOfGdp(input.lastPain.target.harm + input.lastPain.target.cost, gdp[0]!, yearFactor),
    pctOfGdp(input.lastPain.coercer.harm + input.lastPain.coercer.cost, gdp[1]!, yearFactor),
  ];
  const f = [1, 1];
  const total = [0, 0];
  const round = [0, 0];
  const g7 = sc.params.g7Alignment;
  for (let k = 0; k < horizon; k++) {
    painPath[2 * k] = pain[0]!;
    painPath[2 * k + 1] = pain[1]!;
    f[0]! *= disc[0]!;
    f[1]! *= disc[1]!;
    round[0] = 0;
    round[1] = 0;
    for (let i = 0; i < active.length; i++) {
      const d = active[i]!;
      const sd = side[d]!;
      advanceDep(sc, d, deps[i]!, pain[sd.dependent]!, learning[i]!, g7);
      round[sd.target]! += lastFlow.harm;
      round[sd.actor]! += lastFlow.cost;
      harm[d]! += f[sd.target]! * lastFlow.harm;
      cost[d]! += f[sd.actor]! * lastFlow.cost;
    }
    total[0]! += f[0]! * round[0]!;
    total[1]! += f[1]! * round[1]!;
    pain[0] = pctOfGdp(round[0]!, gdp[0]!, yearFactor);
    pain[1] = pctOfGdp(round[1]!, gdp[1]!, yearFactor);
  }
  return {
    levels: Array.from(levels),
    horizon,
    total: { target: total[0]!, coercer: total[1]! },
    painPath,
    harm,
    cost,
  };
}

function baseFor(sc: Scenario, input: ProjectionInput, levels: ArrayLike<number>, horizon: number): Base {
  let list = bases.get(input.deps);
  if (!list) {
    list = [];
    bases.set(input.deps, list);
  }
  for (const b of list) if (b.horizon === horizon && same(b.levels, levels)) return b;
  const b = computeBase(sc, input, levels, horizon);
  if (list.length >= 4) list.shift();
  list.push(b);
  return b;
}

/**
 * Discounted pain (harm suffered + own cost, EUR bn) each bloc expects over
 * `horizon` rounds if the given levels stay in force. Pure: works on copies.
 */
export function projectCosts(
  sc: Scenario,
  input: ProjectionInput,
  levels: ArrayLike<number>,
  horizon: number,
): Projection {
  const { total } = baseFor(sc, input, levels, horizon);
  return { target: total.target, coercer: total.coercer };
}

const scratchOut = { harm: 0, cost: 0 };

/** As `projectCosts` for `levels` with measure `m` set to `level`, re-projecting only the flows it acts on. */
export function projectChange(
  sc: Scenario,
  input: ProjectionInput,
  levels: readonly number[],
  m: number,
  level: number,
  horizon: number,
): Projection {
  const base = baseFor(sc, input, levels, horizon);
  const total = { target: base.total.target, coercer: base.total.coercer };
  const trial = levels.slice();
  trial[m] = level;
  for (const d of sc.measures[m]!.actsOn) {
    const def = sc.dependencies[d]!;
    const t = targetOf(def.mechanism, def.supplier, def.dependent);
    const a = actorOf(def.mechanism, def.supplier, def.dependent);
    projectDep(sc, input, d, trial, horizon, base.painPath, scratchOut);
    total[t] += scratchOut.harm - base.harm[d]!;
    total[a] += scratchOut.cost - base.cost[d]!;
  }
  return total;
}
