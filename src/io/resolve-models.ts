// Finds model files by id: scans model_dir/**/*.yaml and reads their `id`.
import { type Diagnostic, fileDiag } from './diagnostics.js';
import { didYouMean, suggest } from './did-you-mean.js';
import { displayPath, listYaml } from './files.js';
import { isObj } from './is-obj.js';
import type { PathSeg } from './paths.js';
import { ok } from './result.js';
import type { ModelKind } from './schemas/model.js';
import { lazyYamlSource, parseYaml, readYamlText, type YamlSource, yamlHeader } from './yaml-source.js';
import type { Locator } from './zod-issues.js';

export interface ModelIndex {
  /** Files by their `id`; more than one file per id is an error. */
  readonly byId: ReadonlyMap<string, readonly YamlSource[]>;
  /** Every readable model file, in path order. */
  readonly files: readonly YamlSource[];
  /** Files that could not be read or parsed: their problems. */
  readonly broken: readonly Diagnostic[];
  /** Links in the folder that lead back into it (not followed). */
  readonly loops: readonly Diagnostic[];
}

export const kindOf = (src: YamlSource): string | undefined =>
  src.header?.kind ?? (isObj(src.data) && typeof src.data.kind === 'string' ? src.data.kind : undefined);

/** A model file's id, without parsing a file read lazily. */
export const idOf = (src: YamlSource): string | undefined =>
  src.header?.id ?? (isObj(src.data) && typeof src.data.id === 'string' ? src.data.id : undefined);

/**
 * The model files of `dir` by id. With `wanted` ids, a file whose header
 * names another id is parsed only if something looks into it (a hint, a
 * did-you-mean, a duplicate id).
 */
export async function scanModels(
  dir: string,
  cwd: string,
  wanted: readonly string[] = [],
): Promise<ModelIndex> {
  const byId = new Map<string, YamlSource[]>();
  const files: YamlSource[] = [];
  const broken: Diagnostic[] = [];
  const listing = await listYaml(dir);
  const loops = listing.loops.map(([link, target]) =>
    fileDiag(
      displayPath(link, cwd),
      'models/symlink-loop',
      `this link leads back to ${displayPath(target, cwd)}, a folder it is already in; it is not followed (remove the link)`,
    ),
  );
  for (const abs of listing.files) {
    const file = displayPath(abs, cwd);
    const text = await readYamlText(abs, file);
    if (!text.ok) {
      broken.push(...text.error);
      continue;
    }
    const head = yamlHeader(text.value);
    if (head?.kind === 'scenario') continue;
    const lazy = head !== null && wanted.length > 0 && !wanted.includes(head.id);
    const r = lazy ? ok(lazyYamlSource(text.value, file, abs, head)) : parseYaml(text.value, file, abs);
    if (!r.ok) {
      broken.push(...r.error);
      continue;
    }
    const src = r.value;
    // Scenario files that happen to sit under model_dir are not models.
    if (kindOf(src) === 'scenario') continue;
    files.push(src);
    const id = idOf(src);
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), src]);
  }
  return { byId, files, broken, loops };
}

/** One diagnostic per model id defined by more than one file. */
export const duplicateModelIds = (index: ModelIndex): Diagnostic[] =>
  [...index.byId.entries()]
    .filter(([, srcs]) => srcs.length > 1)
    .map(([id, srcs]) => ({
      file: srcs[1]!.file,
      ...lineOfId(srcs[1]!),
      path: 'id',
      code: 'ref/duplicate-model-id',
      message: `model id "${id}" is used by both ${srcs[0]!.file} and ${srcs[1]!.file}`,
    }));

const lineOfId = (src: YamlSource) => {
  const node = src.doc.get('id', true) as { range?: [number, number, number] } | undefined;
  const p = src.lineCounter.linePos(node?.range?.[0] ?? 0);
  return { line: p.line, col: p.col };
};

export interface SelectedModels {
  readonly files: readonly YamlSource[];
  readonly diagnostics: readonly Diagnostic[];
  /** Unknown ids for which the did-you-mean file was taken instead, so that later checks can go on. */
  readonly guessed: number;
}

/** The files named by a scenario's `models:` list. */
export function selectModels(
  index: ModelIndex,
  ids: readonly string[],
  locate: Locator,
  where?: string,
): SelectedModels {
  const files: YamlSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const known = [...index.byId.keys()];
  let guessed = 0;
  ids.forEach((id, i) => {
    const path: PathSeg[] = ['models', i];
    const found = index.byId.get(id);
    if (found?.[0]) {
      if (!files.includes(found[0])) files.push(found[0]);
      return;
    }
    const hint =
      index.broken.length > 0
        ? `these model files could not be read: ${[...new Set(index.broken.map((d) => d.file))].join(', ')}`
        : known.length === 0
          ? `no model files were found; set \`model_dir:\` to the folder that holds them${where ? ` (${where})` : ''}`
          : where;
    const meant = suggest(id, known);
    const stand = meant === undefined || ids.includes(meant) ? undefined : index.byId.get(meant)?.[0];
    if (stand && !files.includes(stand)) {
      files.push(stand);
      guessed += 1;
    }
    diagnostics.push({
      ...locate(path),
      code: 'ref/unknown-model',
      message: `unknown model id "${id}"${didYouMean(id, known)}`,
      ...(hint === undefined ? {} : { hint }),
    });
  });
  return { files, diagnostics, guessed };
}

/** How many files of a kind a scenario lists: [at least, at most]. */
const COUNTS: readonly [ModelKind, number, number][] = [
  ['formulas', 1, 1],
  ['blocs', 1, Number.POSITIVE_INFINITY],
  ['behaviour', 0, 1],
  // Only a side that decides as eu_council needs member states (checked with the sides).
  ['member_states', 0, 1],
];

/** One formulas file, at least one blocs file, at most one behaviour and one member_states file. */
export function checkKinds(
  files: readonly YamlSource[],
  index: ModelIndex,
  locate: Locator,
  where?: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [kind, least, most] of COUNTS) {
    const of = files.filter((f) => kindOf(f) === kind);
    if (of.length >= least && of.length <= most) continue;
    const ids = (list: readonly YamlSource[]) => list.map((f) => idOf(f)).join(', ');
    const available = index.files.filter((f) => kindOf(f) === kind);
    out.push({
      ...locate(['models']),
      code: 'ref/model-kinds',
      message:
        of.length < least
          ? `no \`${kind}\` model listed${available.length > 0 ? ` — add one of: ${ids(available)}` : ''}`
          : `more than one \`${kind}\` model listed (${ids(of)}); list exactly one`,
      ...(of.length < least && available.length === 0 && where ? { hint: where } : {}),
    });
  }
  return out;
}
