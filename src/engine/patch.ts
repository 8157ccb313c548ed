// The one way numbers are replaced in a built scenario (batch draws,
// calibration, scripted events and injects): copy-on-write along engine
// targets, each container copied once however many numbers change under it.
// io resolves the user's dotted paths into targets (Scenario.targets).
import type { Scenario } from './types.js';

/** A path into the engine's Scenario: field names and list indices. */
export type Target = readonly (string | number)[];

interface Node {
  readonly children: Map<string | number, Node>;
  /** Index into the values when this is a number. */
  leaf: number | null;
}

const node = (): Node => ({ children: new Map(), leaf: null });

function rebuild(orig: unknown, n: Node, values: readonly number[]): unknown {
  if (n.leaf !== null) return values[n.leaf];
  const copy = (Array.isArray(orig) ? orig.slice() : { ...(orig as object) }) as Record<
    string | number,
    unknown
  >;
  for (const [key, child] of n.children) copy[key] = rebuild(copy[key], child, values);
  return copy;
}

/**
 * A function from values (in the order of `targets`) to the scenario with
 * them in place; untouched parts are shared with `sc`, which is never changed.
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
  return (values) => rebuild(sc, root, values) as Scenario;
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
