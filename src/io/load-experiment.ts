// Loads an experiment file (or a scenario alone, which means Monte Carlo over
// its uncertain numbers), checks every path, policy, package and metric
// against the scenario, and reports every problem with its position.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkCorrelation } from './correlation.js';
import { type Diagnostic, fileDiag, sortDiagnostics } from './diagnostics.js';
import { leversOf, loadPackage, loadPackages } from './experiment-levers.js';
import { factorGroups } from './factor-groups.js';
import { displayPath } from './files.js';
import { canonicalJson, sha256 } from './hash.js';
import { parseWith } from './load-model.js';
import { type LoadedScenario, loadScenario } from './load-scenario.js';
import { type OwnMetric, parseMetric, seriesNames } from './metric-formula.js';
import { checkOwnUncertain } from './own-uncertain.js';
import { formatPath, normalizePath, type PathSeg } from './paths.js';
import { loadPoints, type PointsTable } from './points.js';
import type { PosteriorTable } from './posterior.js';
import { err, ok, type Result } from './result.js';
import { resolveScenarioRef } from './scenario-ref.js';
import {
  allMetrics,
  DEFAULT_RUNS,
  type ExperimentDef,
  ExperimentSchema,
  expandMetrics,
  resolveDesign,
  SENSITIVITY_N,
} from './schemas/experiment.js';
import { readYamlFile, scalarShift } from './yaml-source.js';
import { type Locator, sourceLocator } from './zod-issues.js';

export type { ExperimentOptions, ExperimentPackage, Lever, LoadedExperiment } from './experiment-types.js';
export { loadPackage };

import type { ExperimentOptions, LoadedExperiment } from './experiment-types.js';

/** An experiment file, or a scenario (id or file) for plain Monte Carlo. */
export async function loadExperiment(
  ref: string,
  opts: ExperimentOptions = {},
): Promise<Result<LoadedExperiment, Diagnostic[]>> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const abs = resolve(cwd, ref);
  const read = /\.ya?ml$/.test(ref) ? await readYamlFile(abs, displayPath(abs, cwd)) : null;
  if (read && !read.ok) return read;
  if (!read || (read.value.data as { kind?: unknown } | null)?.kind !== 'experiment') {
    // A scenario alone: Monte Carlo (or the sensitivity method) over its own uncertain numbers.
    const sc = await resolveScenarioRef(ref, cwd);
    if (!sc.ok) return sc;
    const method = opts.method;
    const n = opts.runs ?? (method ? SENSITIVITY_N[method] : DEFAULT_RUNS);
    const def: ExperimentDef = {
      ...{ kind: 'experiment', id: '', scenario: sc.value, use_scenario_uncertain: true, uncertain: {} },
      ...{ levers: {}, design: { type: method ?? 'mc', n, replications: 1 }, series: false },
    };
    const nowhere: Locator = (p, key) => ({
      ...fileDiag(ref, '', ''),
      path: formatPath(key ? [...p, key] : p),
    });
    return resolveExperiment(def, null, sc.value, cwd, opts, nowhere);
  }
  const src = read.value;
  const locate = sourceLocator(src);
  const parsed = parseWith(ExperimentSchema, src.data, locate);
  if (!parsed.ok) return err(sortDiagnostics(parsed.error));
  const def = parsed.value;
  // A scenario id is looked for beside the experiment first (a student's own folder), then as usual.
  const isPath = /[/\\]|\.ya?ml$/.test(def.scenario);
  const beside = resolve(dirname(src.abs), isPath ? def.scenario : `${def.scenario}.yaml`);
  const scenarioRef = isPath || existsSync(beside) ? ok(beside) : await resolveScenarioRef(def.scenario, cwd);
  if (!scenarioRef.ok)
    return err(scenarioRef.error.map((d) => ({ ...d, ...locate(['scenario']), path: 'scenario' })));
  const shift = (path: readonly PathSeg[], offset: number) => scalarShift(src, path, offset);
  return resolveExperiment(def, src.file, scenarioRef.value, cwd, opts, locate, shift);
}

async function resolveExperiment(
  def: ExperimentDef,
  file: string | null,
  scenarioAbs: string,
  cwd: string,
  opts: ExperimentOptions,
  locate: Locator,
  shift: ColumnShift = () => 0,
): Promise<Result<LoadedExperiment, Diagnostic[]>> {
  const cache = {
    ...(opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir }),
    ...(opts.modelDirs === undefined ? {} : { modelDirs: opts.modelDirs }),
  };
  const base = await loadScenario(scenarioAbs, { cwd, ...cache, ...(opts.set ? { set: opts.set } : {}) });
  if (!base.ok) return base;
  const loaded = base.value;
  const at = (p: readonly PathSeg[]) => locate(p);
  const diags: Diagnostic[] = [];
  const packages = await loadPackages(def, scenarioAbs, cwd, locate, diags, cache);
  const own = await checkOwnUncertain(def.uncertain, scenarioAbs, cwd, opts.modelDirs ?? [], (k) =>
    locate(['uncertain'], k),
  );
  diags.push(...own.diagnostics);
  const mine = new Set(own.params.map((p) => p.path));
  const uncertain = [
    ...(def.use_scenario_uncertain ? loaded.uncertain.filter((p) => !mine.has(p.path)) : []),
    ...own.params,
  ];
  for (const p of packages)
    for (const key of Object.keys(p.set))
      if (uncertain.some((u) => u.path === normalizePath(key)))
        diags.push({
          ...locate(['levers', 'packages', p.name, 'set'], key),
          code: 'experiment/conflict',
          message: `package "${p.name}" sets "${key}", which is also uncertain: remove one of them`,
        });
  const levers = leversOf(def, loaded, opts.players ?? {}, locate, diags);
  const ownMetrics = ownMetricsOf(def, loaded, locate, shift, diags);
  const metrics = expandMetrics(
    def.metrics?.map((m) => (typeof m === 'string' ? m : null)),
    loaded.scenario.states.map((s) => s.id),
    opts.ensureMetrics,
    { target: loaded.scenario.blocs.target.id, coercer: loaded.scenario.blocs.coercer.id },
    ownMetrics.map((m) => m.name),
  );
  const ownNames = new Set(ownMetrics.map((m) => m.name));
  metrics.list = [...metrics.list.filter((m) => !ownNames.has(m)), ...ownNames];
  for (const m of metrics.problems)
    diags.push({
      ...(m.index < 0 ? fileDiag('--metric', '', '') : locate(['metrics', m.index])),
      code: 'experiment/metric',
      message: m.message,
    });
  const design = resolveDesign(
    def.design,
    opts,
    uncertain.map((u) => u.path),
  );
  for (const d of design.problems)
    diags.push({
      ...(d.flag ? fileDiag(d.flag, '', '') : at(d.path)),
      code: 'experiment/design',
      message: d.message,
    });
  const groups = design.design.groups;
  if (typeof groups === 'object')
    for (const g of factorGroups(groups, uncertain).problems)
      diags.push({ ...at(['design', 'groups', ...g.at]), code: 'experiment/groups', message: g.message });
  const paths = uncertain.map((u) => u.path);
  const corr = checkCorrelation(def.correlation, paths, design.design.type, at);
  diags.push(...corr.diagnostics);
  let points: PointsTable | null = null;
  if (opts.points !== undefined) {
    if (opts.runs !== undefined)
      diags.push(fileDiag('--runs', 'cli/runs', 'the points file gives the design: leave out --runs'));
    const p = await loadPoints(opts.points, paths, { cwd, scenarioAbs, modelDirs: opts.modelDirs ?? [] });
    if (p.ok) points = p.value;
    else diags.push(...p.error);
  }
  if (diags.length > 0) return err(sortDiagnostics(diags));
  const e = {
    ...(corr.correlation && !points ? { correlation: corr.correlation } : {}),
    ...(points ? { points } : {}),
    ...{ id: def.id || loaded.scenario.id, file, scenarioAbs, loaded, packages, uncertain, levers },
    design: design.design,
    ...{ seed: opts.seed ?? def.design.seed ?? 1, metrics: metrics.list, series: def.series, locate: at },
    ownMetrics: ownMetrics,
  };
  return ok({ ...e, hash: hashOf(e) });
}

/** Columns from a scalar's start to a character offset of its value (0 where the file is not at hand). */
type ColumnShift = (path: readonly PathSeg[], offset: number) => number;

/** The `name: formula` entries of `metrics:`, each parsed against the scenario's series. */
function ownMetricsOf(
  def: ExperimentDef,
  loaded: LoadedScenario,
  locate: Locator,
  shift: ColumnShift,
  diags: Diagnostic[],
): OwnMetric[] {
  const sc = loaded.scenario;
  const series = seriesNames(
    [sc.blocs.target.id, sc.blocs.coercer.id],
    sc.measures.map((m) => m.id),
  );
  const builtIn = allMetrics(sc.blocs.target.id, sc.blocs.coercer.id);
  const out: OwnMetric[] = [];
  for (const [index, m] of (def.metrics ?? []).entries()) {
    if (typeof m === 'string') continue;
    const [name, formula] = Object.entries(m)[0]!;
    const at = ['metrics', index, name];
    const problem = (message: string, offset = 0) => {
      const loc = locate(at);
      const col = loc.col + shift(at, offset);
      diags.push({ ...loc, col, path: `metrics.${name}`, code: 'experiment/metric', message });
    };
    if (builtIn.includes(name) || out.some((o) => o.name === name)) {
      problem(`"${name}" is already a metric; name yours differently`);
      continue;
    }
    const expr = parseMetric(formula, series);
    if ('offset' in expr) problem(expr.message, expr.offset);
    else out.push({ name, formula, expr });
  }
  return out;
}

/** SHA-256 of what the plan depends on. */
function hashOf(e: Omit<LoadedExperiment, 'hash'>): string {
  return sha256(
    canonicalJson({
      id: e.id,
      scenario: e.loaded.hash,
      packages: e.packages.map((p) => [p.name, p.set, p.loaded.hash]),
      uncertain: e.uncertain.map((u) => [u.path, u.dist]),
      levers: e.levers,
      design: e.design,
      seed: e.seed,
      // Only when present, so that the hashes of experiments without them stay as they were.
      correlation: e.correlation ?? undefined,
      points: e.points?.hash,
      metrics: e.metrics,
      series: e.series,
      ...(e.ownMetrics.length > 0 ? { own: e.ownMetrics.map((m) => [m.name, m.formula]) } : {}),
    }),
  );
}

/**
 * The experiment with its runs drawing parameters from a posterior: the
 * posterior's paths leave the uncertain numbers (a calibrated value wins over
 * a sampled one), and the hash covers the posterior.
 */
export function withPosterior(e: LoadedExperiment, t: PosteriorTable): LoadedExperiment {
  const taken = new Set(t.paths);
  return {
    ...e,
    uncertain: e.uncertain.filter((u) => !taken.has(u.path)),
    posterior: t,
    hash: sha256(canonicalJson({ experiment: e.hash, posterior: t.hash })),
  };
}
