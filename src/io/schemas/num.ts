// A calibrated number: `2`, `{ value: 2, source: "…" }` or
// `{ value: 2, assumed: true, why: "…", dist?: … }`. Used for every quantity
// in models and scenarios so that any of them can carry its provenance.
import * as z from 'zod';
import { type Distribution, DistributionSchema, rangeProblem, supportEnds } from './distribution.js';
import { plain, type Range, rangeText } from './range.js';

// Keyed by the schema's def, which clones made by .describe()/.default() share.
const numSchemas = new WeakMap<object, Range>();
const defOf = (s: z.ZodType): object => s._zod.def;

const calibrated = new Map<string, z.ZodType>();

/** Name of the shared JSON Schema definition for a range, e.g. `calibrated_min0_max1`. */
const rangeId = (r: Range) =>
  `calibrated${r.int ? '_int' : ''}${r.min !== undefined ? `_min${r.min}` : ''}${r.gt !== undefined ? `_gt${r.gt}` : ''}${r.max !== undefined ? `_max${r.max}` : ''}`
    .replace(/-/g, 'm')
    .replace(/\./g, 'p');

/** The `{ value, source | assumed+why, dist? }` form, one schema per range (a shared JSON Schema definition). */
function sourcedFor(range: Range): z.ZodType {
  const id = rangeId(range);
  const hit = calibrated.get(id);
  if (hit) return hit;
  const s = z
    .strictObject({
      value: plain(range).describe('The number itself.'),
      source: z.string().min(1).optional().describe('Where the figure comes from: document, table, date.'),
      assumed: z.literal(true).optional().describe('Set when no source gives the figure; explain in `why`.'),
      why: z.string().min(1).optional().describe('One sentence on how the assumed figure was reached.'),
      dist: DistributionSchema.optional().describe('How uncertain it is, for Monte Carlo runs.'),
    })
    .superRefine((n, ctx) => {
      if (n.source === undefined && n.assumed === undefined)
        ctx.addIssue({
          code: 'custom',
          message: 'a calibrated number needs `source:` or `assumed: true` with `why:`',
        });
      else if (n.assumed && n.why === undefined)
        ctx.addIssue({ code: 'custom', message: 'an assumed number needs `why:` (one sentence)' });
      if (n.dist) checkSupport(n.dist, range, ctx);
    })
    .meta({ id, description: `${rangeText(range)} with its source, or assumed with why` });
  calibrated.set(id, s);
  return s;
}

/** A number in `range`, plain or with its source or assumption. */
export function num(range: Range = {}) {
  const value = plain(range);
  const s = z.union([value, sourcedFor(range) as ReturnType<typeof sourcedType>]);
  numSchemas.set(defOf(s), range);
  numSchemas.set(defOf(value), range);
  return s;
}

// Only for its type: the shape `sourcedFor` builds.
const sourcedType = () =>
  z.strictObject({
    value: z.number(),
    source: z.string().optional(),
    assumed: z.literal(true).optional(),
    why: z.string().optional(),
    dist: DistributionSchema.optional(),
  });

function checkSupport(d: Distribution, range: Range, ctx: z.RefinementCtx): void {
  const message = rangeProblem(d, range);
  if (message === null) return;
  const { lo } = supportEnds(d);
  const low = message.includes('below') || message.includes(`reaches ${lo},`);
  const key =
    d.type === 'discrete'
      ? 'values'
      : d.type === 'normal' || d.type === 'lognormal'
        ? d.truncate
          ? 'truncate'
          : 'type'
        : low
          ? 'min'
          : 'max';
  ctx.addIssue({ code: 'custom', path: ['dist', key], message });
}

export type Num = z.infer<ReturnType<typeof num>>;
export type Calibrated = Exclude<Num, number>;

/** The plain value of a calibrated number. */
export const numValue = (n: Num): number => (typeof n === 'number' ? n : n.value);

/** The range of a schema made by `num` or `plain`, if it is one. */
export const numRange = (s: unknown): Range | undefined =>
  typeof s === 'object' && s !== null && '_zod' in s ? numSchemas.get(defOf(s as z.ZodType)) : undefined;

/** Replaces calibrated numbers by their values, recursively, at the type level. */
export type Plain<T> = T extends Calibrated ? number : T extends object ? { [K in keyof T]: Plain<T[K]> } : T;
