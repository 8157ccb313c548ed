// The tariff economics of the shipped formulas (models/formulas.yaml) and of their hand-written
// twin (src/engine/hand-formulas.ts), stated as properties over the whole admissible domain:
// τ ≥ 0, ε > 0, margin and incidence in [0, 1]. See docs/MODEL.md §6.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parse } from 'yaml';
import { FORMULA_ROLES, FORMULA_VARS, type FormulaRole } from '../../src/engine/formula-roles.js';
import { HAND_FORMULAS } from '../../src/engine/hand-formulas.js';
import { type CompiledFormula, compileFormula } from '../../src/model/formula.js';
import { ROOT } from '../io/project.js';

const shipped = parse(readFileSync(join(ROOT, 'models/formulas.yaml'), 'utf8')) as {
  formulas: Record<FormulaRole, { expr: string }>;
};

function compiled(role: FormulaRole): CompiledFormula {
  const r = compileFormula(shipped.formulas[role].expr, FORMULA_VARS[role]);
  if (!r.ok) throw new Error(`${role}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.fn;
}

type Fns = {
  name: string;
  tradeDrop: (tau: number, eps: number) => number;
  harm: (value: number, dt: number, drop: number, margin: number, tau: number, s: number) => number;
  cost: (
    value: number,
    dt: number,
    drop: number,
    tau: number,
    s: number,
    deadweight: number,
    switching: number,
  ) => number;
};

const SETS: Fns[] = [
  {
    name: 'models/formulas.yaml',
    tradeDrop: compiled('trade_drop'),
    harm: compiled('market_harm'),
    cost: compiled('market_cost'),
  },
  {
    name: 'hand-formulas.ts',
    tradeDrop: HAND_FORMULAS.trade_drop,
    harm: HAND_FORMULAS.market_harm,
    cost: HAND_FORMULAS.market_cost,
  },
];

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const tau = fc.double({ min: 0, max: 20, noNaN: true });
const eps = fc.double({ min: 1e-6, max: 20, noNaN: true });
const value = fc.double({ min: 0, max: 1000, noNaN: true });
const dt = fc.double({ min: 1 / 120, max: 1, noNaN: true });
/** Room for floating-point rounding, relative to the size of the bound. */
const slack = (x: number) => 1e-12 * Math.max(1, Math.abs(x));

describe.each(SETS)('tariff economics: $name', (f) => {
  test.prop([value, dt, tau, eps, unit, unit])(
    'the exporter never loses more than its margin on the flow (value·dt·margin), and never gains',
    (v, d, t, e, margin, s) => {
      const harm = f.harm(v, d, f.tradeDrop(t, e), margin, t, s);
      expect(harm).toBeGreaterThanOrEqual(0);
      expect(harm).toBeLessThanOrEqual(v * d * margin + slack(v * d));
    },
  );

  test.prop([value, dt, unit, tau, unit, unit])(
    'the bound holds for any drop, tariff and quantity restriction together',
    (v, d, drop, t, margin, s) => {
      const harm = f.harm(v, d, drop, margin, t, s);
      expect(harm).toBeGreaterThanOrEqual(0);
      expect(harm).toBeLessThanOrEqual(v * d * margin + slack(v * d));
    },
  );

  test.prop([value, dt, tau, tau, eps, unit, unit])(
    'harm is non-decreasing in the tariff τ ≥ 0',
    (v, d, t1, t2, e, margin, s) => {
      const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
      const a = f.harm(v, d, f.tradeDrop(lo, e), margin, lo, s);
      const b = f.harm(v, d, f.tradeDrop(hi, e), margin, hi, s);
      expect(b).toBeGreaterThanOrEqual(a - slack(a));
    },
  );

  test.prop([value, dt, tau, eps, eps, unit, unit])(
    'harm is non-decreasing in the elasticity ε > 0',
    (v, d, t, e1, e2, margin, s) => {
      const [lo, hi] = e1 <= e2 ? [e1, e2] : [e2, e1];
      const a = f.harm(v, d, f.tradeDrop(t, lo), margin, t, s);
      const b = f.harm(v, d, f.tradeDrop(t, hi), margin, t, s);
      expect(b).toBeGreaterThanOrEqual(a - slack(a));
    },
  );

  test.prop([value, dt, tau, eps, unit, unit, unit])(
    "the importer's cost is non-negative and non-decreasing in τ, for any deadweight_share and switching_cost in [0, 1]",
    (v, d, t, e, s, dw, sw) => {
      const c = f.cost(v, d, f.tradeDrop(t, e), t, s, dw, sw);
      expect(c).toBeGreaterThanOrEqual(0);
      const c2 = f.cost(v, d, f.tradeDrop(t * 1.5 + 0.01, e), t * 1.5 + 0.01, s, dw, sw);
      expect(c2).toBeGreaterThanOrEqual(c - slack(c));
    },
  );

  test.prop([value, dt, unit, tau, unit])(
    'an exporter that absorbs nothing (incidence 0) loses exactly its margin on the trade that stops',
    (v, d, drop, t, margin) => {
      expect(f.harm(v, d, drop, margin, t, 0)).toBeCloseTo(v * d * drop * margin, 9);
    },
  );
});

describe('the hand-written twin equals the shipped formulas', () => {
  // Variables in [0, 1] unless listed; ranges cover what the engine passes.
  const RANGE: Record<string, [number, number]> = {
    value: [0, 500],
    criticality: [0, 100],
    tau: [0, 5],
    elasticity: [0.01, 10],
    years: [0.1, 30],
    pain: [0, 5],
    tolerance: [0.01, 5],
    months: [0.5, 12],
    cost: [0, 5],
    pressure: [0, 3],
    solidarity: [-1, 1],
    base: [-1, 1],
    sign: [-1, 1],
  };
  for (const role of FORMULA_ROLES) {
    const vars = FORMULA_VARS[role];
    const args = fc.tuple(
      ...vars.map((v) => {
        const [min, max] = RANGE[v] ?? [0, 1];
        return fc.double({ min, max, noNaN: true });
      }),
    );
    test.prop([args])(role, (a) => {
      const want = (HAND_FORMULAS[role] as (...x: number[]) => number)(...a);
      const got = compiled(role)(...a);
      expect(got).toBeCloseTo(want, 9);
    });
  }
});
