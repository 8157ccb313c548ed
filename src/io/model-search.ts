// Where a scenario's model files are looked for, in order: the scenario's own
// folder (its `model_dir`, else models/ beside it or ../models), the folders
// given with --models or $ACI_SIM_MODELS (the CLI passes them), then the
// models shipped with aci-sim. An id is taken from the first folder that has
// it; a later folder is read only when an id is still missing.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from './diagnostics.js';
import { displayPath } from './files.js';
import { idOf, type ModelIndex, scanModels } from './resolve-models.js';
import type { YamlSource } from './yaml-source.js';

export const SHIPPED_MODELS = fileURLToPath(new URL('../../models/', import.meta.url));

/** The folders to search, without repeats: own first, then `extra`, then the shipped models. */
export function modelSearchDirs(
  scenarioFile: string,
  modelDir: string | undefined,
  extra: readonly string[],
): string[] {
  const here = dirname(scenarioFile);
  const own =
    modelDir === undefined
      ? [resolve(here, 'models'), resolve(here, '../models')]
      : [resolve(here, modelDir)];
  const out: string[] = [];
  for (const d of [...own, ...extra, SHIPPED_MODELS]) {
    const abs = resolve(d).replace(/[/\\]$/, '');
    if (!out.includes(abs)) out.push(abs);
  }
  return out;
}

export interface SearchedIndex extends ModelIndex {
  /** Every folder considered, in order, with whether it exists. */
  readonly searched: readonly { readonly dir: string; readonly exists: boolean }[];
}

/** The index over `dirs`: folders are scanned in order until every id in `wanted` is found. */
export async function scanModelDirs(
  dirs: readonly string[],
  wanted: readonly string[],
  cwd: string,
): Promise<SearchedIndex> {
  const byId = new Map<string, readonly YamlSource[]>();
  const files: YamlSource[] = [];
  const broken: Diagnostic[] = [];
  const loops: Diagnostic[] = [];
  const searched = dirs.map((dir) => ({ dir, exists: existsSync(dir) }));
  for (const { dir, exists } of searched) {
    if (wanted.length > 0 && wanted.every((id) => byId.has(id))) break;
    if (!exists) continue;
    const index = await scanModels(dir, cwd, wanted);
    broken.push(...index.broken);
    loops.push(...index.loops);
    for (const [id, srcs] of index.byId) if (!byId.has(id)) byId.set(id, srcs);
    // A file whose id an earlier folder already gave is shadowed.
    for (const f of index.files) {
      const id = idOf(f);
      if (id === undefined || byId.get(id)?.includes(f)) files.push(f);
    }
  }
  return { byId, files, broken, loops, searched };
}

/** "looked in: a, b (missing), c" for messages. */
export const whereLooked = (index: SearchedIndex, cwd: string): string =>
  `looked for model files in ${index.searched
    .map((s) => `${displayPath(s.dir, cwd)}${s.exists ? '' : ' (no such folder)'}`)
    .join(', ')}`;
