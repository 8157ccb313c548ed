// An episode's `expect:` block: what history recorded, which a hindcast
// compares the model's runs with. Every expectation carries its source.
import * as z from 'zod';
import { id, StateCode, text } from './common.js';
import { plain } from './range.js';

export const OUTCOME_CLASSES = [
  'landing_zone',
  'target_backs_down',
  'coercer_backs_down',
  'stalemate',
  'spiral',
] as const;

export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

const month = /^\d{4}-(0[1-9]|1[0-2])$/;
const round = plain({ int: true, min: 1 });

export const ExpectedBallotsSchema = z
  .strictObject({
    measure: id('measure').describe('The proposal voted on.'),
    round: round.describe('The round of the vote: the ballots are those the model predicts after it.'),
    votes: z
      .record(StateCode, z.enum(['for', 'against', 'abstain']))
      .describe('Every member state’s recorded ballot.'),
    source: text('Where the ballots are recorded.'),
  })
  .describe('A Council vote the model must predict, state by state.');

export const ExpectedSeriesSchema = z
  .strictObject({
    dependency: id('dependency').describe('The flow whose volume is compared.'),
    quantity: z
      .literal('volume_index')
      .describe('The share of the flow let through, 100 × (1 − restriction); 100 = the flow at rest.'),
    values: z
      .record(z.string().regex(month, { error: 'expected a month as YYYY-MM' }), z.number().min(0).max(1000))
      .refine((v) => Object.keys(v).length > 0, { error: 'give at least one month' })
      .describe('Month → the recorded value.'),
    tolerance: z.number().positive().describe('Mean absolute error allowed, in the units of the values.'),
    source: text('Where the series is recorded.'),
  })
  .describe('A monthly series the model must predict.');

const outcome = z
  .enum(OUTCOME_CLASSES)
  .describe(
    'How the episode ended: a deal (landing_zone), one side giving in (target_backs_down, coercer_backs_down), no deal by the end (stalemate), or both past their tolerance at the top of the ladder (spiral).',
  );
const band = z
  .tuple([round, round])
  .refine(([lo, hi]) => lo <= hi, { error: 'rounds must be [lo, hi] with lo ≤ hi' })
  .describe('The band of rounds in which the episode ended, inclusive.');

export const AlternativeCodingSchema = z
  .strictObject({
    outcome,
    rounds: band,
    why: text('The reading of the record that gives this coding, as the file’s header states it.'),
  })
  .describe('Another coding of the same record.');

export const ExpectSchema = z
  .strictObject({
    outcome,
    rounds: band,
    source: text('Why this outcome and band: the record, with dates.'),
    alternatives: z
      .array(AlternativeCodingSchema)
      .optional()
      .describe(
        'Other codings of the record that the episode’s header gives (written before any run); the scorecard shows whether the model would pass under any of them, but never counts it.',
      ),
    ballots: ExpectedBallotsSchema.optional(),
    series: ExpectedSeriesSchema.optional(),
    in_sample: z
      .boolean()
      .describe(
        'True when some number of the model was set from this episode’s record (say which in source).',
      ),
  })
  .describe('What history recorded, for `aci-sim hindcast`.');

export type ExpectDef = z.infer<typeof ExpectSchema>;
