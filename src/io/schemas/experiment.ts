// An experiment file: a scenario, what is uncertain, the levers swept, the
// design that samples them and what each run records.
import * as z from 'zod';
import { didYouMean } from '../did-you-mean.js';
import { MAX_LEVELS, MAX_RUNS } from '../limits.js';
import { METRICS } from '../metrics-list.js';
import { normalizePath } from '../paths.js';
import { id, SideId, text } from './common.js';
import { DistributionSchema } from './distribution.js';
import { plain } from './range.js';

export { METRICS } from '../metrics-list.js';

/**
 * Metrics of one side, written with the side's id in lower case (pain_eu,
 * pain_cn_pct, substitution_us) or its role (pain_target, …).
 */
export const SIDE_METRICS = ['pain_{s}', 'pain_{s}_pct', 'substitution_{s}'] as const;

/** The metric tokens of two sides (lower-case ids), in the order a full row lists them. */
export function sideMetrics(target: string, coercer: string): string[] {
  const [t, c] = [target.toLowerCase(), coercer.toLowerCase()];
  return [
    `pain_${t}`,
    `pain_${c}`,
    `pain_${t}_pct`,
    `pain_${c}_pct`,
    `substitution_${t}`,
    `substitution_${c}`,
  ];
}

/** Every metric of a run, for two sides, in row order (the default). */
export function allMetrics(target: string, coercer: string): string[] {
  const s = sideMetrics(target, coercer);
  return [
    ...METRICS.slice(0, 3),
    ...s.slice(0, 4),
    ...METRICS.slice(3, 5),
    ...s.slice(4),
    ...METRICS.slice(5),
  ];
}

/** `name: formula`: a metric of the experiment's own (src/io/metric-formula.ts). */
const OwnMetricSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]*$/, {
      error: (iss) =>
        `invalid metric name ${JSON.stringify(iss.input)}: use a-z, 0-9 and _, starting with a letter`,
    }),
    z.string().min(1, { error: 'write a formula' }),
  )
  .refine((r) => Object.keys(r).length === 1, { error: 'one metric per entry: `- name: formula`' })
  .describe('A metric of your own: name → formula over the per-round series.');

export const DESIGN_TYPES = ['mc', 'lhs', 'grid', 'sobol', 'morris'] as const;

const count = plain({ int: true, min: 1, max: MAX_RUNS });
const levelCount = plain({ int: true, min: 1, max: MAX_LEVELS });
const policyList = z
  .array(text('A policy id.'))
  .min(1, { error: 'list at least one policy' })
  .describe('Policy ids to sweep for this side.');

const PackageSchema = z
  .strictObject({
    description: z.string().optional().describe('What the package stands for.'),
    set: z
      .record(z.string().min(1), z.union([z.number(), z.string()]))
      .default({})
      .describe('Dotted path → value, as in a scenario’s overrides (start.levels.<measure> for levels).'),
  })
  .describe('A named set of parameter and start-level overrides.');

const DesignSchema = z
  .strictObject({
    type: z.enum(DESIGN_TYPES).describe('mc, lhs, grid, sobol (Saltelli) or morris.'),
    n: count
      .optional()
      .describe('mc/lhs: points; sobol: base sample N (runs = N·(k+2)); morris: trajectories. Not for grid.'),
    replications: count
      .default(1)
      .describe('Runs per design point and lever setting, each with its own seed.'),
    levels: z
      .union([levelCount, z.record(z.string().min(1), levelCount)])
      .optional()
      .describe(
        'grid: levels per factor (one number, or path → number; default 3); morris: grid levels p (even, default 4).',
      ),
    seed: z.number().int().optional().describe('Master seed (default 1); --seed overrides it.'),
    groups: z
      .union([
        z.enum(['file', 'kind']),
        z.record(id('group'), z.array(z.string().min(1)).min(1, { error: 'list at least one path' })),
      ])
      .optional()
      .describe(
        'sobol: vary the uncertain numbers in groups (one index per group): file (the file that declares each), kind (the field it sets), or group name → paths (`*` for any characters; the rest form `other`).',
      ),
  })
  .superRefine((d, ctx) => {
    if (d.type !== 'grid' && d.n === undefined)
      ctx.addIssue({ code: 'custom', path: ['n'], message: `missing required field "n" (design ${d.type})` });
    if (d.type === 'grid' && d.n !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['n'],
        message: 'a grid has no n: its size is the product of the levels',
      });
    if (d.type === 'morris' && typeof d.levels === 'number' && d.levels % 2 !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['levels'],
        message: `morris needs an even number of levels (got ${d.levels})`,
      });
    if (d.groups !== undefined && d.type !== 'sobol')
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: `groups are for a sobol design (got ${d.type})`,
      });
    if (d.type === 'morris' && typeof d.levels === 'object')
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'morris takes one number of levels' });
  })
  .describe('How the uncertain parameters are sampled.');

export const ExperimentSchema = z
  .strictObject({
    kind: z.literal('experiment'),
    id: id('experiment').describe('Names the outputs.'),
    title: z.string().optional().describe('One-line title.'),
    description: z.string().optional().describe('The question the experiment answers.'),
    scenario: text('Scenario id, or a path relative to this file.'),
    use_scenario_uncertain: z
      .boolean()
      .default(true)
      .describe("Also sample the scenario's own uncertain numbers (default true)."),
    uncertain: z
      .record(z.string().min(1), DistributionSchema)
      .default({})
      .describe('Dotted path → distribution; adds to (or replaces) the scenario’s uncertain numbers.'),
    levers: z
      .strictObject({
        policies: z
          .record(SideId, policyList)
          .optional()
          .describe('Policies to sweep per side; a side left out keeps the scenario’s player.'),
        packages: z
          .record(id('package'), PackageSchema)
          .optional()
          .describe('Named packages of overrides, each run against every design point.'),
      })
      .default({})
      .describe('Choices compared across the same futures (common random numbers).'),
    design: DesignSchema,
    correlation: z
      .strictObject({
        parameters: z
          .array(z.string().min(1))
          .min(2, { error: 'list at least two uncertain parameters' })
          .describe('Uncertain parameter paths, in the order of the matrix rows.'),
        matrix: z
          .array(z.array(z.number()))
          .describe('Rank (Spearman) correlations: symmetric, 1 on the diagonal, positive definite.'),
      })
      .optional()
      .describe('Rank correlation between uncertain inputs, imposed on an mc or lhs design by Iman–Conover.'),
    metrics: z
      .array(z.union([z.string().min(1), OwnMetricSchema]))
      .min(1, { error: 'list at least one metric' })
      .optional()
      .describe(
        `What each run records: ${METRICS.join(', ')}, ${SIDE_METRICS.join(', ')} (s: a side's id in lower case, or target/coercer), state:<code> or state:* (default: all); or \`name: formula\`, a metric of your own over the run's per-round series (docs/RESEARCH.md).`,
      ),
    series: z.boolean().default(false).describe('Also write one row per run and round to a second file.'),
  })
  .describe('An aci-sim experiment: scenario, uncertain parameters, levers, design and metrics.');

export type ExperimentDef = z.infer<typeof ExperimentSchema>;
export type DesignDef = ExperimentDef['design'];

/**
 * Metric tokens with `state:*` expanded and each checked; `ensure` (sensitivity --metric) is added
 * (`landing` needs `outcome`), its unknown names reported with index -1.
 */
export function expandMetrics(
  tokens: readonly (string | null)[] | undefined,
  states: readonly string[],
  ensure: readonly string[] | undefined,
  sides: { readonly target: string; readonly coercer: string },
  own: readonly string[] = [],
): { list: string[]; problems: { index: number; message: string }[] } {
  const known = [...allMetrics(sides.target, sides.coercer), ...sideMetrics('target', 'coercer')];
  const ALL_METRICS = [...allMetrics(sides.target, sides.coercer), 'state:*'];
  const list: string[] = [];
  const problems: { index: number; message: string }[] = [];
  const add = (m: string) => {
    if (!list.includes(m)) list.push(m);
  };
  const check = (m: string, index: number, also: readonly string[]): boolean => {
    const code = m.startsWith('state:') ? m.slice(6) : null;
    if (code !== null && (states.includes(code) || code === '*')) return true;
    if (code !== null)
      problems.push({
        index,
        message: `unknown member state "${code}"${didYouMean(code, states)} (states: ${states.join(', ')})`,
      });
    else if (known.includes(m) || also.includes(m)) return true;
    else
      problems.push({
        index,
        message: `unknown metric "${m}"${didYouMean(m, [...also, ...known])} (metrics: ${[...also, ...allMetrics(sides.target, sides.coercer)].join(', ')}, state:<code>${index < 0 ? '' : ', state:*'})`,
      });
    return false;
  };
  for (const [index, m] of (tokens ?? ALL_METRICS).entries()) {
    if (m === null) continue; // a metric of the experiment's own
    if (m === 'state:*') for (const s of states) add(`state:${s}`);
    else if (check(m, index, [])) add(m);
  }
  // A role in an ensured metric names the side by its id (pain_target → pain_eu).
  const byId = (m: string) =>
    m
      .replace(/_target\b/, `_${sides.target.toLowerCase()}`)
      .replace(/_coercer\b/, `_${sides.coercer.toLowerCase()}`);
  for (const m of ensure ?? [])
    if (own.includes(m)) add(m);
    else if (m !== 'state:*' && check(m, -1, ['landing', ...own])) add(m === 'landing' ? 'outcome' : byId(m));
  return { list, problems };
}

/** Monte Carlo runs of a scenario given alone. */
export const DEFAULT_RUNS = 1000;
/** Default n of a design made for `sensitivity` when none is given. */
export const SENSITIVITY_N = { sobol: 64, morris: 20 } as const;

export interface DesignProblem {
  /** Where in the experiment, or the flag at fault. */
  readonly path: readonly (string | number)[];
  readonly flag?: string;
  readonly message: string;
}

/** The design with --runs and a sensitivity method applied, checked against the uncertain paths. */
export function resolveDesign(
  asked: DesignDef,
  opts: { runs?: number; method?: 'sobol' | 'morris'; groups?: 'file' | 'kind' | 'none' },
  paths: readonly string[],
): { design: DesignDef; problems: DesignProblem[] } {
  const d = withGroups(withMethod(asked, opts.method), opts.groups);
  const problems: DesignProblem[] = [];
  if (d.type !== 'mc' && paths.length === 0)
    problems.push({
      path: ['design', 'type'],
      message: `design ${d.type} needs at least one uncertain parameter (uncertain: is empty)`,
    });
  if (opts.runs !== undefined && d.type === 'grid')
    problems.push({
      path: [],
      flag: '--runs',
      message: 'a grid design has no n: its size is the product of its levels',
    });
  if (d.type === 'grid' && typeof d.levels === 'object')
    for (const key of Object.keys(d.levels))
      if (!paths.includes(normalizePath(key) ?? key))
        problems.push({
          path: ['design', 'levels', key],
          message: `"${key}" is not an uncertain parameter of this experiment${didYouMean(key, paths)}`,
        });
  return { design: opts.runs === undefined || d.type === 'grid' ? d : { ...d, n: opts.runs }, problems };
}

/** --groups: file or kind replaces the design's groups, none drops them (a design that is not sobol keeps none). */
function withGroups(d: DesignDef, groups: 'file' | 'kind' | 'none' | undefined): DesignDef {
  if (groups === undefined || d.type !== 'sobol') return d;
  const { groups: _, ...rest } = d;
  return groups === 'none' ? rest : { ...rest, groups };
}

/** The experiment's design, or the sensitivity method's design of the same size. */
function withMethod(d: DesignDef, method: 'sobol' | 'morris' | undefined): DesignDef {
  if (!method || method === d.type) return d;
  const levels =
    method === 'morris' && typeof d.levels === 'number' && d.levels % 2 === 0 ? { levels: d.levels } : {};
  const seed = d.seed === undefined ? {} : { seed: d.seed };
  const groups = method === 'sobol' && d.groups !== undefined ? { groups: d.groups } : {};
  return {
    ...{ type: method, n: d.n ?? SENSITIVITY_N[method], replications: d.replications },
    ...{ ...levels, ...seed, ...groups },
  };
}
