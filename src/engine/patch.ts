// The one way numbers are replaced in a built scenario (batch draws,
// calibration, scripted events and injects): copy-on-write along engine
// targets, each container copied once however many numbers change under it.
// io resolves the user's dotted paths into targets (Scenario.targets).
// Containers are copied from unfrozen templates made once, by an object
// literal per shape: V8 copies a frozen object or a spread of many shapes
// several times slower, and a batch patches a scenario per run.
import { layoutLike } from './layout.js';
import type { Scenario } from './types.js';

/** A path into the engine's Scenario: field names and list indices. */
export type Target = readonly (string | number)[];

type Seg = string | number;
type Copier = (template: unknown) => Record<Seg, unknown>;

interface Node {
  readonly children: Map<Seg, Node>;
  /** The children as a list, made once the tree is complete (faster to walk than the map). */
  list: [Seg, Node][];
  /** Index into the values when this is a number. */
  leaf: number | null;
  /** The container here (unfrozen), and a function that copies it. */
  template: unknown;
  copy: Copier;
}

const node = (): Node => ({
  children: new Map(),
  list: [],
  leaf: null,
  template: null,
  copy: (t) => t as never,
});

const copyArray: Copier = (t) => (t as unknown[]).slice() as never;

/** A copier of objects with these keys: one object literal per key list. */
function objectCopier(keys: readonly string[], copiers: Map<string, Copier>): Copier {
  const id = keys.join('\u0000');
  let f = copiers.get(id);
  if (!f) {
    const props = keys.map((k) => `${JSON.stringify(k)}: t[${JSON.stringify(k)}]`).join(', ');
    f = new Function('t', `'use strict'; return { ${props} };`) as Copier;
    copiers.set(id, f);
  }
  return f;
}

/** Completes the tree: child lists, templates and copiers. */
function seal(n: Node, orig: unknown, copiers: Map<string, Copier>): void {
  n.list = [...n.children];
  if (n.leaf !== null) return;
  // A target may add a key (start.levels of a measure not listed): its container is copied, its value set.
  const o = orig ?? {};
  n.template = Array.isArray(o) ? o.slice() : { ...(o as object) };
  n.copy = Array.isArray(o) ? copyArray : objectCopier(Object.keys(o as object), copiers);
  for (const [key, child] of n.list) seal(child, (o as Record<Seg, unknown>)[key], copiers);
}

function rebuild(n: Node, values: readonly number[]): unknown {
  if (n.leaf !== null) return values[n.leaf];
  const copy = n.copy(n.template);
  const list = n.list;
  for (let i = 0; i < list.length; i++) {
    const [key, child] = list[i]!;
    copy[key] = rebuild(child, values);
  }
  return copy;
}

/**
 * A function from values (in the order of `targets`) to the scenario with
 * them in place; untouched parts, and the derived tables no value touches,
 * are shared with `sc`, which is never changed.
 */
export function scenarioPatcher(
  sc: Scenario,
  targets: readonly Target[],
): (values: readonly number[]) => Scenario {
  if (targets.length === 0) return () => sc;
  const root = node();
  targets.forEach((t, i) => {
    let n = root;
    for (const seg of t) {
      const next = n.children.get(seg) ?? node();
      n.children.set(seg, next);
      n = next;
    }
    n.leaf = i;
  });
  seal(root, sc, new Map());
  return (values) => {
    const out = rebuild(root, values) as Scenario;
    layoutLike(out, sc);
    return out;
  };
}

/** The scenario with the numbers at these user paths replaced; unknown paths are returned, not applied. */
export function patchByPath(
  sc: Scenario,
  values: Readonly<Record<string, number>>,
): { scenario: Scenario; unknown: string[] } {
  const targets: Target[] = [];
  const nums: number[] = [];
  const unknown: string[] = [];
  for (const [path, v] of Object.entries(values)) {
    const t = sc.targets.get(path);
    if (t === undefined) unknown.push(path);
    else {
      targets.push(t);
      nums.push(v);
    }
  }
  return { scenario: scenarioPatcher(sc, targets)(nums), unknown };
}
