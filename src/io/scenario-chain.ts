// Reads a scenario and the scenarios it `extends`, and merges them: the
// extending file's fields win; overrides, uncertain and events add up;
// parameters, procedure and players merge field by field.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from './diagnostics.js';
import { didYouMean } from './did-you-mean.js';
import { displayPath, listYamlFiles } from './files.js';
import { isObj } from './is-obj.js';
import type { PathSeg } from './paths.js';
import { err, ok, type Result } from './result.js';
import { diagAt, hasPath, readYamlFile, type YamlSource } from './yaml-source.js';
import type { Locator } from './zod-issues.js';
import { sourceLocator } from './zod-issues.js';

export interface ScenarioChain {
  /** The scenario asked for first, then what it extends, and so on. */
  readonly sources: readonly YamlSource[];
  /** Merged raw data, without `extends`. */
  readonly merged: Record<string, unknown>;
  /** Position of a merged data path in the file it came from. */
  readonly locate: Locator;
  /** The file that sets `model_dir` (or the first file). */
  readonly modelDirFrom: YamlSource;
}

const ADD_UP = new Set(['overrides', 'uncertain']);
const FIELDWISE = new Set(['parameters', 'procedure', 'players']);

export async function readScenarioChain(
  abs: string,
  cwd: string,
): Promise<Result<ScenarioChain, Diagnostic[]>> {
  const sources: YamlSource[] = [];
  let next: string | undefined = abs;
  while (next) {
    const read = await readYamlFile(next, displayPath(next, cwd));
    if (!read.ok) return read;
    const src = read.value;
    sources.push(src);
    next = undefined;
    if (!isObj(src.data) || typeof src.data.extends !== 'string') break;
    const parent = await findScenario(dirname(src.abs), src.data.extends);
    if (!parent.ok) return err([diagAt(src, ['extends'], 'ref/unknown-scenario', parent.error)]);
    const seen = sources.findIndex((s) => s.abs === parent.value);
    if (seen >= 0) {
      const names = [...sources.slice(seen), sources[seen]!].map((s) => idOf(s));
      return err([
        diagAt(
          src,
          ['extends'],
          'ref/extends-cycle',
          `scenarios extend each other in a cycle: ${names.join(' → ')}`,
        ),
      ]);
    }
    next = parent.value;
  }
  return ok(merge(sources));
}

const SHIPPED_SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const idOf = (s: YamlSource) =>
  isObj(s.data) && typeof s.data.id === 'string' ? s.data.id : basename(s.abs);

/** `extends` names a file rather than an id: it ends in .yaml or .yml. */
export const isScenarioPath = (ref: string) => /\.ya?ml$/.test(ref);

/** A path relative to this file; `<dir>/<id>.yaml`, or any YAML file in `dir` whose `id` is `id`; else a scenario shipped with aci-sim. */
async function findScenario(dir: string, id: string): Promise<Result<string, string>> {
  if (isScenarioPath(id)) {
    const f = resolve(dir, id);
    return existsSync(f) ? ok(f) : err(`no scenario file ${id} (looked for ${f})`);
  }
  const files = (await listYamlFiles(dir)).filter((f) => dirname(f) === dir);
  for (const f of [join(dir, `${id}.yaml`), join(dir, `${id}.yml`)]) if (files.includes(f)) return ok(f);
  const shipped = join(SHIPPED_SCENARIOS, `${id}.yaml`);
  if (existsSync(shipped)) return ok(shipped);
  const ids: string[] = [];
  for (const f of files) {
    const r = await readYamlFile(f, f);
    if (
      r.ok &&
      isObj(r.value.data) &&
      r.value.data.kind === 'scenario' &&
      typeof r.value.data.id === 'string'
    ) {
      if (r.value.data.id === id) return ok(f);
      ids.push(r.value.data.id);
    }
  }
  return err(`unknown scenario "${id}" (no ${id}.yaml next to this file)${didYouMean(id, ids)}`);
}

function merge(sources: YamlSource[]): ScenarioChain {
  const merged: Record<string, unknown> = {};
  const eventFrom: [YamlSource, number][] = [];
  // Oldest ancestor first, so that each extending file writes over it.
  for (const src of [...sources].reverse()) {
    const data = isObj(src.data) ? src.data : {};
    for (const [k, v] of Object.entries(data)) {
      const prev = merged[k];
      if (k === 'extends') continue;
      if ((ADD_UP.has(k) || FIELDWISE.has(k)) && isObj(prev) && isObj(v)) merged[k] = { ...prev, ...v };
      else if (k === 'events' && Array.isArray(prev) && Array.isArray(v)) merged[k] = [...prev, ...v];
      else merged[k] = v;
      if (k === 'events' && Array.isArray(v)) {
        if (merged[k] === v) eventFrom.length = 0;
        for (let i = 0; i < v.length; i++) eventFrom.push([src, i]);
      }
    }
  }
  const first = sources[0]!;
  const has = (src: YamlSource, p: readonly PathSeg[]) => isObj(src.data) && hasPath(src, p);
  const locate: Locator = (path, key) => {
    const [head, second] = path;
    if (head === 'events' && typeof second === 'number' && eventFrom[second]) {
      const [src, i] = eventFrom[second];
      const at = sourceLocator(src)(['events', i, ...path.slice(2)], key);
      return { ...at, path: at.path.replace(/^events\[\d+\]/, `events[${second}]`) };
    }
    const full = key === undefined ? path : [...path, key];
    const byField = ADD_UP.has(String(full[0])) || FIELDWISE.has(String(full[0]));
    const probe = full.slice(0, byField ? 2 : 1);
    const src =
      sources.find((s) => has(s, probe)) ??
      (full.length > 0 ? sources.find((s) => has(s, full.slice(0, 1))) : undefined);
    return sourceLocator(src ?? first)(path, key);
  };
  const modelDirFrom = sources.find((s) => has(s, ['model_dir'])) ?? first;
  return { sources, merged, locate, modelDirFrom };
}
