// One row of a batch output, ready to run again: the manifest beside the
// file says how the batch was asked for, so the experiment and its plan are
// rebuilt (and checked against the manifest's plan hash); the run id gives
// the plan position, hence the row's seed, sampled values and lever setting
// (its package's scenario, start levels included). Nothing is read from the
// row's own numbers except to check that the replay reproduces them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Policy, Role, RunResult, Scenario } from '../engine/index.js';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { type ExperimentOptions, type Lever, loadExperiment } from '../io/load-experiment.js';
import { err, ok, type Result } from '../io/result.js';
import type { Cell } from '../io/writers/columns.js';
import { formatOf } from '../io/writers/columns.js';
import { type Manifest, manifestPath, readManifest } from '../io/writers/manifest.js';
import { parameterApplier } from './apply-values.js';
import { metricCells, metricColumn } from './metrics.js';
import { makePlan } from './plan.js';
import { columnsOf, readRows } from './read-rows.js';
import { parseRunId } from './run-id.js';

export interface Replay {
  readonly runId: string;
  /** The run's seed, as the row prints it. */
  readonly seed: string;
  /** The package's scenario with the row's sampled values applied. */
  readonly scenario: Scenario;
  readonly policies: Record<Role, Policy>;
  readonly lever: Lever;
  /** Each uncertain parameter and its sampled value. */
  readonly values: readonly { path: string; value: number }[];
  /** The metrics the row recorded, by column name. */
  readonly recorded: readonly { name: string; cell: Cell }[];
  /** Metric columns where a finished replay differs from the row: name, row's cell, replay's cell. */
  differences(r: RunResult): { name: string; row: Cell; replay: Cell }[];
}

const problem = (file: string, code: string, message: string): Diagnostic[] => [
  fileDiag(file, code, message),
];

/** Rebuilds row `runId` of batch output `file` (named as given, read from `cwd`). */
export async function replayRow(
  file: string,
  runId: string,
  o: { cwd: string; cacheDir?: string },
): Promise<Result<Replay, Diagnostic[]>> {
  const at = resolve(o.cwd, file);
  const format = formatOf(file);
  if (format === null) return err(problem(file, 'cli/format', 'expected a .csv, .jsonl or .parquet file'));
  if (!existsSync(at)) return err(problem(file, 'file/unreadable', 'cannot read file (no such file)'));
  const m = readManifest(manifestPath(at));
  if (!m.ok)
    return err(problem(file, 'replay/manifest', `${m.error}: replay rebuilds the plan from the manifest`));
  const id = parseRunId(runId);
  if (!id) return err(problem('--row', 'cli/row', `expected a run id like p0-l0-r0, got "${runId}"`));
  const columns = await columnsOf(at, format);
  let row: Cell[] | null = null;
  for await (const r of readRows(at, format, columns))
    if (r[0] === runId) {
      row = r;
      break;
    }
  if (!row) return err(problem(file, 'replay/row', `has no row "${runId}"`));
  const cell = (name: string) => row[columns.findIndex((c) => c.name === name)] ?? null;
  const target = targetOf(m.value, o.cwd);
  const loaded = await loadExperiment(target, { ...optionsOf(m.value), cwd: o.cwd, ...cacheOf(o) });
  if (!loaded.ok) return loaded;
  const exp = loaded.value;
  const plan = makePlan(exp);
  if (plan.hash !== m.value.plan.hash)
    return err(
      problem(
        target,
        'replay/changed',
        `no longer gives the plan of ${file} (plan ${plan.hash.slice(0, 12)}, the manifest says ${m.value.plan.hash.slice(0, 12)}): the experiment, its scenario or models changed since the batch`,
      ),
    );
  const k = (id.point * plan.levers + id.lever) * plan.replications + id.replication;
  if (id.point >= plan.points || id.lever >= plan.levers || id.replication >= plan.replications)
    return err(problem('--row', 'cli/row', `"${runId}" is not in the plan of ${file}`));
  const spec = plan.spec(k);
  if (spec.seed !== cell('seed'))
    return err(
      problem(file, 'replay/seed', `row "${runId}" has seed ${cell('seed')}; the plan gives ${spec.seed}`),
    );
  const lever = exp.levers[spec.lever]!;
  const pkg = lever.package === null ? null : exp.packages.find((p) => p.name === lever.package);
  const base = (pkg ?? { loaded: exp.loaded }).loaded.scenario;
  const scenario = parameterApplier(base, plan.paths)(spec.values);
  const policies = { target: base.policies[lever.target]!, coercer: base.policies[lever.coercer]! };
  const names = exp.metrics.map(metricColumn);
  const cells = metricCells(exp.metrics, exp.loaded.scenario, exp.ownMetrics);
  return ok({
    runId,
    seed: spec.seed,
    scenario,
    policies,
    lever,
    values: plan.paths.map((path, j) => ({ path, value: spec.values[j]! })),
    recorded: names.map((name) => ({ name, cell: cell(name) })),
    differences: (r) => {
      const mine = cells(r);
      return names.flatMap((name, j) =>
        Object.is(mine[j], cell(name)) ? [] : [{ name, row: cell(name), replay: mine[j] ?? null }],
      );
    },
  });
}

/** The experiment or scenario the batch ran: as recorded, else as the manifest names it. */
function targetOf(m: Manifest, cwd: string): string {
  if (m.invocation) return m.invocation.target;
  return resolve(cwd, m.experiment.file ?? m.scenario.file);
}

/** The loader options that rebuild the batch's plan. */
function optionsOf(m: Manifest): ExperimentOptions {
  if (m.invocation) return { ...m.invocation.options };
  // Manifests without an invocation: the design's size and the seed are recorded; --policy is not.
  // (`sensitivity --save-runs` writes such a manifest: its design may be the method's, not the file's.)
  const d = m.plan.design as { type?: string; n?: unknown; r?: unknown };
  const n = typeof d.n === 'number' ? d.n : typeof d.r === 'number' ? d.r : undefined;
  const method = d.type === 'sobol' || d.type === 'morris' ? { method: d.type as 'sobol' | 'morris' } : {};
  return { seed: m.seed, ...method, ...(n === undefined || d.type === 'grid' ? {} : { runs: n }) };
}

const cacheOf = (o: { cacheDir?: string }) => (o.cacheDir === undefined ? {} : { cacheDir: o.cacheDir });
