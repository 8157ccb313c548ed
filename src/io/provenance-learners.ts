// Which sides learn to do without a flow, by blocs file: a side's
// `base_effort` is read only when some scenario or episode that lists its
// blocs file also lists a flow it depends on. Read from the compositions in
// scenarios/ and history/ (episodes are not counted, but they use the files).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from 'yaml';
import { parse } from 'yaml';
import { listYamlFiles } from './files.js';

interface ModelDoc {
  readonly file: string;
  readonly doc: Document;
}

/** `file:side` for every side that depends on a flow in a composition listing its blocs file; null sides of unused files. */
export async function learnersOf(
  root: string,
  docs: readonly ModelDoc[],
): Promise<(file: string, side: string) => boolean> {
  const byId = new Map<string, { file: string; js: Record<string, unknown> }>();
  for (const { file, doc } of docs) {
    const js = doc.toJS() as Record<string, unknown> | null;
    if (js && typeof js.id === 'string') byId.set(js.id, { file, js });
  }
  const learners = new Set<string>();
  const used = new Set<string>();
  const compositions = [
    ...(await listYamlFiles(join(root, 'scenarios'))),
    ...(await listYamlFiles(join(root, 'history'))),
  ];
  for (const f of compositions) {
    const sc = parse(await readFile(f, 'utf8')) as { models?: unknown } | null;
    const models = Array.isArray(sc?.models) ? sc.models.map(String) : [];
    const listed = models.map((id) => byId.get(id)).filter((m) => m !== undefined);
    const dependents = new Set<string>();
    for (const m of listed)
      if (m.js.kind === 'dependencies')
        for (const d of Object.values((m.js.dependencies ?? {}) as Record<string, { dependent?: unknown }>))
          dependents.add(String(d.dependent));
    for (const m of listed)
      if (m.js.kind === 'blocs') {
        used.add(m.file);
        for (const side of dependents) learners.add(`${m.file}:${side}`);
      }
  }
  // A blocs file no composition lists: whatever uses it may read every field.
  return (file, side) => !used.has(file) || learners.has(`${file}:${side}`);
}
