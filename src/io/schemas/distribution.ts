// Probability distributions for uncertain numbers (Monte Carlo). Each check
// has its own message so a student sees which bound is wrong.
import * as z from 'zod';
import { plain } from './range.js';

const finite = plain();
const positive = plain({ gt: 0 });

const Uniform = z
  .strictObject({ type: z.literal('uniform'), min: finite, max: finite })
  .superRefine((d, ctx) => {
    if (!(d.min < d.max))
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `max (${d.max}) must be greater than min (${d.min})`,
      });
  })
  .describe('Every value between min and max equally likely.');

const Triangular = z
  .strictObject({ type: z.literal('triangular'), min: finite, mode: finite, max: finite })
  .superRefine((d, ctx) => {
    if (!(d.min < d.max))
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `max (${d.max}) must be greater than min (${d.min})`,
      });
    else if (d.mode < d.min || d.mode > d.max)
      ctx.addIssue({
        code: 'custom',
        path: ['mode'],
        message: `mode (${d.mode}) must lie between min (${d.min}) and max (${d.max})`,
      });
  })
  .describe('Most likely value at mode, falling linearly to zero at min and max.');

const Normal = z
  .strictObject({
    type: z.literal('normal'),
    mean: finite,
    sd: positive.describe('Standard deviation, > 0.'),
  })
  .describe('Bell curve around mean.');

const Lognormal = z
  .strictObject({
    type: z.literal('lognormal'),
    mu: finite.describe('Mean of the logarithm.'),
    sigma: positive.describe('Standard deviation of the logarithm, > 0.'),
  })
  .describe('exp(normal(mu, sigma)): positive and skewed to the right.');

const Beta = z
  .strictObject({
    type: z.literal('beta'),
    alpha: positive,
    beta: positive,
    min: finite.optional().describe('Lower end of the scaled range (default 0).'),
    max: finite.optional().describe('Upper end of the scaled range (default 1).'),
  })
  .superRefine((d, ctx) => {
    const min = d.min ?? 0;
    const max = d.max ?? 1;
    if (!(min < max))
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `max (${max}) must be greater than min (${min})`,
      });
  })
  .describe('Beta(alpha, beta) scaled to [min, max]; good for shares.');

const Discrete = z
  .strictObject({
    type: z.literal('discrete'),
    values: z.array(finite).min(1, { error: 'values must list at least one number' }),
    weights: z
      .array(plain({ min: 0 }))
      .optional()
      .describe('Relative weights, one per value (default equal).'),
  })
  .superRefine((d, ctx) => {
    if (!d.weights) return;
    if (d.weights.length !== d.values.length)
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `weights must have one entry per value (${d.values.length} values, ${d.weights.length} weights)`,
      });
    else if (!(d.weights.reduce((a, b) => a + b, 0) > 0))
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'weights must sum to more than 0' });
  })
  .describe('One of the listed values, drawn with the given weights.');

export const DistributionSchema = z
  .discriminatedUnion('type', [Uniform, Triangular, Normal, Lognormal, Beta, Discrete])
  .meta({
    id: 'distribution',
    description: 'A probability distribution: uniform, triangular, normal, lognormal, beta or discrete.',
  });

export type Distribution = z.infer<typeof DistributionSchema>;

/** Smallest and largest value a distribution can produce (infinite for normal, lognormal's upper end). */
export function support(d: Distribution): [number, number] {
  switch (d.type) {
    case 'uniform':
    case 'triangular':
      return [d.min, d.max];
    case 'beta':
      return [d.min ?? 0, d.max ?? 1];
    case 'discrete':
      return [Math.min(...d.values), Math.max(...d.values)];
    case 'normal':
      return [-Infinity, Infinity];
    case 'lognormal':
      return [0, Infinity];
  }
}
