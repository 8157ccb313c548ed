// Loads an experiment file (or a scenario alone, which means Monte Carlo over
// its uncertain numbers), checks every path, policy, package and metric
// against the scenario, and reports every problem with its position.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ROLES, type Role } from '../engine/types.js';
import { deepFreeze } from './build-scenario.js';
import { type Correlation, checkCorrelation } from './correlation.js';
import { type Diagnostic, fileDiag, sortDiagnostics } from './diagnostics.js';
import { didYouMean, listSome } from './did-you-mean.js';
import { displayPath } from './files.js';
import { canonicalJson, sha256 } from './hash.js';
import { parseWith } from './load-model.js';
import { type LoadedScenario, type LoadOptions, loadScenario } from './load-scenario.js';
import type { Loc } from './overrides.js';
import { checkOwnUncertain } from './own-uncertain.js';
import { formatPath, normalizePath, type PathSeg } from './paths.js';
import { loadPoints, type PointsTable } from './points.js';
import type { PosteriorTable } from './posterior.js';
import type { UncertainParam } from './provenance.js';
import { err, ok, type Result } from './result.js';
import { resolveScenarioRef } from './scenario-ref.js';
import {
  DEFAULT_RUNS,
  type DesignDef,
  type ExperimentDef,
  ExperimentSchema,
  expandMetrics,
  resolveDesign,
  SENSITIVITY_N,
} from './schemas/experiment.js';
import { readYamlFile } from './yaml-source.js';

import { type Locator, sourceLocator } from './zod-issues.js';

/** One setting of the levers: a package (or none) and a policy per side, by role. */
export interface Lever {
  readonly package: string | null;
  readonly target: string;
  readonly coercer: string;
}

export interface ExperimentPackage {
  readonly name: string;
  readonly set: Readonly<Record<string, string | number>>;
  readonly loaded: LoadedScenario;
}

export interface LoadedExperiment {
  readonly id: string;
  /** The experiment file as the user named it; null for a scenario alone. */
  readonly file: string | null;
  /** Absolute path of the scenario file. */
  readonly scenarioAbs: string;
  readonly loaded: LoadedScenario;
  /** Empty when the experiment sweeps no packages. */
  readonly packages: readonly ExperimentPackage[];
  readonly uncertain: readonly UncertainParam[];
  readonly levers: readonly Lever[];
  readonly design: DesignDef & { levels?: number | Record<string, number> };
  readonly seed: number;
  /** Metric tokens, `state:*` expanded: `outcome`, `state:DE`, … */
  readonly metrics: readonly string[];
  readonly series: boolean;
  /** SHA-256 of the canonical definition (what the plan hash is built from). */
  readonly hash: string;
  /** Calibrated draws the runs take their parameters from (--posterior), if any. */
  readonly posterior?: PosteriorTable | null;
  /** Rank correlation imposed on the design (Iman–Conover), if any. */
  readonly correlation?: Correlation | null;
  /** Points run instead of the design (--points), if any. */
  readonly points?: PointsTable | null;
  /** Where a field of the experiment is written (for later diagnostics). */
  readonly locate: (path: readonly PathSeg[]) => Loc;
}

export interface ExperimentOptions {
  readonly cwd?: string;
  /** --runs: the design's n (points, base sample or trajectories). */
  readonly runs?: number;
  /** --seed: the master seed. */
  readonly seed?: number;
  /** --policy: players for sides the experiment does not sweep, by side id. */
  readonly players?: Readonly<Record<string, string>>;
  /** --metric (sensitivity): make sure this metric is recorded. */
  readonly ensureMetric?: string;
  /** sensitivity --method: use this design (keeping n and replications). */
  readonly method?: 'sobol' | 'morris';
  /** Folder of the formula cache (see LoadOptions.cacheDir). */
  readonly cacheDir?: string;
  /** Extra model folders (see LoadOptions.modelDirs). */
  readonly modelDirs?: readonly string[];
  /** --points: a CSV or Parquet file of points run instead of the design. */
  readonly points?: string;
}

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
  return resolveExperiment(def, src.file, scenarioRef.value, cwd, opts, locate);
}

async function resolveExperiment(
  def: ExperimentDef,
  file: string | null,
  scenarioAbs: string,
  cwd: string,
  opts: ExperimentOptions,
  locate: Locator,
): Promise<Result<LoadedExperiment, Diagnostic[]>> {
  const cache = {
    ...(opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir }),
    ...(opts.modelDirs === undefined ? {} : { modelDirs: opts.modelDirs }),
  };
  const base = await loadScenario(scenarioAbs, { cwd, ...cache });
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
  const metrics = expandMetrics(
    def.metrics,
    loaded.scenario.states.map((s) => s.id),
    opts.ensureMetric,
    { target: loaded.scenario.blocs.target.id, coercer: loaded.scenario.blocs.coercer.id },
  );
  for (const m of metrics.problems)
    diags.push({ ...locate(['metrics', m.index]), code: 'experiment/metric', message: m.message });
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
  };
  return ok({ ...e, hash: hashOf(e) });
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
    }),
  );
}

async function loadPackages(
  def: ExperimentDef,
  scenarioAbs: string,
  cwd: string,
  locate: Locator,
  diags: Diagnostic[],
  cache: PackageOptions,
): Promise<ExperimentPackage[]> {
  const out: ExperimentPackage[] = [];
  for (const [name, p] of Object.entries(def.levers.packages ?? {})) {
    const r = await loadPackage(scenarioAbs, cwd, p.set, cache);
    if (r.ok) {
      out.push({ name, set: p.set, loaded: r.value });
      continue;
    }
    // Problems of a package's `set` come back placed at `--set`: place them in the experiment.
    for (const d of r.error) {
      const key = d.file === '--set' ? Object.keys(p.set).find((k) => d.path.startsWith(k)) : undefined;
      if (key === undefined) diags.push(d);
      else
        diags.push({
          ...d,
          ...locate(['levers', 'packages', name, 'set'], key),
          path: `levers.packages.${name}.set.${d.path}`,
        });
    }
  }
  return out;
}

function leversOf(
  def: ExperimentDef,
  loaded: LoadedScenario,
  players: Readonly<Record<string, string>>,
  locate: Locator,
  diags: Diagnostic[],
): Lever[] {
  const sc = loaded.scenario;
  const known = Object.keys(sc.policies);
  const unknown = (name: string) =>
    `unknown policy "${name}"${didYouMean(name, known)} (policies: ${known.join(', ')})`;
  const sides = {} as Record<Role, readonly string[]>;
  const ids = ROLES.map((r) => sc.blocs[r].id);
  for (const [side, _] of Object.entries(def.levers.policies ?? {}))
    if (!ids.includes(side))
      diags.push({
        ...locate(['levers', 'policies', side]),
        code: 'experiment/side',
        message: `${side} is not a side of the scenario (its sides: ${ids.join(', ')})`,
      });
  for (const flagSide of Object.keys(players))
    if (!ids.includes(flagSide))
      diags.push(
        fileDiag(
          '--policy',
          'cli/policy',
          `${flagSide} is not a side of the scenario (its sides: ${ids.join(', ')})`,
        ),
      );
  for (const role of ROLES) {
    const side = sc.blocs[role].id;
    const list = def.levers.policies?.[side];
    const flag = players[side];
    if (list) {
      if (flag !== undefined)
        diags.push(
          fileDiag(
            '--policy',
            'cli/policy',
            `the experiment sweeps ${side}'s policies; leave ${side} out of --policy`,
          ),
        );
      for (const [i, name] of list.entries())
        if (!sc.policies[name])
          diags.push({
            ...locate(['levers', 'policies', side, i]),
            code: 'experiment/policy',
            message: unknown(name),
          });
      sides[role] = list;
      continue;
    }
    const name = flag ?? sc.players[role];
    const human = `${side} is played by a human in this scenario; a batch needs a computer player: sweep levers.policies.${side} or add --policy ${side}=graduated`;
    if (name === 'human' || !sc.policies[name])
      diags.push(
        fileDiag(
          flag !== undefined ? '--policy' : (loaded.files[0] ?? 'scenario'),
          'cli/policy',
          name === 'human' ? human : `${unknown(name)} for ${side}`,
        ),
      );
    sides[role] = [name];
  }
  const pkgs = Object.keys(def.levers.packages ?? {});
  const out: Lever[] = [];
  for (const p of pkgs.length > 0 ? pkgs : [null])
    for (const target of sides.target)
      for (const coercer of sides.coercer) out.push({ package: p, target, coercer });
  return out;
}

/** What a package's load shares with the experiment's: the formula cache and extra model folders. */
type PackageOptions = Pick<LoadOptions, 'cacheDir' | 'modelDirs'>;

const START_LEVEL = /^start\.levels\.([^.[\]]+)$/;

/**
 * A package's scenario: its `set` goes through the loader like --set, except start levels, which
 * are set on the engine's scenario (the loader cannot add a measure that `start.levels` does not list).
 */
export async function loadPackage(
  scenarioAbs: string,
  cwd: string,
  set: Readonly<Record<string, string | number>>,
  cache: PackageOptions = {},
): Promise<Result<LoadedScenario, Diagnostic[]>> {
  const rest: Record<string, string | number> = {};
  const levels: Record<string, number> = {};
  const diags: Diagnostic[] = [];
  for (const [key, value] of Object.entries(set)) {
    const id = START_LEVEL.exec(key)?.[1];
    if (id === undefined) rest[key] = value;
    else levels[id] = Number(value);
  }
  const r = await loadScenario(scenarioAbs, { cwd, set: rest, ...cache });
  if (!r.ok || Object.keys(levels).length === 0) return r;
  const sc = r.value.scenario;
  for (const [id, level] of Object.entries(levels)) {
    const m = sc.measures.find((x) => x.id === id);
    const at = (message: string) => fileDiag('--set', 'override/start-level', message, `start.levels.${id}`);
    const ids = sc.measures.map((x) => x.id);
    if (!m) diags.push(at(`unknown measure "${id}"${didYouMean(id, ids)} (measures: ${listSome(ids)})`));
    else if (!Number.isInteger(level) || level < 0 || level >= m.levels.length)
      diags.push(
        at(`expected a level of "${id}" from 0 to ${m.levels.length - 1}, got ${set[`start.levels.${id}`]}`),
      );
  }
  if (diags.length > 0) return err(diags);
  const scenario = deepFreeze({ ...sc, startLevels: { ...sc.startLevels, ...levels } }, new Set([sc.random]));
  // The start levels are set past the loader, so its hash has not seen them.
  const hash = sha256(canonicalJson({ scenario: r.value.hash, startLevels: levels }));
  return ok({ ...r.value, scenario, hash });
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
