// Formula evaluation throughput over the default formulas on realistic
// inputs: compiled closures, mathjs evaluate() (parse on every call, what a
// naive implementation does), mathjs compile-once + evaluate(scope), and the
// hand-written TypeScript reference.
import { all, create } from 'mathjs';
import { FORMULA_ROLES, FORMULA_VARS, type FormulaRole } from '../engine/formula-roles.js';
import { HAND_FORMULAS } from '../engine/hand-formulas.js';
import { makeRng } from '../rng/streams.js';
import { compileFormula } from './formula.js';

const math = create(all!, { predictable: true });
math.import({
  clamp: (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi),
  logistic: (x: number) => 1 / (1 + Math.exp(-x)),
});

/** Plausible ranges for each formula variable (what the engine passes in a run). */
const RANGE: Record<string, [number, number]> = {
  r: [0, 1],
  phi: [0, 0.6],
  alt: [0, 0.5],
  g7: [0, 1],
  value: [0.5, 60],
  dt: [1 / 12, 1 / 12],
  uncovered: [0, 1],
  criticality: [1, 30],
  divertible: [0, 0.8],
  base: [-1, 1],
  pain: [0, 2],
  tolerance: [0.1, 1],
  years: [2, 12],
  effort: [0, 1],
  avail: [0, 1],
  decay: [0, 0.1],
  recovery: [0, 0.3],
  months: [1, 1],
  lost: [0, 1],
  tau: [0, 0.6],
  elasticity: [1, 6],
  drop: [0, 1],
  margin: [0, 0.3],
  incidence: [0, 1],
  sign: [-1, 1],
  cost: [0, 1],
  pressure: [0, 1],
  solidarity: [0, 1],
  credibility: [0, 1],
};

export interface FormulaBench {
  /** Evaluations per second, per path, over all roles. */
  readonly compiled: number;
  readonly hand: number;
  readonly interpreted: number;
  readonly libraryCompiled: number;
}

type Fn = (...args: number[]) => number;
const INPUTS = 256;

/** Evaluations per second of `run(i)` over the inputs, for about `ms` milliseconds. */
function rate(evalsPerPass: number, pass: () => number, ms: number): number {
  let sink = 0;
  sink += pass(); // warm-up
  let passes = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    sink += pass();
    passes++;
    t = performance.now();
  }
  if (sink === 42.4242) console.log(''); // keep the results alive
  return (passes * evalsPerPass) / ((t - t0) / 1000);
}

export function benchFormulas(exprs: Readonly<Record<FormulaRole, string>>, ms = 600): FormulaBench {
  const rng = makeRng('bench/formula-inputs');
  const roles = FORMULA_ROLES;
  const inputs = roles.map((role) =>
    Array.from({ length: INPUTS }, () =>
      FORMULA_VARS[role].map((v) => {
        const [lo, hi] = RANGE[v] ?? [0, 1];
        return v === 'sign' ? (rng.next() < 0.5 ? -1 : 1) : lo + (hi - lo) * rng.next();
      }),
    ),
  );
  const scopes = roles.map((role, i) =>
    inputs[i]!.map((args) => Object.fromEntries(FORMULA_VARS[role].map((v, j) => [v, args[j]!]))),
  );
  const compiled = roles.map((role) => {
    const r = compileFormula(exprs[role], FORMULA_VARS[role]);
    if (!r.ok) throw new Error(`formula ${role}: ${r.errors[0]?.message}`);
    return r.fn;
  });
  const hand = roles.map((role) => HAND_FORMULAS[role] as Fn);
  const mjs = roles.map((role) => math.compile(exprs[role]));
  const perPass = roles.length * INPUTS;
  const positional = (fns: readonly Fn[]) => () => {
    let s = 0;
    for (let i = 0; i < fns.length; i++) {
      const f = fns[i]!;
      for (const a of inputs[i]!) s += f(...a);
    }
    return s;
  };
  return {
    compiled: rate(perPass, positional(compiled), ms),
    hand: rate(perPass, positional(hand), ms),
    libraryCompiled: rate(
      perPass,
      () => {
        let s = 0;
        for (let i = 0; i < mjs.length; i++) for (const sc of scopes[i]!) s += mjs[i]!.evaluate(sc) as number;
        return s;
      },
      ms,
    ),
    interpreted: rate(
      perPass,
      () => {
        let s = 0;
        for (let i = 0; i < roles.length; i++)
          for (const sc of scopes[i]!) s += math.evaluate(exprs[roles[i]!], sc) as number;
        return s;
      },
      ms,
    ),
  };
}
