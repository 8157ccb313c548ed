// A scenario file. `models`, `start`, `rounds` and `players` are required
// unless the file `extends` another scenario; the loader checks that after
// merging, and json-schema.ts states it for editors.
import * as z from 'zod';
import { MAX_HORIZON, MAX_ROUND_MONTHS, MAX_ROUNDS, MAX_STAGE_ROUNDS } from '../limits.js';
import { id, modelId, SideId, StateCode, text } from './common.js';
import { DistributionSchema } from './distribution.js';
import { ExpectSchema } from './expect.js';
import { num, numValue } from './num.js';
import { plain, showValue } from './range.js';

/** Chosen on the hindcast library (scripts/optimism-grid.mjs, docs/CALIBRATION.md); 1 is the model as first built. */
export const OPTIMISM_DEFAULT = 0.3;

const month = (iss: { input?: unknown }) =>
  `expected a month as YYYY-MM, e.g. 2025-04, got ${showValue(iss.input)}`;
const level = plain({ int: true, min: 0 }).describe('Level number: 0 = off, 1 = the first level listed, …');

export const ParametersSchema = z
  .strictObject({
    g7_alignment: num({ min: 0, max: 1 })
      .default(0.3)
      .describe("How far the US, Japan and others align (0..1): it removes the target's alternatives."),
    horizon: num({ int: true, min: 1, max: MAX_HORIZON })
      .default(12)
      .describe(
        'Rounds each side projects ahead when weighing a deal (default 12: a year of 1-month rounds).',
      ),
    voting: z
      .enum(['deterministic', 'stochastic'])
      .default('deterministic')
      .describe('deterministic: votes follow support bands; stochastic: drawn from the seeded stream.'),
    solidarity: num().default(0).describe("Log-odds added to every member state's support."),
    vote_for: num().default(0.5).describe('Support score at or above which a state votes for.'),
    vote_against: num().default(-0.5).describe('Support score at or below which a state votes against.'),
    breach_base: num({ min: 0, max: 1 })
      .default(0.1)
      .describe('Per-round chance of breach when the snapback has no credibility (0..1).'),
    snapback_credibility: num({ min: 0, max: 1 })
      .default(0.5)
      .describe('Credibility of the snapback (0..1).'),
    patience: num({ int: true, min: 1, max: 24 })
      .default(2)
      .describe('Consecutive rounds over its pain tolerance after which a side gives in (default 2).'),
    spiral_rung: num({ int: true, min: 1, max: 6 })
      .default(5)
      .describe('Rung from which both sides over their tolerance counts as a spiral (default 5).'),
    reopen_after: num({ int: true, min: 0, max: 60 })
      .default(3)
      .describe('Rounds after a rejected ACI determination before the case may be reopened (default 3).'),
    capitulation: num({ min: 0, max: 0.5 })
      .default(0.02)
      .describe(
        "A deal that gives one side at least 1 − this of what is at stake counts as the other side backing down (default 0.02: terms q ≥ 0.98 are the target's capitulation, q ≤ 0.02 the coercer's).",
      ),
    optimism: num({ min: 0, max: 1 })
      .default(OPTIMISM_DEFAULT)
      .describe(
        `How far each side expects to prevail if the contest goes on (0..1): 1 = each expects to win everything at stake, 0 = both expect the same terms. A landing zone opens once the two sides' costs of going on, each as a share of its stakes, add up to this (default ${OPTIMISM_DEFAULT}: the middle of the values that pass the most hindcast episodes, so every episode is in sample for it; docs/CALIBRATION.md).`,
      ),
    optimism_half_life: num({ min: 0, max: 600 })
      .default(0)
      .describe(
        "Months over which each side's optimism, 1 at the outset (each sure it would win everything), halves its distance to `optimism`, as holding out teaches each the other's resolve (default 0: no fade, `optimism` from the start). Episodes that name a demand take the fitted value of models/behaviour.yaml `timing:` (docs/CALIBRATION.md).",
      ),
    futility_months: num({ gt: 0, max: 240 })
      .default(24)
      .describe(
        'Months of coercion that does not bite (the target under futility_bite of its tolerance) after which the coercer lifts its measures without a concession (default 24).',
      ),
    futility_bite: num({ min: 0, max: 1 })
      .default(0.5)
      .describe(
        "Coercion bites while the target's pain is at least this share of its tolerance (default 0.5).",
      ),
    deadweight_share: num({ min: 0, max: 1 })
      .default(0.5)
      .describe(
        "Share of the buyers' price rise times the trade that stops that the importer loses, formula market_cost (default 0.5: the Harberger deadweight triangle of a linear demand curve, textbook; 0..1).",
      ),
    switching_cost: num({ min: 0, max: 1 })
      .default(0.1)
      .describe(
        'Importer cost of moving a EUR of stopped trade to other suppliers, formula market_cost (default 0.1; assumed, no source measures it; 0..1).',
      ),
    restock_per_month: num({ gt: 0, max: 12 })
      .default(0.5)
      .describe(
        'Months of stock a supply flow rebuilds per month once the cut stops, up to buffer_months (default 0.5; assumed: stocks refill at half the rate a cut draws them; > 0, at most 12).',
      ),
    vote_noise: num({ min: 0, max: 5 })
      .default(0.5)
      .describe(
        "Scale of the logistic noise added to a state's support score when voting is stochastic (default 0.5; assumed; 0..5).",
      ),
  })
  .superRefine((p, ctx) => {
    if (numValue(p.vote_against) > numValue(p.vote_for))
      ctx.addIssue({
        code: 'custom',
        path: ['vote_against'],
        message: `vote_against (${numValue(p.vote_against)}) must not exceed vote_for (${numValue(p.vote_for)})`,
      });
  })
  .describe('Global parameters; absent ones take their defaults.');

const stage = (about: string) => num({ int: true, min: 0, max: MAX_STAGE_ROUNDS }).optional().describe(about);

export const ProcedureSchema = z
  .strictObject({
    examination: stage('Rounds for the Commission to examine the coercion (default 4 months: Art. 4).'),
    determination: stage("Rounds for the Council's determination of coercion (default 2 months: Art. 5)."),
    engagement: stage(
      'Rounds of engagement with China before measures (default 2 months, a policy choice: Art. 6).',
    ),
    committee: stage('Rounds for the comitology committee vote (default 1 month: Art. 18).'),
    appeal: z
      .tuple([
        num({ int: true, min: 0, max: MAX_STAGE_ROUNDS }),
        num({ int: true, min: 0, max: MAX_STAGE_ROUNDS }),
      ])
      .optional()
      .describe('[min, max] rounds in the appeal committee (default [1, 3]).'),
    application: stage('Rounds from adoption until the measure applies (default 3 months: Art. 8).'),
  })
  .superRefine((p, ctx) => {
    if (p.appeal && numValue(p.appeal[0]) > numValue(p.appeal[1]))
      ctx.addIssue({ code: 'custom', path: ['appeal'], message: 'appeal must be [min, max] with min ≤ max' });
  })
  .describe('Rounds each ACI stage takes; defaults follow Reg. 2023/2675, scaled to the round length.');

export const EventSchema = z
  .strictObject({
    round: plain({ int: true, min: 0 }).describe('Round at whose start the event happens.'),
    text: text('What happens, as players will read it.'),
    levels: z
      .record(id('measure'), level)
      .default({})
      .describe('Measure id → level forced at the start of the round.'),
    support: z.record(StateCode, num()).default({}).describe('Member state → change in its support score.'),
    set: z
      .record(z.string().min(1), num())
      .default({})
      .describe(
        'Dotted path → new value from this round on (parameters.*, dependencies.<id>.*, blocs.<id>.*).',
      ),
  })
  .describe('A scripted event.');

export const ScenarioSchema = z
  .strictObject({
    kind: z.literal('scenario'),
    id: id('scenario').describe('Scenario id; `aci-sim run <id>` finds scenarios/<id>.yaml.'),
    title: text('One-line title.'),
    description: z.string().optional().describe('What the scenario represents and leaves out.'),
    extends: z
      .union([id('scenario'), z.string().regex(/\.ya?ml$/)], {
        error: (iss) =>
          `invalid scenario to extend ${JSON.stringify(iss.input)}: a scenario id (letters, digits, _ and -, starting with a letter) or a path to a .yaml file`,
      })
      .optional()
      .describe(
        'Scenario to inherit from: an id (a file next to this one, else a shipped scenario) or a path to a .yaml file relative to this one. Its own fields win; overrides, uncertain and events add up.',
      ),
    models: z
      .array(modelId)
      .min(1, { error: 'list at least one model id' })
      .optional()
      .describe('Model file ids.'),
    model_dir: z.string().min(1).optional().describe('Where model files are found (default ../models).'),
    start: z
      .strictObject({
        date: z
          .string({ error: month })
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: month })
          .describe('YYYY-MM.'),
        levels: z
          .record(id('measure'), level)
          .default({})
          .describe('Measures in force at the start: id → level.'),
      })
      .optional()
      .describe('The first month and the measures already in force.'),
    rounds: plain({ int: true, min: 1, max: MAX_ROUNDS }).optional().describe('How many rounds at most.'),
    round_months: plain({ int: true, min: 1, max: MAX_ROUND_MONTHS })
      .default(1)
      .describe('Months per round.'),
    sides: z
      .strictObject({
        target: SideId.describe('The side the coercion is aimed at.'),
        coercer: SideId.describe('The side whose measures start the dispute to extract a concession.'),
      })
      .refine((s) => s.target !== s.coercer, {
        error: 'the target and the coercer must be two different sides',
      })
      .default({ target: 'EU', coercer: 'CN' })
      .describe(
        'The two sides by role (default EU the target, CN the coercer). Deal terms q run from 0 (the coercer lifts its measures for nothing) to 1 (the target concedes everything).',
      ),
    demand: id('demand')
      .optional()
      .describe(
        "The kind of the coercer's demand, a `demands:` entry of the listed behaviour model: it sets both sides' stakes as shares of their GDP (a side's stakes written in its blocs file then give way; overrides, --set and uncertain: still win).",
      ),
    players: z
      .record(SideId, text("'human' or a policy id."))
      .optional()
      .describe('Who plays each side, by side id.'),
    parameters: ParametersSchema.prefault({}),
    procedure: ProcedureSchema.prefault({}),
    overrides: z
      .record(z.string().min(1), z.union([num(), z.string()]))
      .default({})
      .describe(
        'Dotted path → value, e.g. dependencies.magnets.buffer_months: 2 (list indices count from 0).',
      ),
    uncertain: z
      .record(z.string().min(1), DistributionSchema)
      .default({})
      .describe('Dotted path → distribution, for Monte Carlo runs.'),
    events: z.array(EventSchema).default([]).describe('Scripted events by round.'),
    expect: ExpectSchema.optional(),
  })
  .describe('An aci-sim scenario: which models, the start, the players and the parameters.');

export type ScenarioDef = z.infer<typeof ScenarioSchema>;
export type EventDef = z.infer<typeof EventSchema>;
export type ParametersDef = z.infer<typeof ParametersSchema>;
export type ProcedureDef = z.infer<typeof ProcedureSchema>;

/** Fields a scenario must have once `extends` is resolved. */
export const REQUIRED_SCENARIO_FIELDS = ['models', 'start', 'rounds', 'players'] as const;
