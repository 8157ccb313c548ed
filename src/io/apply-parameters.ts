// Rebuilds a Scenario with some numbers replaced by dotted data path (Monte
// Carlo draws). Copy-on-write along each path: nothing is re-read or
// recompiled, and untouched parts are shared with the loaded scenario.
import type { Scenario } from '../engine/types.js';
import { deepFreeze } from './build-scenario.js';
import { canonicalJson, sha256 } from './hash.js';
import type { LoadedScenario } from './load-scenario.js';
import { type PathSeg, parsePath } from './paths.js';

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const PARAM_NAMES: Record<string, string> = { voting: 'votingMode' };
const cache = new WeakMap<Scenario, Map<string, PathSeg[]>>();

/** The scenario's own path (camelCase fields, indices, the "off" level) for a data path. */
export function enginePath(sc: Scenario, text: string): PathSeg[] {
  const byText = cache.get(sc) ?? new Map<string, PathSeg[]>();
  cache.set(sc, byText);
  const hit = byText.get(text);
  if (hit) return hit;
  const p = parsePath(text);
  const bad = () => new Error(`applyParameterValues: "${text}" is not a number of this scenario`);
  if (!p) throw bad();
  const [head, id, field, ...rest] = p;
  const index = (list: readonly { id: string }[]) => {
    const i = list.findIndex((x) => x.id === id);
    if (i < 0) throw bad();
    return i;
  };
  let out: PathSeg[];
  if (head === 'dependencies') out = ['dependencies', index(sc.dependencies), camel(String(field)), ...rest];
  else if (head === 'measures' && field === 'levels' && typeof rest[0] === 'number')
    out = ['measures', index(sc.measures), 'levels', rest[0] + 1, ...rest.slice(1)];
  else if (head === 'measures') out = ['measures', index(sc.measures), camel(String(field)), ...rest];
  else if (head === 'member_states') out = ['states', index(sc.states), camel(String(field)), ...rest];
  else if (head === 'blocs') out = ['blocs', String(id), camel(String(field)), ...rest];
  else if (head === 'policies') out = ['policies', String(id), String(field), ...rest];
  else if (head === 'parameters') out = ['params', PARAM_NAMES[String(id)] ?? camel(String(id))];
  else if (head === 'procedure' && id === 'appeal')
    out = ['procedure', field === 0 ? 'appealMin' : 'appealMax'];
  else if (head === 'procedure') out = ['procedure', String(id)];
  else if (head === 'rounds' || head === 'round_months') out = [camel(head)];
  else if (head === 'start' && id === 'levels') out = ['startLevels', String(field)];
  else throw bad();
  if (typeof readIn(sc, out) !== 'number') throw bad();
  byText.set(text, out);
  return out;
}

const readIn = (root: unknown, path: readonly PathSeg[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PathSeg, unknown>)[k] : undefined),
    root,
  );

function setIn(node: unknown, path: readonly PathSeg[], value: number): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path as [PathSeg, ...PathSeg[]];
  const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<PathSeg, unknown>;
  copy[k] = setIn(copy[k], rest, value);
  return copy;
}

/** A scenario with the numbers at `values`' data paths replaced; throws on a path the scenario does not have. */
export function applyParameterValues(
  loaded: LoadedScenario,
  values: Readonly<Record<string, number>>,
): Scenario {
  const base = loaded.scenario;
  const keys = Object.keys(values);
  if (keys.length === 0) return base;
  let sc: Scenario = base;
  for (const k of keys) sc = setIn(sc, enginePath(base, k), values[k]!) as Scenario;
  const hash = sha256(`${base.hash}\u0000${canonicalJson(values)}`);
  // Only the copies are unfrozen; deepFreeze stops at the shared, frozen parts.
  return deepFreeze({ ...sc, hash }, new Set([base.random]));
}
