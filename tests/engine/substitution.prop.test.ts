// The substitution step (models/formulas.yaml `substitution` and its hand-written
// twin) keeps φ in [0, 1] however long the round is against substitution_years:
// a three-month round on a flow replaced in 0.1 years once put φ above 1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parse } from 'yaml';
import { FORMULA_VARS } from '../../src/engine/formula-roles.js';
import { HAND_FORMULAS } from '../../src/engine/hand-formulas.js';
import { compileFormula } from '../../src/model/formula.js';
import { ROOT } from '../io/project.js';

const shipped = parse(readFileSync(join(ROOT, 'models/formulas.yaml'), 'utf8')) as {
  formulas: { substitution: { expr: string } };
};
const c = compileFormula(shipped.formulas.substitution.expr, FORMULA_VARS.substitution);
if (!c.ok) throw new Error('substitution does not compile');
const forms = { shipped: c.fn as (...x: number[]) => number, hand: HAND_FORMULAS.substitution };

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const dt = fc.double({ min: 0, max: 5, noNaN: true });
const years = fc.double({ min: 0.01, max: 30, noNaN: true });

describe('substitution', () => {
  for (const [name, f] of Object.entries(forms)) {
    test.prop([unit, dt, years, unit])(`${name}: φ stays in [φ, 1] for any round length`, (phi, d, y, e) => {
      const next = f(phi, d, y, e);
      expect(next).toBeGreaterThanOrEqual(phi - 1e-12);
      expect(next).toBeLessThanOrEqual(1 + 1e-12);
    });
  }

  test.prop([unit, unit])(
    'a round three times substitution_years at full effort replaces all that is left',
    (phi, e) => {
      expect(forms.shipped(phi, 0.75, 0.25, 1)).toBeCloseTo(1, 12);
      expect(forms.hand(phi, 0.3, 0.1, Math.max(e, 0.5))).toBeCloseTo(1, 12);
    },
  );
});
