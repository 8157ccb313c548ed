// The formulas file (every role required) and the `formulas:` override
// blocks of dependencies and measures (any role, as a plain expression).
import * as z from 'zod';
import { FORMULA_ROLES, FORMULA_VARS, type FormulaRole } from '../../engine/formula-roles.js';
import { checkFormula } from '../formula-check.js';
import { modelId, text } from './common.js';

const vars = (role: FormulaRole) => `Variables: ${FORMULA_VARS[role].join(', ')}.`;

// A bare number is a formula too (`--set formulas.cut=5`, or `cut: 0` in YAML).
const expr = (role: FormulaRole) =>
  z.preprocess(
    (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v),
    text(`Expression for "${role}". ${vars(role)}`).superRefine((src, ctx) => {
      // The formula parser reads `#` as the start of a comment, which would leave an empty or cut formula.
      if (src.includes('#')) {
        ctx.addIssue({
          code: 'custom',
          message: 'a formula has no comments: remove the "#" and what follows it',
        });
        return;
      }
      for (const m of checkFormula(src, FORMULA_VARS[role])) ctx.addIssue({ code: 'custom', message: m });
    }),
  );

const entry = (role: FormulaRole) =>
  z
    .strictObject({ expr: expr(role), about: text('What the formula means, in one or two sentences.') })
    .describe(vars(role));

function byRole<S extends z.ZodType>(make: (role: FormulaRole) => S): Record<FormulaRole, S> {
  return Object.fromEntries(FORMULA_ROLES.map((r) => [r, make(r)])) as Record<FormulaRole, S>;
}

export const FormulasFileSchema = z
  .strictObject({
    kind: z.literal('formulas'),
    id: modelId,
    formulas: z.strictObject(byRole(entry)).describe('Every named formula the engine calls, with its text.'),
  })
  .describe('The default dynamics: one expression per named formula.');

/** Per-dependency or per-measure replacements: role → expression. */
export const FormulaOverridesSchema = z
  .strictObject(byRole((r) => expr(r).optional()))
  .describe('Replaces named formulas for this dependency (or the dependencies this measure acts on).');

export type FormulasFileDef = z.infer<typeof FormulasFileSchema>;
export type FormulaOverrides = z.infer<typeof FormulaOverridesSchema>;
