// An experiment's (or a calibration's) `uncertain:` checked exactly as the
// scenario's own would be: paths, did-you-mean, ranges.
import { checkUncertain } from './check-paths.js';
import type { Diagnostic } from './diagnostics.js';
import { modelSearchDirs, scanModelDirs } from './model-search.js';
import type { Loc } from './overrides.js';
import type { UncertainParam } from './provenance.js';
import { selectModels } from './resolve-models.js';
import { readScenarioChain } from './scenario-chain.js';
import type { ExperimentDef } from './schemas/experiment.js';

/** Checks dotted paths with distributions against a scenario file (as its own `uncertain:` would be). */
export async function checkOwnUncertain(
  entries: ExperimentDef['uncertain'],
  scenarioAbs: string,
  cwd: string,
  modelDirs: readonly string[],
  at: (key: string) => Loc,
): Promise<{ diagnostics: Diagnostic[]; params: UncertainParam[] }> {
  if (Object.keys(entries).length === 0) return { diagnostics: [], params: [] };
  const chain = await readScenarioChain(scenarioAbs, cwd);
  if (!chain.ok) return { diagnostics: chain.error, params: [] };
  const { merged, modelDirFrom, locate } = chain.value;
  const dir = typeof merged.model_dir === 'string' ? merged.model_dir : undefined;
  const ids = Array.isArray(merged.models) ? merged.models.filter((m) => typeof m === 'string') : [];
  const index = await scanModelDirs(modelSearchDirs(modelDirFrom.abs, dir, modelDirs), ids, cwd);
  const { files } = selectModels(index, ids, locate);
  const ctx = { models: files, data: new Map(files.map((f) => [f, f.data])), scenario: merged };
  return checkUncertain(
    Object.entries(entries).map(([text, dist]) => ({ text, dist, at: at(text) })),
    ctx,
  );
}
