// Loads a scenario: reads it (following `extends`), finds and validates its
// model files, applies overrides and --set, checks ids across files,
// compiles formulas and builds the engine's Scenario. Reports every problem.
import { resolve } from 'node:path';
import type { RandomSource, Scenario } from '../engine/types.js';
import { makeRandomSource } from '../rng/streams.js';
import { assignmentWarnings } from './assignment-warnings.js';
import { fillBehaviour } from './behaviour-fill.js';
import { buildScenario, deepFreeze } from './build-scenario.js';
import { checkEventSet, checkInject, checkUncertain, type InjectData } from './check-paths.js';
import { checkRefs } from './check-refs.js';
import { type CompiledFormulas, compileFormulas } from './compile-formulas.js';
import { fillDemand } from './demand-fill.js';
import { type Diagnostic, sortDiagnostics } from './diagnostics.js';
import { openFormulaCache, saveFormulaCache } from './formula-cache.js';
import { canonicalJson, sha256 } from './hash.js';
import { lenientParse } from './lenient-parse.js';
import { MAX_ROUND_MONTHS } from './limits.js';
import { parseWith, validateModel } from './load-model.js';
import { modelSearchDirs, scanModelDirs, whereLooked } from './model-search.js';
import {
  type Assignment,
  applyAssignments,
  type Loc,
  pathKey,
  type RouteContext,
  withOrigins,
} from './overrides.js';
import { canonicalPath } from './path-vocabulary.js';
import type { Provenance, UncertainParam } from './provenance.js';
import { type CheckedModel, type ResolvedDef, resolveDef } from './resolve-def.js';
import { checkKinds, duplicateModelIds, kindOf, selectModels } from './resolve-models.js';
import { err, ok, type Result } from './result.js';
import { fillRoles } from './role-fill.js';
import { readScenarioChain } from './scenario-chain.js';
import { resolveScenarioRef } from './scenario-ref.js';
import { REQUIRED_SCENARIO_FIELDS, ScenarioSchema } from './schemas/scenario.js';
import type { YamlSource } from './yaml-source.js';
import { dropMisspeltMissing, sourceLocator } from './zod-issues.js';

export interface LoadedScenario {
  /** The engine's scenario, deeply frozen. */
  readonly scenario: Scenario;
  /** The resolved plain data, in the files' snake_case (for explain and reports). */
  readonly def: ResolvedDef;
  /** Every file read: the scenario, what it extends, its model files. */
  readonly files: readonly string[];
  /** Dotted data path → where the number came from. */
  readonly provenance: ReadonlyMap<string, Provenance>;
  /** Uncertain numbers: the scenario's `uncertain:` and every model number with `dist:`. */
  readonly uncertain: readonly UncertainParam[];
  /** SHA-256 over the canonical resolved data and the uncertain parameters. */
  readonly hash: string;
  /** Where the formula a dependency uses for a role is written: file, line, col, path. */
  readonly formulaOrigin: CompiledFormulas['origin'];
  /** The checks of a scenario event, for a journal's inject: one diagnostic per problem. */
  readonly checkInject: (inj: InjectData, at: (path: string) => Loc) => Diagnostic[];
  /** Overrides and --set values accepted that may not do what was meant (assignment-warnings.ts). */
  readonly warnings: readonly Diagnostic[];
}

export interface LoadOptions {
  /** Directory for relative paths and scenario ids (default: the process's). */
  readonly cwd?: string;
  /** The CLI's --set PATH=VALUE pairs, applied after the scenario's overrides. */
  readonly set?: Readonly<Record<string, string | number>>;
  readonly random?: RandomSource;
  /** Folder of the formula cache (formula-cache.ts); none: formulas are compiled in memory only. */
  readonly cacheDir?: string;
  /** Model folders searched after the scenario's own and before the shipped ones (--models, $ACI_SIM_MODELS). */
  readonly modelDirs?: readonly string[];
}

/** The round length after overrides (a number, or the parsed one while it is not). */
const roundMonthsOf = (scenario: Record<string, unknown>, parsed: number): number => {
  const m = scenario.round_months;
  return typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= MAX_ROUND_MONTHS ? m : parsed;
};

const fail = (ds: Diagnostic[]) => err(sortDiagnostics(dropMisspeltMissing(ds)));

/** Loads a scenario by path or by id (scenarios/<id>.yaml under cwd). */
export async function loadScenario(
  ref: string,
  opts: LoadOptions = {},
): Promise<Result<LoadedScenario, Diagnostic[]>> {
  if (opts.cacheDir === undefined) return load(ref, opts);
  await openFormulaCache(opts.cacheDir);
  try {
    return await load(ref, opts);
  } finally {
    await saveFormulaCache(opts.cacheDir);
  }
}

async function load(ref: string, opts: LoadOptions): Promise<Result<LoadedScenario, Diagnostic[]>> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const abs = await resolveScenarioRef(ref, cwd);
  if (!abs.ok) return abs;
  const chain = await readScenarioChain(abs.value, cwd);
  if (!chain.ok) return chain;
  const { merged, locate } = chain.value;

  // 1. The scenario itself.
  let first = parseWith(ScenarioSchema, merged, locate);
  const diags: Diagnostic[] = first.ok ? [] : [...first.error];
  for (const f of REQUIRED_SCENARIO_FIELDS)
    if (merged[f] === undefined)
      diags.push({ ...locate([]), code: 'schema/missing', message: `missing required field "${f}"` });
  // Where the parse allows, the checks go on with the problems set aside (lenient-parse.ts).
  let data = merged;
  if (!first.ok) {
    const lenient =
      diags.length === first.error.length ? lenientParse(ScenarioSchema, merged, locate, diags) : null;
    if (!lenient?.result.ok) return fail(diags);
    first = lenient.result;
    data = lenient.data;
  }
  if (!first.ok || diags.some((d) => d.code === 'schema/missing')) return fail(diags);
  const sc = first.value;
  /** Problems that stop the load here; those of earlier stages are reported with them. */
  let reported = diags.length;
  const blocked = () => diags.length > reported;

  // 2. Its model files.
  const dirs = modelSearchDirs(chain.value.modelDirFrom.abs, sc.model_dir, opts.modelDirs ?? []);
  const index = await scanModelDirs(dirs, sc.models ?? [], cwd);
  const where = whereLooked(index, cwd);
  const selected = selectModels(index, sc.models ?? [], locate, where);
  diags.push(
    ...index.loops,
    ...duplicateModelIds(index),
    ...selected.diagnostics,
    ...checkKinds(selected.files, index, locate, where),
  );
  if (diags.length - selected.guessed > reported) return fail(diags);
  reported = diags.length;

  // 3. Overrides, --set, then behaviour profiles; then every file is validated with them applied.
  const ctx: RouteContext = {
    models: selected.files,
    data: new Map(selected.files.map((f) => [f, f.data])),
    scenario: data,
  };
  const overrides: Assignment[] = Object.entries(sc.overrides).map(([text]) => ({
    text,
    value: (data.overrides as Record<string, unknown>)[text],
    at: locate(['overrides', text]),
  }));
  const sets: Assignment[] = Object.entries(opts.set ?? {}).map(([text, value]) => ({
    text,
    value,
    at: { file: '--set', line: 0, col: 0, path: text },
  }));
  const a1 = applyAssignments(overrides, ctx, false);
  const a2 = applyAssignments(sets, ctx, true);
  // After them, so that an override may name another profile or write a field itself.
  const a0 = fillBehaviour(selected.files, ctx.data, roundMonthsOf(ctx.scenario, sc.round_months), (src) =>
    withOrigins(
      sourceLocator(src),
      new Map([...(a1.origins.get(src) ?? []), ...(a2.origins.get(src) ?? [])]),
    ),
  );
  const byHand = (src: YamlSource, path: readonly string[]) =>
    [a1, a2].some((a) => a.origins.get(src)?.has(pathKey(path)));
  // Before the demand, so that a filled side's fields keep the order they had when files wrote them.
  const aR = fillRoles(selected.files, ctx.data, ctx.scenario, byHand);
  const aD = fillDemand(selected.files, ctx.data, ctx.scenario, locate, byHand);
  if (aD.scenario) ctx.scenario = aD.scenario;
  diags.push(...a0.diagnostics, ...aD.diagnostics, ...a1.diagnostics, ...a2.diagnostics);
  // An assignment that names nothing is not applied: the files are checked without it.
  reported = diags.length;
  const originsOf = (k: Parameters<typeof a1.origins.get>[0]) =>
    new Map([
      ...(k === 'scenario' ? (aD.scenarioOrigins ?? []) : []),
      ...(k === 'scenario' ? [] : (a0.origins.get(k) ?? [])),
      ...(k === 'scenario' ? [] : (aR.origins.get(k) ?? [])),
      ...(k === 'scenario' ? [] : (aD.origins.get(k) ?? [])),
      ...(a1.origins.get(k) ?? []),
      ...(a2.origins.get(k) ?? []),
    ]);
  const models: CheckedModel[] = [];
  for (const src of selected.files) {
    const loc = withOrigins(sourceLocator(src), originsOf(src));
    const v = validateModel(src, ctx.data.get(src), loc);
    if (v.ok) models.push({ file: src.file, def: v.value, data: ctx.data.get(src), locate: loc });
    else diags.push(...v.error);
  }
  const scLocate = withOrigins(locate, originsOf('scenario'));
  const again = ctx.scenario === data ? first : parseWith(ScenarioSchema, ctx.scenario, scLocate);
  if (!again.ok) diags.push(...again.error);
  if (blocked() || !again.ok) return fail(diags);
  reported = diags.length;

  // 4. One plain description; ids across files; paths; formulas.
  const res = resolveDef({ def: again.value, data: ctx.scenario, locate: scLocate }, models);
  diags.push(...res.diagnostics);
  let anywhere: Map<string, string> | undefined;
  const measuresAnywhere = () => {
    if (anywhere) return anywhere;
    anywhere = new Map<string, string>();
    for (const f of index.files) {
      if (kindOf(f) !== 'measures') continue;
      const d = f.data as { id?: unknown; measures?: unknown };
      if (d.measures && typeof d.measures === 'object')
        for (const id of Object.keys(d.measures)) anywhere.set(id, String(d.id));
    }
    return anywhere;
  };
  diags.push(...checkRefs({ def: res.def, locate: res.locate, measuresAnywhere }));
  const unc = checkUncertain(
    Object.entries(again.value.uncertain).map(([text, dist]) => ({
      text,
      dist,
      at: scLocate(['uncertain', text]),
    })),
    ctx,
  );
  const eventSets = res.def.events.map((e, i) =>
    checkEventSet(e.set, (key) => res.locate(['events', i, 'set'], key), ctx),
  );
  const formulas = compileFormulas(res.def, res.locate);
  diags.push(...unc.diagnostics, ...eventSets.flatMap((e) => e.diagnostics), ...formulas.diagnostics);
  if (diags.length > 0) return fail(diags);

  // 5. The engine's scenario.
  const fromScenario = new Set(unc.params.map((p) => p.path));
  // A `dist:` written on an override is registered under the path it overrides, not under `overrides.`.
  // A number fixed by --set is not drawn: the value given replaces its distribution.
  const fixed = new Set(Object.keys(opts.set ?? {}).map((t) => canonicalPath(t) ?? t));
  const uncertain = [
    ...res.uncertain.filter((p) => !fromScenario.has(p.path) && !p.path.startsWith('overrides.')),
    ...unc.params,
  ].filter((p) => !fixed.has(p.path));
  const hash = sha256(canonicalJson({ def: res.def, uncertain: uncertain.map((u) => [u.path, u.dist]) }));
  const random = opts.random ?? makeRandomSource();
  const scenario = buildScenario(
    res.def,
    formulas.value,
    random,
    hash,
    eventSets.map((e) => e.set),
  );
  const provenance = new Map([...res.provenance].filter(([k]) => !k.startsWith('overrides.')));
  const files = [...chain.value.sources.map((s) => s.file), ...selected.files.map((f) => f.file)];
  return ok({
    scenario: deepFreeze(scenario, new Set([random])),
    def: deepFreeze(res.def),
    files,
    provenance,
    uncertain: deepFreeze(uncertain),
    hash,
    formulaOrigin: formulas.value.origin,
    checkInject: (inj, at) => checkInject(inj, at, ctx, res.def),
    warnings: assignmentWarnings([...overrides, ...sets], res.def),
  });
}
