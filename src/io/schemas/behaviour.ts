import * as z from 'zod';
import { id, modelId } from './common.js';
import { num } from './num.js';

/** The behaviour priors a side can name instead of writing them out (`behaviour:` on a side). */
export const BehaviourProfileSchema = z
  .strictObject({
    pain_tolerance: num({ gt: 0 }).describe('Annualised % of GDP beyond which a side seeks to de-escalate.'),
    monthly_discount: num({ gt: 0, max: 1 }).describe(
      "Discount factor per month; a side's per-round discount is this to the power of the scenario's round_months.",
    ),
    misperception: num({ min: 0 }).describe("Standard deviation of the log-noise on the other side's costs."),
  })
  .describe('Behaviour priors shared by the sides that name this profile.');

/** What the two sides' stakes are when a scenario names the kind of its demand (`demand:`). */
export const DemandSchema = z
  .strictObject({
    about: z.string().describe('Which demands are of this kind.'),
    target_stakes: num({ gt: 0 }).describe("The target's stakes, % of its GDP."),
    coercer_stakes: num({ gt: 0 }).describe("The coercer's stakes, % of its GDP."),
  })
  .describe("A kind of demand: the stakes it puts on each side, as shares of the side's GDP.");

/** Defaults for a scenario's side in a role, where its blocs file writes none. */
export const RoleDefaultsSchema = z
  .strictObject({
    base_effort: num({ min: 0, max: 1 })
      .optional()
      .describe('De-risking effort (0..1) when no pain is felt, for a side in this role.'),
  })
  .describe(
    'Defaults for the side in this role of a scenario that lists this model, where its blocs file writes none.',
  );

/** The timing of the disputes that name a demand, fitted with the demands' shares. */
export const TimingSchema = z
  .strictObject({
    optimism: num({ min: 0, max: 1 })
      .optional()
      .describe("The sides' optimism in the long run, for a scenario naming a demand that writes none."),
    optimism_half_life: num({ min: 0, max: 600 })
      .optional()
      .describe(
        "Months over which the sides' optimism halves its distance to `optimism`, for a scenario naming a demand that writes none.",
      ),
  })
  .describe(
    "Scenario parameters for the scenarios that name a demand (`demand:`) and write none: fitted with the demands' shares.",
  );

export const BehaviourFileSchema = z
  .strictObject({
    kind: z.literal('behaviour'),
    id: modelId,
    profiles: z
      .record(id('profile'), BehaviourProfileSchema)
      .describe('Profiles by id; a side names one with `behaviour: <id>`.'),
    roles: z
      .partialRecord(z.enum(['target', 'coercer']), RoleDefaultsSchema)
      .optional()
      .describe("Defaults by role (target, coercer) for the scenario's two sides."),
    demands: z
      .record(id('demand'), DemandSchema)
      .optional()
      .describe(
        "Kinds of demand by id; a scenario names one with `demand: <id>` and its sides' stakes follow.",
      ),
    timing: TimingSchema.optional(),
  })
  .describe(
    'Behaviour priors written once: pain tolerance, discounting and misperception that several sides share.',
  );

export type BehaviourProfileDef = z.infer<typeof BehaviourProfileSchema>;
export type DemandDef = z.infer<typeof DemandSchema>;
export type BehaviourFileDef = z.infer<typeof BehaviourFileSchema>;
