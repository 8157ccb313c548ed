// An experiment's (or a calibration's) `uncertain:` checked exactly as the
// scenario's own would be: paths, did-you-mean, ranges.
import { checkUncertain } from './check-paths.js';
import type { Diagnostic } from './diagnostics.js';
import { modelSearchDirs, scanModelDirs } from './model-search.js';
import { type Loc, type RouteContext, routePath } from './overrides.js';
import type { UncertainParam } from './provenance.js';
import { selectModels } from './resolve-models.js';
import { ok, type Result } from './result.js';
import { readScenarioChain } from './scenario-chain.js';
import { unwrap } from './schema-path.js';
import type { ExperimentDef } from './schemas/experiment.js';
import { numRange } from './schemas/num.js';
import type { Range } from './schemas/range.js';

/** Checks dotted paths with distributions against a scenario file (as its own `uncertain:` would be). */
export async function checkOwnUncertain(
  entries: ExperimentDef['uncertain'],
  scenarioAbs: string,
  cwd: string,
  modelDirs: readonly string[],
  at: (key: string) => Loc,
): Promise<{ diagnostics: Diagnostic[]; params: UncertainParam[] }> {
  if (Object.keys(entries).length === 0) return { diagnostics: [], params: [] };
  const ctx = await routeContext(scenarioAbs, cwd, modelDirs);
  if (!ctx.ok) return { diagnostics: ctx.error, params: [] };
  return checkUncertain(
    Object.entries(entries).map(([text, dist]) => ({ text, dist, at: at(text) })),
    ctx.value,
  );
}

/** The allowed range of each number at `paths` (undefined where a path names no bounded number). */
export async function numberRanges(
  paths: readonly string[],
  scenarioAbs: string,
  cwd: string,
  modelDirs: readonly string[],
): Promise<Result<(Range | undefined)[], Diagnostic[]>> {
  const ctx = await routeContext(scenarioAbs, cwd, modelDirs);
  if (!ctx.ok) return ctx;
  return ok(
    paths.map((p) => {
      const r = routePath(p, ctx.value);
      return r.ok ? numRange(unwrap(r.value.walk.schema, r.value.walk.data)) : undefined;
    }),
  );
}

/** The scenario's files as dotted paths resolve against them. */
async function routeContext(
  scenarioAbs: string,
  cwd: string,
  modelDirs: readonly string[],
): Promise<Result<RouteContext, Diagnostic[]>> {
  const chain = await readScenarioChain(scenarioAbs, cwd);
  if (!chain.ok) return chain;
  const { merged, modelDirFrom, locate } = chain.value;
  const dir = typeof merged.model_dir === 'string' ? merged.model_dir : undefined;
  const ids = Array.isArray(merged.models) ? merged.models.filter((m) => typeof m === 'string') : [];
  const index = await scanModelDirs(modelSearchDirs(modelDirFrom.abs, dir, modelDirs), ids, cwd);
  const { files } = selectModels(index, ids, locate);
  return ok({ models: files, data: new Map(files.map((f) => [f, f.data])), scenario: merged });
}
