// Probability distributions for uncertain numbers (Monte Carlo). Each check
// has its own message so a student sees which bound is wrong.
import * as z from 'zod';
import { inRange, plain, type Range, rangeText } from './range.js';

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

const Truncate = z
  .tuple([finite, finite], { error: 'truncate must be [lo, hi], two numbers' })
  .describe('Keep only values from lo to hi (the distribution conditioned on that range).');

/** truncate: lo < hi, and for a lognormal lo ≥ 0. */
const checkTruncate =
  (positiveOnly: boolean) => (d: { truncate?: [number, number] | undefined }, ctx: z.RefinementCtx) => {
    if (!d.truncate) return;
    const [lo, hi] = d.truncate;
    if (!(lo < hi))
      ctx.addIssue({
        code: 'custom',
        path: ['truncate'],
        message: `truncate: hi (${hi}) must be greater than lo (${lo})`,
      });
    else if (positiveOnly && lo < 0)
      ctx.addIssue({
        code: 'custom',
        path: ['truncate'],
        message: `truncate: a lognormal is positive, so lo (${lo}) must be ≥ 0`,
      });
  };

const Normal = z
  .strictObject({
    type: z.literal('normal'),
    mean: finite,
    sd: positive.describe('Standard deviation, > 0.'),
    truncate: Truncate.optional(),
  })
  .superRefine(checkTruncate(false))
  .describe('Bell curve around mean; unbounded unless truncated.');

const Lognormal = z
  .strictObject({
    type: z.literal('lognormal'),
    mu: finite.describe('Mean of the logarithm.'),
    sigma: positive.describe('Standard deviation of the logarithm, > 0.'),
    truncate: Truncate.optional(),
  })
  .superRefine(checkTruncate(true))
  .describe(
    'exp(normal(mu, sigma)): positive (never 0) and skewed to the right; unbounded above unless truncated.',
  );

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

/**
 * Smallest and largest value a distribution can produce (infinite for an untruncated normal, and a
 * lognormal's upper end); `open` when the lower end is approached but never reached (a lognormal's 0).
 */
export function supportEnds(d: Distribution): { lo: number; hi: number; loOpen: boolean } {
  if ((d.type === 'normal' || d.type === 'lognormal') && d.truncate)
    return { lo: d.truncate[0], hi: d.truncate[1], loOpen: d.type === 'lognormal' && d.truncate[0] === 0 };
  const [lo, hi] = support(d);
  return { lo, hi, loOpen: d.type === 'lognormal' };
}

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
      return d.truncate ? [d.truncate[0], d.truncate[1]] : [-Infinity, Infinity];
    case 'lognormal':
      return d.truncate ? [d.truncate[0], d.truncate[1]] : [0, Infinity];
  }
}

/**
 * Why a distribution can produce values outside a number's range, or null. An unbounded end is an
 * error where the number is bounded (unless truncated); a lognormal's open end at 0 suits a number > 0.
 */
/** How rangeProblem's message on a whole-number parameter begins. */
export const WHOLE_NUMBERS = 'the number takes whole numbers only';

export function rangeProblem(d: Distribution, range: Range): string | null {
  if (range.int && (d.type !== 'discrete' || !d.values.every(Number.isInteger)))
    return `${WHOLE_NUMBERS}, but a ${d.type} distribution draws fractions: use { type: discrete, values: [...] } with whole values`;
  const { lo, hi, loOpen } = supportEnds(d);
  const r = { ...range, int: false };
  const allowed = rangeText(range);
  const truncate = `add truncate: [lo, hi] to the distribution to keep it within ${allowed}`;
  const below = range.min !== undefined || range.gt !== undefined;
  if (lo === -Infinity && below)
    return `a ${d.type} distribution is unbounded below, but the number must be ${allowed}: ${truncate}`;
  if (hi === Infinity && range.max !== undefined)
    return `a ${d.type} distribution is unbounded above, but the number must be ${allowed}: ${truncate}`;
  // An open lower end: values come arbitrarily close to lo but never reach it.
  const loOk = loOpen
    ? (range.min === undefined || lo >= range.min) && (range.gt === undefined || lo >= range.gt)
    : !Number.isFinite(lo) || inRange(r, lo);
  if (!loOk) return `the distribution reaches ${lo}, outside the allowed range (${allowed})`;
  if (Number.isFinite(hi) && !inRange(r, hi))
    return `the distribution reaches ${hi}, outside the allowed range (${allowed})`;
  return null;
}
