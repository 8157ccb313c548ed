import * as z from 'zod';
import { id, modelId, SideId, StateCode, text } from './common.js';
import { FormulaOverridesSchema } from './formulas.js';
import { num } from './num.js';

const share = (about: string) => num({ min: 0, max: 1 }).describe(about);

export const DependencySchema = z
  .strictObject({
    name: text('Display name.'),
    mechanism: z
      .enum(['supply', 'service', 'market'])
      .describe('supply: goods; service: servicing of an installed base; market: access for exports.'),
    supplier: SideId.describe('Supply/service: who provides it (and can cut it). Market: the exporter.'),
    dependent: SideId.describe('Supply/service: who needs it. Market: the importer.'),
    sector: text("Sector the dependent side's pain falls on; member states' exposure is keyed by it."),
    value: num({ min: 0 }).describe('Annual flow, EUR bn.'),
    share: share("Share of the dependent side's need met by this supplier (0..1)."),
    criticality: num({ min: 0 }).describe('Output lost downstream per EUR of input shortfall.'),
    buffer_months: num({ min: 0 }).describe('Months of stocks that cover a cut.'),
    short_run_alternatives: share('Part of a cut that other suppliers fill at once (0..1).'),
    substitution_years: num({ gt: 0 }).describe('Years to replace the flow at full effort.'),
    divertible: share('Part of lost sales the supplier can sell elsewhere (0..1).'),
    decay_per_month: share('Service: availability lost per month without service (0..1).').default(0),
    recovery_per_month: share(
      'Service: availability regained per month once service resumes (0..1).',
    ).default(0),
    elasticity: num({ min: 0 }).describe('Market: price elasticity of import demand.').default(0),
    margin: share("Market: exporter's margin on the trade (0..1).").default(0),
    exporter_incidence: share('Market: part of a tariff the exporter absorbs (0..1).').default(0),
    exposure: z
      .record(StateCode, num({ min: 0 }))
      .optional()
      .describe("Member state → weight; when absent the states' sector exposure is used."),
    formulas: FormulaOverridesSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.supplier === d.dependent)
      ctx.addIssue({
        code: 'custom',
        path: ['dependent'],
        message: `supplier and dependent are both ${d.supplier}; a dependency runs between the two blocs`,
      });
  })
  .describe('A flow from a supplier bloc to a dependent bloc that measures can restrict.');

export const DependenciesFileSchema = z
  .strictObject({
    kind: z.literal('dependencies'),
    id: modelId,
    dependencies: z.record(id('dependency'), DependencySchema).describe('Dependencies by id.'),
  })
  .describe('Flows between the blocs that measures act on.');

export type DependencyDef = z.infer<typeof DependencySchema>;
export type DependenciesFileDef = z.infer<typeof DependenciesFileSchema>;
