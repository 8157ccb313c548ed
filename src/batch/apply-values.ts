// Sampled values into a scenario, fast for many parameters. Same result as
// io/apply-parameters' applyParameterValues (tests check it), but the paths
// are resolved once into a tree, and each run copies every container on the
// way to a changed number once — not once per number — and freezes nothing
// (the engine never mutates its scenario). It copies unfrozen templates of
// those containers, made once (V8 copies a frozen object ten times slower),
// with an object literal per shape.
import { layoutLike, type Scenario } from '../engine/index.js';
import { enginePath } from '../io/apply-parameters.js';
import type { PathSeg } from '../io/paths.js';

interface Node {
  readonly children: Map<PathSeg, Node>;
  /** The children as a list, made once the tree is complete (faster to walk than the map). */
  list: [PathSeg, Node][];
  /** Index into the values when this is a number. */
  leaf: number | null;
  /** The container here (unfrozen), and a function that copies it. */
  template: unknown;
  copy: (template: unknown) => Record<PathSeg, unknown>;
}

type Copier = Node['copy'];

const node = (): Node => ({
  children: new Map(),
  list: [],
  leaf: null,
  template: null,
  copy: (t) => t as never,
});

const copyArray: Copier = (t) => (t as unknown[]).slice() as never;

/**
 * A copier of objects with these keys: an object literal, which V8 makes
 * far faster than a spread called with many shapes. One per key list.
 */
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
  n.template = Array.isArray(orig) ? orig.slice() : { ...(orig as object) };
  n.copy = Array.isArray(orig) ? copyArray : objectCopier(Object.keys(orig as object), copiers);
  for (const [key, child] of n.list) seal(child, (orig as Record<PathSeg, unknown>)[key], copiers);
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

/** A function from the values of `paths` (in order) to the scenario with them applied. */
export function parameterApplier(
  base: Scenario,
  paths: readonly string[],
): (values: readonly number[]) => Scenario {
  if (paths.length === 0) return () => base;
  const root = node();
  paths.forEach((p, i) => {
    let n = root;
    for (const seg of enginePath(base, p)) {
      const next = n.children.get(seg) ?? node();
      n.children.set(seg, next);
      n = next;
    }
    n.leaf = i;
  });
  seal(root, base, new Map());
  return (values) => {
    const sc = rebuild(root, values) as Scenario;
    // Derived tables that no sampled number touches are shared with the base scenario.
    layoutLike(sc, base);
    return sc;
  };
}
