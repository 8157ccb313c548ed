import * as z from 'zod';
import { id, modelId, SideId, text } from './common.js';
import { num } from './num.js';

export const BlocSchema = z
  .strictObject({
    name: text('Display name.'),
    short: text('How sentences name the side, e.g. "the EU", "China" (default: its name).').optional(),
    decides: z
      .enum(['eu_council', 'government'])
      .default('government')
      .describe(
        "eu_council: the EU's member states, the Council's qualified majority and the Anti-Coercion Instrument; government: one government (a measure applies after its lead time).",
      ),
    allies_align: z
      .boolean()
      .default(false)
      .describe(
        "Whether allies join this side's export cuts: g7_alignment then removes the other side's alternatives.",
      ),
    gdp: num({ gt: 0 }).describe('GDP, EUR bn per year.'),
    behaviour: id('profile')
      .optional()
      .describe(
        'A profile of a `behaviour` model listed by the scenario: it supplies pain_tolerance, discount (its monthly discount over the round) and misperception where the side does not write them.',
      ),
    pain_tolerance: num({ gt: 0 })
      .optional()
      .describe(
        'Annualised % of GDP beyond which the bloc seeks to de-escalate (default: its behaviour profile).',
      ),
    stakes: num({ gt: 0 })
      .optional()
      .describe(
        "What the dispute is worth to the bloc, EUR bn (a scenario that names a `demand:` sets it for its two sides from the demand's share of their GDP).",
      ),
    discount: num({ gt: 0, max: 1 })
      .optional()
      .describe('Per-round discount factor, above 0 and at most 1 (default: from its behaviour profile).'),
    misperception: num({ min: 0 })
      .optional()
      .describe(
        "Standard deviation of the log-noise on the other side's costs (default: its behaviour profile).",
      ),
    base_effort: num({ min: 0, max: 1 })
      .optional()
      .describe(
        "De-risking effort (0..1) when no pain is felt (default: the behaviour model's for the side's role, `roles:`).",
      ),
  })
  .describe('One side of the dispute.');

export const BlocsFileSchema = z
  .strictObject({
    kind: z.literal('blocs'),
    id: modelId,
    blocs: z.record(SideId, BlocSchema).describe('Sides by id; a scenario names its two under `sides:`.'),
  })
  .describe('Sides of disputes: how each decides, GDP, pain tolerance, stakes, discounting, misperception.');

export type BlocDef = z.infer<typeof BlocSchema>;
export type BlocsFileDef = z.infer<typeof BlocsFileSchema>;
