// Sobol' and Morris indices of metrics from a batch's rows. Each row is
// placed by its run id (design point and lever setting), never by its
// position; replications of a point are averaged. Lever settings are
// analysed separately; every metric comes from the same rows.
import type { Lever } from '../io/load-experiment.js';
import type { Cell, Column } from '../io/writers/columns.js';
import { deriveKey, makeRng } from '../rng/streams.js';
import { parseRunId } from './run-id.js';
import type { AnalysisDesign } from './sensitivity-design.js';
import { morrisIndices } from './stats/morris-indices.js';
import { sobolIndices } from './stats/sobol-indices.js';
import { bar, fmt, textTable } from './text-table.js';

export type Method = 'sobol' | 'morris';

export interface IndexRow {
  readonly lever: number;
  /** A parameter's path, or a group's name. */
  readonly parameter: string;
  /** sobol: S1, S1 half-width, ST, ST half-width; morris: μ, μ*, μ* half-width, σ, n. */
  readonly values: Record<string, number>;
}

export interface SensitivityResult {
  readonly method: Method;
  readonly metric: string;
  readonly rows: IndexRow[];
  readonly warnings: string[];
  /** Whether the factors are groups (their sizes in `members`, by name). */
  readonly grouped: boolean;
  readonly members: Readonly<Record<string, number>>;
}

export const BOOTSTRAP = 500;

/** The size of a plan, which MetricByPoint indexes by. */
export type Dims = Pick<AnalysisDesign, 'points' | 'levers' | 'replications'>;

/** The number a row gives for a metric: `landing` is 1 for a landing zone; null cells and failed runs are NaN. */
export function metricReader(columns: readonly Column[], metric: string): (row: readonly Cell[]) => number {
  const at = (name: string) => columns.findIndex((c) => c.name === name);
  const valueAt = at(metric === 'landing' ? 'outcome' : metric.replace(/^state:/, 'state_'));
  const errorAt = at('error');
  return (row) => {
    if (errorAt >= 0 && row[errorAt] !== null) return Number.NaN;
    const cell = row[valueAt];
    if (metric === 'landing') return cell === 'landing_zone' ? 1 : 0;
    return typeof cell === 'number' ? cell : Number.NaN;
  };
}

/** Collects the metric per (lever, design point) from rows, by run id. */
export class MetricByPoint {
  private readonly sum: Float64Array[];
  private readonly n: Uint32Array[];
  private readonly runIdAt: number;
  private readonly value: (row: readonly Cell[]) => number;

  constructor(
    private readonly plan: Dims,
    columns: readonly Column[],
    readonly metric: string,
  ) {
    this.runIdAt = columns.findIndex((c) => c.name === 'run_id');
    this.value = metricReader(columns, metric);
    this.sum = Array.from({ length: plan.levers }, () => new Float64Array(plan.points));
    this.n = Array.from({ length: plan.levers }, () => new Uint32Array(plan.points));
  }

  add(row: readonly Cell[]): void {
    const id = parseRunId(String(row[this.runIdAt]));
    if (!id || id.lever >= this.plan.levers || id.point >= this.plan.points) return;
    const y = this.value(row);
    this.sum[id.lever]![id.point]! += y;
    this.n[id.lever]![id.point]! += 1;
  }

  /** Mean over replications per design point (NaN where a run is missing or failed). */
  means(lever: number): Float64Array {
    const s = this.sum[lever]!;
    const n = this.n[lever]!;
    return s.map((v, i) => (n[i] === this.plan.replications ? v / n[i]! : Number.NaN));
  }
}

export function analyse(
  method: Method,
  metric: string,
  design: AnalysisDesign,
  y: MetricByPoint,
  seed: number,
): SensitivityResult {
  const rows: IndexRow[] = [];
  const warnings = [...design.warnings];
  for (let l = 0; l < design.levers; l++) {
    const values = y.means(l);
    if (method === 'sobol') {
      const meta = design.saltelli!;
      const r = sobolIndices(meta, values, {
        bootstrap: BOOTSTRAP,
        rng: makeRng(deriveKey(seed, 'bootstrap', l)),
      });
      warnings.push(...r.warnings);
      for (const [i, parameter] of design.factors.entries())
        rows.push({
          lever: l,
          parameter,
          values: { S1: r.S1[i]!, S1_conf: r.S1Conf[i]!, ST: r.ST[i]!, ST_conf: r.STConf[i]! },
        });
    } else {
      const r = morrisIndices(design.morris!, values, {
        bootstrap: BOOTSTRAP,
        rng: makeRng(deriveKey(seed, 'bootstrap', 'morris', l)),
      });
      warnings.push(...r.warnings);
      for (const [i, parameter] of design.factors.entries())
        rows.push({
          lever: l,
          parameter,
          values: {
            mu: r.mu[i]!,
            mu_star: r.muStar[i]!,
            mu_star_conf: r.muStarConf[i]!,
            sigma: r.sigma[i]!,
            n: r.n[i]!,
          },
        });
    }
  }
  const key = method === 'sobol' ? 'ST' : 'mu_star';
  rows.sort((a, b) => a.lever - b.lever || (b.values[key]! || 0) - (a.values[key]! || 0));
  const members = Object.fromEntries(design.factors.map((f, i) => [f, design.members[i]!]));
  return { method, metric, rows, warnings: [...new Set(warnings)], grouped: design.grouped, members };
}

export const leverName = (l: Lever, sides: readonly [string, string]) =>
  [l.package, `${sides[0]} ${l.target}`, `${sides[1]} ${l.coercer}`].filter((x) => x !== null).join(' · ');
const f3 = (x: number) => (Number.isFinite(x) ? (Math.abs(x) < 0.0005 ? 0 : x).toFixed(3) : '—');
const pm = (v: number, c: number) => `${f3(v)} ±${f3(c)}`;
const label = (r: SensitivityResult, x: IndexRow) =>
  r.grouped ? `${x.parameter} (${r.members[x.parameter]})` : x.parameter;

/** Ranked tables with bars, one per lever setting. */
export function formatSensitivity(
  r: SensitivityResult,
  levers: readonly Lever[],
  sides: readonly [string, string],
): string {
  const out: string[] = [];
  for (let l = 0; l < levers.length; l++) {
    const rows = r.rows.filter((x) => x.lever === l);
    if (levers.length > 1) out.push(`${leverName(levers[l]!, sides)}:`);
    if (r.method === 'sobol') {
      const t = rows.map((x) => {
        const v = x.values;
        return [label(r, x), pm(v.S1!, v.S1_conf!), bar(v.S1!, 16), pm(v.ST!, v.ST_conf!), bar(v.ST!, 16)];
      });
      out.push(
        textTable(
          [[r.grouped ? 'group (numbers)' : 'parameter', 'S1 (first order)', '', 'ST (total)', ''], ...t],
          ['l', 'r', 'l', 'r', 'l'],
        ),
      );
      const sum = rows.reduce((a, x) => a + (x.values.ST! || 0), 0);
      if (sum < 0.9)
        out.push(
          `ΣST = ${f3(sum)}: the rest of the variance comes from the runs' own randomness (policies, votes, breaches), which the rows of a base sample share.`,
        );
    } else {
      const top = Math.max(...rows.map((x) => x.values.mu_star!).filter(Number.isFinite), 0);
      const t = rows.map((x) => {
        const v = x.values;
        return [
          x.parameter,
          `${fmt(v.mu_star!)} ±${fmt(v.mu_star_conf!)}`,
          bar(top > 0 ? v.mu_star! / top : 0, 20),
          fmt(v.mu!),
          fmt(v.sigma!),
        ];
      });
      out.push(
        textTable([['parameter', 'μ* ±95% (bootstrap)', '', 'μ', 'σ'], ...t], ['l', 'r', 'l', 'r', 'r']),
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** The indices as CSV rows (lever columns, parameter, indices, rank). */
export function sensitivityCsv(
  r: SensitivityResult,
  levers: readonly Lever[],
  sides: readonly [string, string],
): { header: string[]; rows: Cell[][] } {
  const names =
    r.method === 'sobol'
      ? ['S1', 'S1_conf', 'ST', 'ST_conf']
      : ['mu', 'mu_star', 'mu_star_conf', 'sigma', 'n'];
  const header = [
    'metric',
    'package',
    ...sides.map((s) => `policy_${s.toLowerCase()}`),
    ...(r.grouped ? ['group', 'members'] : ['parameter']),
    ...names,
    'rank',
  ];
  let rank = 0;
  let lever = -1;
  const rows = r.rows.map((x) => {
    rank = x.lever === lever ? rank + 1 : 1;
    lever = x.lever;
    const l = levers[x.lever]!;
    return [
      r.metric,
      l.package,
      l.target,
      l.coercer,
      x.parameter,
      ...(r.grouped ? [r.members[x.parameter]!] : []),
      ...names.map((n) => (Number.isFinite(x.values[n]) ? x.values[n]! : null)),
      rank,
    ];
  });
  return { header, rows };
}
