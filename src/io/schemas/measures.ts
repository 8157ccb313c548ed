import * as z from 'zod';
import { id, modelId, SideId, StateCode, text } from './common.js';
import { FormulaOverridesSchema } from './formulas.js';
import { num } from './num.js';
import { plain } from './range.js';

export const LevelSchema = z
  .strictObject({
    name: text('What this level is called, e.g. "licensing".'),
    intensity: num({ min: 0, max: 1 })
      .default(0)
      .describe('Restriction (0..1) imposed on each dependency the measure acts on.'),
    tariff: num({ min: 0 }).default(0).describe('Ad-valorem tariff on market dependencies, e.g. 0.25.'),
    rung: plain({ int: true, min: 0, max: 6 }).describe('Escalation rung 0 (status quo) … 6 (economic war).'),
  })
  .describe('One step of the ladder.');

export const MeasureSchema = z
  .strictObject({
    name: text('Display name.'),
    description: z.string().default('').describe('What the measure does.'),
    legal_basis: z
      .enum(['aci', 'trade_defence', 'national', 'government', 'wider'], {
        error: (iss) =>
          iss.input === 'cn_state'
            ? 'legal basis "cn_state" is now called "government" (a measure one government decides alone)'
            : `expected one of aci, trade_defence, national, government, wider, got ${JSON.stringify(iss.input)}`,
      })
      .describe(
        "aci: a council side's Anti-Coercion Instrument; trade_defence: a council side's anti-dumping or anti-subsidy duty (committee only: adopted unless a qualified majority is against); national: one member state of a council side; government: a government side's own decision; wider: the rung a breached deal unlocks.",
      ),
    holder: StateCode.optional().describe('The member state that decides a national measure alone.'),
    category: z.string().optional().describe('ACI Annex I category, e.g. "(a) tariffs".'),
    acts_on: z.array(id('dependency')).default([]).describe('Ids of the dependencies it restricts.'),
    lead_rounds: num({ int: true, min: 0 }).default(0).describe('Rounds before it bites.'),
    reversible: z.boolean().default(true).describe('Whether it can be lifted.'),
    levels: z
      .array(LevelSchema)
      .min(1, { error: 'a measure needs at least one level' })
      .describe('The ladder above "off" (level 0 is implicit).'),
    pressure: z
      .record(StateCode, num())
      .default({})
      .describe('Member state → fall in its support score (log-odds) at full intensity.'),
    formulas: FormulaOverridesSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.legal_basis === 'national' && m.holder === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['holder'],
        message: 'a national measure needs `holder:` (the member state that decides it)',
      });
    if (m.legal_basis !== 'national' && m.holder !== undefined)
      ctx.addIssue({ code: 'custom', path: ['holder'], message: 'only a national measure has a holder' });
    m.levels.forEach((l, i) => {
      const prev = m.levels[i - 1];
      if (prev && l.rung < prev.rung)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'rung'],
          message: `rungs must not fall along the ladder: rung ${l.rung} after rung ${prev.rung}`,
        });
    });
  })
  .describe('A measure one bloc can take: a ladder of levels acting on dependencies.');

export const MeasuresFileSchema = z
  .strictObject({
    kind: z.literal('measures'),
    id: modelId,
    bloc: SideId.describe('The side that takes these measures.'),
    measures: z.record(id('measure'), MeasureSchema).describe('Measures by id.'),
  })
  .describe("One bloc's measures.");

export type LevelDef = z.infer<typeof LevelSchema>;
export type MeasureDef = z.infer<typeof MeasureSchema>;
export type MeasuresFileDef = z.infer<typeof MeasuresFileSchema>;
