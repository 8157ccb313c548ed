// projectChange (a one-measure change scored against a cached base projection)
// against the full projection of the changed levels (projectCosts).
//
// What projectChange approximates. The full projection runs every flow
// forward together, and the pain each bloc feels in projected round k (the
// sum over all flows) sets its substitution effort on every flow it is
// learning in round k + 1. projectChange keeps the base projection's per-flow
// contributions and re-projects only the flows the changed measure acts on,
// but along the *base* levels' pain path. Everything else is the same
// arithmetic (flows at rest are skipped in both, and contribute exactly 0).
// So the two differ only through substitution effort:
//
//   * exact when the horizon is 1 or 2 rounds: the pain path's first entry is
//     the state's last-round pain in both, and the second entry first moves
//     φ that is used in round 3;
//   * exact when no flow is learning under the changed levels (no measure on
//     it at level ≥ 1): the pain path is then never read;
//   * exact when effort does not depend on pain (base effort 1 for both blocs);
//   * exact when the move keeps the level (the base itself is returned).
//
// The bound in general. Effort lies in [base, 1) for any pain ≥ 0, and with the
// default formulas each flow's discounted harm and cost are monotone in the
// path of φ (cut, buffer draw, availability and market terms are monotone in
// φ; φ' is increasing in φ and in effort). So each learning flow's contribution
// — in projectChange and in the full projection alike — lies between its
// values with effort held at `base` and at 1 from projected round 2 on (round
// 1 uses the state's own pain in both). Per bloc b:
//
//   |projectChange_b − projectCosts_b| ≤ Σ_{d learning, target b} |harm_d(e=1) − harm_d(e=base)|
//                                      + Σ_{d learning, actor b}  |cost_d(e=1) − cost_d(e=base)|
//
// (the "substitution envelope"). Over runs of the mini scenario and of
// rare-earths-2025 the observed difference reaches about 20-30% of it, and up
// to ~20% of the full projection when that is small; it is not a rounding error.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { actorOf, advanceDep, newFlowOut, restrict, targetOf } from '../../src/engine/economics.js';
import { initialState, runGame, step } from '../../src/engine/index.js';
import { layoutOf } from '../../src/engine/layout.js';
import { learningFlags } from '../../src/engine/negotiation.js';
import {
  type Projection,
  type ProjectionInput,
  pctOfGdp,
  projectChange,
  projectCosts,
} from '../../src/engine/projection.js';
import type { DepState } from '../../src/engine/state.js';
import type { Scenario } from '../../src/engine/types.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runSeed } from '../../src/rng/streams.js';
import { miniScenario } from '../helpers/mini-scenario.js';

const loaded = await loadScenario('rare-earths-2025', { cwd: process.cwd() });
if (!loaded.ok) throw new Error(loaded.error.map((d) => d.message).join('\n'));
const RARE_EARTHS = loaded.value.scenario;
const MINI = miniScenario();

const ROLES = ['target', 'coercer'] as const;

/** A fresh copy: the projection caches by the identity of `deps`, so each call below gets its own. */
const fresh = (input: ProjectionInput): ProjectionInput => ({
  deps: input.deps.map((d) => ({ ...d })),
  lastPain: { target: { ...input.lastPain.target }, coercer: { ...input.lastPain.coercer } },
});

/** The full projection of `levels` with measure m at `level`, from an uncached input. */
function full(
  sc: Scenario,
  input: ProjectionInput,
  levels: readonly number[],
  m: number,
  level: number,
  h: number,
) {
  const trial = levels.slice();
  trial[m] = level;
  return projectCosts(sc, fresh(input), trial, h);
}

/** The substitution envelope (see the header): per bloc, what effort between base and 1 could move. */
function envelope(sc: Scenario, input: ProjectionInput, trial: readonly number[], h: number): Projection {
  const learning = learningFlags(sc, trial, []);
  const out = { target: 0, coercer: 0 };
  const yearFactor = 12 / sc.roundMonths;
  sc.dependencies.forEach((def, d) => {
    if (!learning[d]) return;
    const own = input.lastPain[def.dependent];
    const p0 = pctOfGdp(own.harm + own.cost, sc.blocs[def.dependent].gdp, yearFactor);
    const t = targetOf(def.mechanism, def.supplier, def.dependent);
    const a = actorOf(def.mechanism, def.supplier, def.dependent);
    const along = (pain: number) => {
      const dep: DepState = { ...input.deps[d]! };
      restrict(sc, layoutOf(sc).measuresOn[d]!, trial, dep);
      const flow = newFlowOut(sc);
      let fT = 1;
      let fA = 1;
      let harm = 0;
      let cost = 0;
      for (let k = 0; k < h; k++) {
        advanceDep(sc, d, dep, k === 0 ? p0 : pain, true, sc.params.g7Alignment, flow);
        fT *= sc.blocs[t].discount;
        fA *= sc.blocs[a].discount;
        harm += fT * flow.harm;
        cost += fA * flow.cost;
      }
      return { harm, cost };
    };
    // Pain 0 gives effort = base; pain 1e12 % of GDP gives effort 1 to 1e-12.
    const lo = along(0);
    const hi = along(1e12);
    out[t] += Math.abs(hi.harm - lo.harm);
    out[a] += Math.abs(hi.cost - lo.cost);
  });
  return out;
}

/** Equal to ~1e-9 relative (of the larger of the values compared and the base they were built from). */
function expectSame(a: Projection, b: Projection, base: Projection) {
  for (const k of ROLES) {
    const scale = Math.max(Math.abs(a[k]), Math.abs(b[k]), Math.abs(base[k]));
    expect(Math.abs(a[k] - b[k])).toBeLessThanOrEqual(1e-9 * scale + 1e-12);
  }
}

const share = fc.double({ min: 0, max: 1, noNaN: true });

/** A random state of every flow — some at rest, so the skip of flows at rest is exercised — and last-round pain. */
const inputOf = (sc: Scenario): fc.Arbitrary<ProjectionInput> =>
  fc.record({
    deps: fc.tuple(
      ...sc.dependencies.map((def) =>
        fc.oneof(
          fc.constant<DepState>({
            restriction: 0,
            tariff: 0,
            substituted: 0,
            buffer: def.bufferMonths,
            availability: 1,
          }),
          fc.record({
            restriction: fc.constant(0),
            tariff: fc.constant(0),
            substituted: share,
            buffer: fc.double({ min: 0, max: def.bufferMonths, noNaN: true }),
            availability: share,
          }),
        ),
      ),
    ),
    lastPain: fc.record({
      target: fc.record({
        harm: fc.double({ min: 0, max: 60, noNaN: true }),
        cost: fc.double({ min: 0, max: 5, noNaN: true }),
      }),
      coercer: fc.record({
        harm: fc.double({ min: 0, max: 60, noNaN: true }),
        cost: fc.double({ min: 0, max: 5, noNaN: true }),
      }),
    }),
  });

/** Levels in force (mostly off, as in play) and one move: measure m to some level of its ladder. */
const levelsAndMove = (sc: Scenario) =>
  fc
    .tuple(
      fc.tuple(
        ...sc.measures.map((m) =>
          fc.oneof(
            { arbitrary: fc.constant(0), weight: 2 },
            { arbitrary: fc.integer({ min: 0, max: m.levels.length - 1 }), weight: 1 },
          ),
        ),
      ),
      fc.nat({ max: sc.measures.length - 1 }),
      fc.nat(),
    )
    .map(([levels, m, k]) => ({ levels: levels as number[], m, level: k % sc.measures[m]!.levels.length }));

const scenarios: [string, Scenario, number][] = [
  ['the mini scenario', MINI, 300],
  ['rare-earths-2025', RARE_EARTHS, 60],
];

describe('projectChange against the full projection', () => {
  for (const [name, sc, numRuns] of scenarios) {
    describe(name, () => {
      test.prop([inputOf(sc), levelsAndMove(sc), fc.integer({ min: 1, max: 24 })], { numRuns })(
        'differs by no more than the substitution envelope',
        (input, { levels, m, level }, h) => {
          const approx = projectChange(sc, fresh(input), levels, m, level, h);
          const exact = full(sc, input, levels, m, level, h);
          const trial = levels.slice();
          trial[m] = level;
          const env = envelope(sc, input, trial, h);
          for (const k of ROLES)
            expect(Math.abs(approx[k] - exact[k])).toBeLessThanOrEqual(
              env[k] + 1e-9 * (1 + Math.abs(exact[k])),
            );
        },
      );

      test.prop([inputOf(sc), levelsAndMove(sc), fc.integer({ min: 1, max: 2 })], { numRuns })(
        'is exact over a horizon of one or two rounds',
        (input, { levels, m, level }, h) => {
          const base = projectCosts(sc, fresh(input), levels, h);
          expectSame(
            projectChange(sc, fresh(input), levels, m, level, h),
            full(sc, input, levels, m, level, h),
            base,
          );
        },
      );

      test.prop([inputOf(sc), levelsAndMove(sc), fc.integer({ min: 1, max: 24 })], { numRuns })(
        'is exact when effort does not depend on pain (base effort 1)',
        (input, { levels, m, level }, h) => {
          const eager = {
            ...sc,
            blocs: {
              target: { ...sc.blocs.target, baseEffort: 1 },
              coercer: { ...sc.blocs.coercer, baseEffort: 1 },
            },
          };
          const base = projectCosts(eager, fresh(input), levels, h);
          expectSame(
            projectChange(eager, fresh(input), levels, m, level, h),
            full(eager, input, levels, m, level, h),
            base,
          );
        },
      );

      test.prop([inputOf(sc), levelsAndMove(sc), fc.integer({ min: 1, max: 24 })], { numRuns })(
        'is exact when no flow is learning under the changed levels, and returns the base for no change',
        (input, { levels, m, level }, h) => {
          // Only measure m is on; lifting it leaves nothing learning, whatever the base's pain path was.
          const only = levels.map((_, i) => (i === m ? level : 0));
          const base = projectCosts(sc, fresh(input), only, h);
          const lifted = full(sc, input, only, m, 0, h);
          expect(
            learningFlags(
              sc,
              only.map(() => 0),
              [],
            ).some(Boolean),
          ).toBe(false);
          expectSame(projectChange(sc, fresh(input), only, m, 0, h), lifted, base);
          // No change at all: the base is returned as is.
          const here = fresh(input);
          expect(projectChange(sc, here, levels, m, levels[m]!, h)).toEqual(
            projectCosts(sc, here, levels, h),
          );
        },
      );
    });
  }

  it('really is an approximation: along a played run the difference is non-zero yet within the envelope', () => {
    const sc = MINI;
    const run = runGame(
      sc,
      runSeed(1, 0, 0),
      { target: sc.policies.graduated!, coercer: sc.policies.best_response! },
      true,
    );
    let worst = 0;
    let ratio = 0;
    for (const { state } of run.history) {
      const levels = state.measures.map((x) => x.level);
      for (let m = 0; m < sc.measures.length; m++)
        for (let level = 0; level < sc.measures[m]!.levels.length; level++) {
          const approx = projectChange(sc, fresh(state), levels, m, level, 12);
          const exact = full(sc, state, levels, m, level, 12);
          const trial = levels.slice();
          trial[m] = level;
          const env = envelope(sc, state, trial, 12);
          for (const k of ROLES) {
            const d = Math.abs(approx[k] - exact[k]);
            expect(d).toBeLessThanOrEqual(env[k] + 1e-9 * (1 + Math.abs(exact[k])));
            worst = Math.max(worst, d / Math.max(1e-9, Math.abs(exact[k])));
            if (env[k] > 1e-9) ratio = Math.max(ratio, d / env[k]);
          }
        }
    }
    // Up to about a fifth of the full projection, and a fifth of the envelope: the bound is not slack by orders.
    expect(worst).toBeGreaterThan(0.01);
    expect(ratio).toBeGreaterThan(0.05);
    expect(ratio).toBeLessThanOrEqual(1);
  });

  it('uses the cached base of the state actually given (a state stepped on is projected afresh)', () => {
    const sc = MINI;
    const s0 = initialState(sc, 's');
    const levels = s0.measures.map((x) => x.level);
    const before = projectChange(sc, s0, levels, 1, 3, 12);
    const s1 = step(sc, s0, {}).state;
    const after = projectChange(sc, s1, levels, 1, 3, 12);
    expect(after).not.toEqual(before);
    expectSame(after, projectChange(sc, fresh(s1), levels, 1, 3, 12), after);
  });

  // The base cache is keyed by the state's deps array; the scenario and the last pain are part of the key.
  it('depends on the scenario it is given, not on the one a state was first projected under', () => {
    const a = MINI;
    const b = miniScenario({ blocs: { ...a.blocs, target: { ...a.blocs.target, discount: 0.5 } } });
    const st = initialState(a, 's');
    const levels = st.measures.map((x) => x.level);
    const own = projectCosts(b, fresh(st), levels, 6);
    expect(projectCosts(a, st, levels, 6).target).not.toBeCloseTo(own.target, 3);
    expect(projectCosts(b, st, levels, 6)).toEqual(own);
  });
});
