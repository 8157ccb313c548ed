// CART (Breiman et al. 1984) for scenario discovery, the alternative to PRIM:
// a binary classification tree over the numeric inputs for the runs of
// interest (y = 1). Each node is split at the input and threshold with the
// largest decrease in Gini impurity, thresholds being midpoints between
// neighbouring distinct values (x ≤ t goes left, x > t right); the tree grows
// depth first and a node is a leaf when it is pure, at `maxDepth`, or when no
// split leaves `minLeaf` rows on each side and lowers the impurity. Ties go
// to the earlier input, then the lower threshold. Each leaf is a box (the
// conditions on its path); the chosen one is, of the leaves whose density
// reaches `threshold`, the one with the largest coverage, else the densest.
// Coverage, density and mass as in PRIM (src/batch/prim.ts).
import { argsort } from './prim.js';

export interface CartOptions {
  /** Splits on a path from the root, at most (default 4). */
  readonly maxDepth?: number;
  /** Fewest rows a split may leave on a side: a share of the rows if below 1, else a count (default 0.05). */
  readonly minLeaf?: number;
  /** Density the chosen leaf should reach (default 0.8). */
  readonly threshold?: number;
}

export interface CartNode {
  readonly rows: number;
  readonly coverage: number;
  readonly density: number;
  /** Input index and threshold: x ≤ threshold goes to `left`. */
  readonly split?: { readonly input: number; readonly threshold: number };
  readonly left?: CartNode;
  readonly right?: CartNode;
  /** Index in `leaves`, for a leaf. */
  readonly leaf?: number;
}

export interface CartLeaf {
  readonly rows: number;
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  /** The limits, [lo, hi] per input (the inputs' ranges where the path sets none). */
  readonly box: readonly (readonly [number, number])[];
}

export interface CartResult {
  readonly tree: CartNode;
  /** In depth-first order, left before right. */
  readonly leaves: CartLeaf[];
  /** Index in `leaves` of the chosen box. */
  readonly chosen: number;
  /** The inputs' ranges over all rows. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** CART on inputs x (rows × k, row-major) and 0/1 outcomes y. */
export function cart(x: Float64Array, k: number, y: Uint8Array, o: CartOptions = {}): CartResult {
  const maxDepth = o.maxDepth ?? 4;
  const share = o.minLeaf ?? 0.05;
  const threshold = o.threshold ?? 0.8;
  const n = y.length;
  if (x.length !== n * k) throw new RangeError(`x has ${x.length} values for ${n} rows × ${k} inputs`);
  const total = y.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) throw new RangeError('no rows of interest: nothing to find a box for');
  const minLeaf = share < 1 ? Math.max(1, Math.ceil(share * n)) : Math.floor(share);
  // Each input as one column, and its rows sorted by value, once. A node owns
  // the segment [from, to) of every input's list; a split partitions each
  // segment stably, so the lists stay sorted within every node.
  const cols = Array.from({ length: k }, (_, j) => {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = x[i * k + j]!;
    return c;
  });
  const lists = cols.map(argsort);
  const ranges = lists.map((idx, j) => [cols[j]![idx[0]!]!, cols[j]![idx[n - 1]!]!] as const);
  const goesLeft = new Uint8Array(n);
  const buffer = new Uint32Array(n);
  const leaves: CartLeaf[] = [];

  const grow = (from: number, to: number, depth: number, box: [number, number][]): CartNode => {
    const rows = to - from;
    let hits = 0;
    for (let t = from; t < to; t++) hits += y[lists[0]?.[t] ?? t]!;
    const node = { rows, coverage: hits / total, density: hits / rows };
    const best = depth < maxDepth && hits > 0 && hits < rows ? bestSplit(from, to, hits) : null;
    if (!best) {
      leaves.push({ ...node, mass: rows / n, box: box.map((b) => [b[0], b[1]] as const) });
      return { ...node, leaf: leaves.length - 1 };
    }
    const c = cols[best.j]!;
    for (let t = from; t < to; t++) {
      const i = lists[0]?.[t] ?? t;
      goesLeft[i] = c[i]! <= best.threshold ? 1 : 0;
    }
    for (const list of lists) {
      let l = from;
      let r = from + best.left;
      for (let t = from; t < to; t++) buffer[goesLeft[list[t]!] ? l++ : r++] = list[t]!;
      list.set(buffer.subarray(from, to), from);
    }
    const side = (s: 0 | 1) =>
      box.map((b, j) =>
        j === best.j ? (s === 0 ? [b[0], best.threshold] : [best.threshold, b[1]]) : [...b],
      ) as [number, number][];
    const left = grow(from, from + best.left, depth + 1, side(0));
    const right = grow(from + best.left, to, depth + 1, side(1));
    return { ...node, split: { input: best.j, threshold: best.threshold }, left, right };
  };

  /** The split with the largest Gini decrease; its size is (hl·nr − hr·nl)² / (nl·nr), up to a factor of the node. */
  const bestSplit = (from: number, to: number, hits: number) => {
    const rows = to - from;
    let best: { j: number; threshold: number; left: number; score: number } | null = null;
    for (let j = 0; j < k; j++) {
      const list = lists[j]!;
      const c = cols[j]!;
      let hl = 0;
      for (let t = from; t < to - 1; t++) {
        hl += y[list[t]!]!;
        const nl = t - from + 1;
        const nr = rows - nl;
        const a = c[list[t]!]!;
        const b = c[list[t + 1]!]!;
        if (a === b || nl < minLeaf || nr < minLeaf) continue;
        const d = hl * nr - (hits - hl) * nl;
        if (d === 0) continue;
        const score = (d / nl) * (d / nr);
        if (!best || score > best.score) {
          const mid = a + (b - a) / 2;
          best = { j, threshold: mid < b ? mid : a, left: nl, score };
        }
      }
    }
    return best;
  };

  const tree = grow(
    0,
    n,
    0,
    ranges.map((r) => [r[0], r[1]]),
  );
  const dense = leaves.flatMap((l, i) => (l.density >= threshold ? [i] : []));
  const chosen = dense.length
    ? dense.reduce((a, b) =>
        leaves[b]!.coverage > leaves[a]!.coverage ||
        (leaves[b]!.coverage === leaves[a]!.coverage && leaves[b]!.density > leaves[a]!.density)
          ? b
          : a,
      )
    : leaves.reduce(
        (a, l, i) =>
          l.density > leaves[a]!.density ||
          (l.density === leaves[a]!.density && l.coverage > leaves[a]!.coverage)
            ? i
            : a,
        0,
      );
  return { tree, leaves, chosen, ranges };
}
