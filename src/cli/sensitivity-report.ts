// What `aci-sim sensitivity` prints and writes once it has the rows of a
// design (run now, or read back with --from): the indices of every metric
// from the same rows, their convergence against N (sobol), the indices as
// CSV and, with --html, the convergence charts as one page.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Method, MetricByPoint } from '../batch/sensitivity.js';
import type { AnalysisDesign } from '../batch/sensitivity-design.js';
import { writeFileAtomic } from '../io/atomic.js';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import type { Lever } from '../io/load-experiment.js';
import type { Cell, Column } from '../io/writers/columns.js';
import { csvHeader, csvRow } from '../io/writers/csv.js';
import type { CliIo } from './io.js';

export interface Analysis {
  readonly method: Method;
  readonly design: AnalysisDesign;
  readonly metrics: readonly MetricByPoint[];
  /** Outcome counts per point (shares in the convergence table), or null. */
  readonly outcomes: import('../batch/convergence.js').OutcomeByPoint | null;
  readonly levers: readonly Lever[];
  readonly sides: readonly [string, string];
  readonly seed: number;
  /** What the terminal's first line names: the experiment, or the file read. */
  readonly title: string;
  readonly out: string;
  readonly html: string | null;
  readonly quiet: boolean;
}

/** Refuses outputs that exist (without --force) before any work is done. */
export function outputsFree(files: readonly (string | null)[], force: boolean | undefined): Diagnostic[] {
  if (force) return [];
  return files
    .filter((f): f is string => f !== null && existsSync(f))
    .map((f) => fileDiag(f, 'batch/output', 'already exists; add --force to overwrite it'));
}

const ID_COLUMNS = new Set(['run_id', 'point', 'replication', 'seed', 'package', 'error']);

/** The columns of a row that are metrics (not ids, lever settings or the sampled parameters). */
export const metricColumnsOf = (columns: readonly Column[], parameters: ReadonlySet<string>): Column[] =>
  columns.filter((c) => !ID_COLUMNS.has(c.name) && !c.name.startsWith('policy_') && !parameters.has(c.name));

/** The metrics analysed by default: landing (when the outcome is recorded) and every numeric metric but a member state's. */
export function defaultMetrics(columns: readonly Column[]): string[] {
  const metrics = metricColumnsOf(columns, new Set());
  const out = metrics.some((c) => c.name === 'outcome') ? ['landing'] : [];
  for (const c of metrics) if (c.type !== 'string' && !c.name.startsWith('state_')) out.push(c.name);
  return out;
}

export async function writeAnalysis(io: CliIo, a: Analysis): Promise<void> {
  const { analyse, formatSensitivity, leverName, sensitivityCsv } = await import('../batch/sensitivity.js');
  const { design, method } = a;
  const n =
    method === 'sobol'
      ? `N = ${design.saltelli!.N} base rows`
      : `r = ${design.morris!.r} trajectories, p = ${design.morris!.p} levels`;
  const factors = design.grouped
    ? `${design.factors.length} groups of ${design.members.reduce((x, y) => x + y, 0)} numbers`
    : `${design.factors.length} parameters`;
  const runs = design.points * design.levers * design.replications;
  const csv: Cell[][] = [];
  let header: string[] = [];
  const shown = new Set(design.warnings);
  for (const y of a.metrics) {
    const result = analyse(method, y.metric, design, y, a.seed);
    for (const w of result.warnings.filter((w) => !shown.has(w))) {
      shown.add(w);
      io.stderr.write(`warning: ${y.metric}: ${w}\n`);
    }
    io.stdout.write(
      `${method === 'sobol' ? "Sobol' indices" : 'Morris elementary effects'} of ${y.metric} — ${a.title}: ${factors}, ${n}, ${runs} runs${method === 'sobol' ? ', 95% bootstrap intervals' : ''}\n\n`,
    );
    io.stdout.write(`${formatSensitivity(result, a.levers, a.sides)}\n`);
    const part = sensitivityCsv(result, a.levers, a.sides);
    header = part.header;
    csv.push(...part.rows);
  }
  const name = (l: number) => (a.levers.length > 1 ? leverName(a.levers[l]!, a.sides) : null);
  if (method === 'sobol') {
    const { convergence, formatConvergence } = await import('../batch/convergence.js');
    const report = convergence(
      design.saltelli!,
      design.factors,
      design.levers,
      a.metrics.map((y) => ({ metric: y.metric, means: (l: number) => y.means(l) })),
      a.outcomes?.recorded ? a.outcomes : null,
    );
    const table = formatConvergence(report, name);
    io.stdout.write(`${table}\n`);
    if (a.html) {
      const { convergenceHtml } = await import('../report/convergence-page.js');
      mkdirSync(dirname(a.html), { recursive: true });
      writeFileAtomic(
        a.html,
        convergenceHtml(`Convergence of the Sobol' indices — ${a.title}`, report, name, table),
      );
      if (!a.quiet) io.stderr.write(`wrote ${a.html}\n`);
    }
  }
  mkdirSync(dirname(a.out), { recursive: true });
  writeFileAtomic(
    a.out,
    csvHeader(header.map((h) => ({ name: h, type: 'string' }))) + csv.map(csvRow).join(''),
  );
  if (!a.quiet) io.stderr.write(`wrote ${a.out}\n`);
}
