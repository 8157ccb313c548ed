// Projected discounted pain of going on with given levels, as the negotiation
// and the computer players need it thousands of times a run: the base
// projection of a state (projection-base.ts) and one-measure changes against it,
// which re-project only the flows the measure acts on.
import type { Layout } from './layout.js';
import { layoutOf } from './layout.js';
import { type Base, baseFor, type Projection, type ProjectionInput, projectDep } from './projection-base.js';
import type { Scenario } from './types.js';

export { type Projection, type ProjectionInput, pctOfGdp } from './projection-base.js';

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
  const { total } = baseFor(sc, layoutOf(sc), input, levels, horizon);
  return { target: total.target, coercer: total.coercer };
}

/** As `projectCosts` for `levels` with measure `m` set to `level`, re-projecting only the flows it acts on. */
export function projectChange(
  sc: Scenario,
  input: ProjectionInput,
  levels: readonly number[],
  m: number,
  level: number,
  horizon: number,
): Projection {
  const L = layoutOf(sc);
  const total = { target: 0, coercer: 0 };
  return changeFrom(sc, L, input, levels, baseFor(sc, L, input, levels, horizon), m, level, total);
}

/** Scores one-measure changes against one base projection (see `changeScorer`). */
export interface ChangeScorer {
  /** As `projectCosts` of the levels. */
  readonly base: Projection;
  /** As `projectChange` with measure `m` at `level`, in one object reused by the next call. */
  change(m: number, level: number): Readonly<Projection>;
}

/**
 * `projectCosts` and `projectChange` for many changes to the same levels,
 * looking the base projection up once. `levels` must not change while in use.
 */
export function changeScorer(
  sc: Scenario,
  input: ProjectionInput,
  levels: readonly number[],
  horizon: number,
): ChangeScorer {
  const L = layoutOf(sc);
  const b = baseFor(sc, L, input, levels, horizon);
  const out = { target: 0, coercer: 0 };
  return {
    base: { target: b.total.target, coercer: b.total.coercer },
    change: (m, level) => changeFrom(sc, L, input, levels, b, m, level, out),
  };
}

function changeFrom(
  sc: Scenario,
  L: Layout,
  input: ProjectionInput,
  levels: readonly number[],
  base: Base,
  m: number,
  level: number,
  total: Projection,
): Projection {
  total.target = base.total.target;
  total.coercer = base.total.coercer;
  const out = L.scratch.result;
  const actsOn = sc.measures[m]!.actsOn;
  for (let k = 0; k < actsOn.length; k++) {
    const d = actsOn[k]!;
    const sd = L.side[d]!;
    projectDep(sc, L, input, d, levels, m, level, base, out);
    if (sd.target === 0) total.target += out.harm - base.harm[d]!;
    else total.coercer += out.harm - base.harm[d]!;
    if (sd.actor === 0) total.target += out.cost - base.cost[d]!;
    else total.coercer += out.cost - base.cost[d]!;
  }
  return total;
}
