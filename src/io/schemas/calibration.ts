// A calibration file (`aci-sim calibrate FILE`): the episodes to fit, the
// parameters to fit with their priors, and the settings of the ABC-SMC.
import * as z from 'zod';
import { id, text } from './common.js';
import { DistributionSchema } from './distribution.js';
import { plain } from './range.js';

const count = plain({ int: true, min: 1 });

export const CalibrateSettingsSchema = z
  .strictObject({
    particles: count.default(100).describe('Particles per population (default 100).'),
    generations: count
      .default(5)
      .describe('Populations at most, the first drawn from the prior (default 5).'),
    quantile: plain({ gt: 0, max: 1 })
      .default(0.5)
      .describe(
        'Tolerance schedule: each population accepts distances up to this weighted quantile of the last one’s (default 0.5).',
      ),
    runs: count
      .default(20)
      .describe('Runs of each episode per particle, its own uncertain numbers sampled (default 20).'),
    min_acceptance: plain({ min: 0, max: 1 })
      .default(0.02)
      .describe('Stop once a population accepts fewer than this share of its simulations (default 0.02).'),
    max_attempts: count
      .default(200)
      .describe(
        'Simulations one particle may take before the population is given up (default 200); proposals outside the prior are drawn again without a simulation.',
      ),
    seed: z.number().int().optional().describe('Master seed (default 1); --seed overrides it.'),
  })
  .describe('Settings of the ABC-SMC.');

export const CalibrationSchema = z
  .strictObject({
    kind: z.literal('calibration'),
    id: id('calibration').describe('Names the outputs.'),
    title: z.string().optional().describe('One-line title.'),
    description: z.string().optional().describe('What is fitted and why.'),
    episodes: z
      .array(text('An episode file or a folder of them, relative to this file.'))
      .min(1, { error: 'list at least one episode file or folder' })
      .describe('The hindcast episodes (scenarios with an expect: block) to fit.'),
    uncertain: z
      .record(z.string().min(1), DistributionSchema)
      .refine((u) => Object.keys(u).length > 0, { error: 'name at least one parameter to fit' })
      .describe(
        'Dotted path → prior; each path must be a number of every episode, and replaces the episode’s own value.',
      ),
    calibrate: CalibrateSettingsSchema.prefault({}),
  })
  .describe('An aci-sim calibration: episodes, priors and ABC-SMC settings.');

export type CalibrationDef = z.infer<typeof CalibrationSchema>;
export type CalibrateSettings = z.infer<typeof CalibrateSettingsSchema>;
