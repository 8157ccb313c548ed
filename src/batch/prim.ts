// PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), for
// scenario discovery (Bryant & Lempert 2010): a box over the uncertain inputs
// in which the runs of interest (y = 1) are dense. Peeling cuts, at each
// step, the α share of the box's rows at one end of one input, choosing the
// cut with the best gain in density per row removed (the "lenient" objective
// of EMA Workbench), until the box holds less than `massMin` of the rows or
// is pure. One box on that trajectory is chosen (of those whose density
// reaches `threshold`, the one with the largest coverage × density, a knee
// of the trade-off; else the densest; or the step asked for), and pasting
// then widens it again by α steps while that raises the density.
// coverage = y in box / y in all; density = y in box / rows in box;
// mass = rows in box / rows. Cannot: categorical inputs, covering several
// boxes one after another, quasi-p-values of the restrictions.

export interface PrimOptions {
  readonly peelAlpha?: number;
  readonly pasteAlpha?: number;
  readonly massMin?: number;
  readonly threshold?: number;
  /** Paste this step of the peeling trajectory instead of the one the threshold picks. */
  readonly step?: number;
}

export interface PrimStep {
  readonly phase: 'peel' | 'paste';
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  /** Inputs the box restricts at this step. */
  readonly restricted: number;
  /** The limits, [lo, hi] per input. */
  readonly box: readonly (readonly [number, number])[];
}

export interface PrimResult {
  readonly trajectory: PrimStep[];
  /** Index in `trajectory` of the peeled box chosen for pasting. */
  readonly chosen: number;
  /** The final box (the chosen one after pasting). */
  readonly box: PrimStep;
  /** The inputs' ranges over all rows. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** PRIM on inputs x (rows × k, row-major) and 0/1 outcomes y. */
export function prim(x: Float64Array, k: number, y: Uint8Array, o: PrimOptions = {}): PrimResult {
  const peelAlpha = o.peelAlpha ?? 0.05;
  const pasteAlpha = o.pasteAlpha ?? 0.05;
  const massMin = o.massMin ?? 0.05;
  const threshold = o.threshold ?? 0.8;
  const n = y.length;
  if (x.length !== n * k) throw new RangeError(`x has ${x.length} values for ${n} rows × ${k} inputs`);
  const total = y.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) throw new RangeError('no rows of interest: nothing to find a box for');
  // Each input as one contiguous column, and its rows sorted by value, once.
  const cols = Array.from({ length: k }, (_, j) => {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = x[i * k + j]!;
    return c;
  });
  const order = cols.map(argsort);
  const ranges = order.map((idx, j) => [cols[j]![idx[0]!]!, cols[j]![idx[n - 1]!]!] as const);
  const inBox = new Uint8Array(n).fill(1);
  let box = ranges.map((r) => [r[0], r[1]] as [number, number]);
  let rows = n;
  let hits = total;
  const step = (phase: PrimStep['phase']): PrimStep => ({
    phase,
    coverage: hits / total,
    density: hits / rows,
    mass: rows / n,
    restricted: box.filter((b, j) => b[0] > ranges[j]![0] || b[1] < ranges[j]![1]).length,
    box: box.map((b) => [b[0], b[1]] as const),
  });
  const trajectory: PrimStep[] = [step('peel')];

  // Peeling, on each input's rows in the box in sorted order (the first `rows` of `lists[j]`):
  // a cut at one end removes a run of rows at that end of the list, so it costs its own size.
  const lists = order.map((o) => o.slice());
  while (hits < rows) {
    let best: {
      j: number;
      side: 0 | 1;
      limit: number;
      cut: number;
      rows: number;
      hits: number;
      score: number;
    } | null = null;
    const m = Math.max(1, Math.floor(peelAlpha * rows));
    for (let j = 0; m < rows && j < k; j++) {
      const list = lists[j]!;
      const c = cols[j]!;
      for (const side of [0, 1] as const) {
        // Rows strictly beyond the limit go: ties with it stay in.
        const limit = c[list[side === 0 ? m : rows - 1 - m]!]!;
        let from = side === 0 ? 0 : rows - m;
        let to = side === 0 ? m : rows;
        if (side === 0) while (to > 0 && c[list[to - 1]!] === limit) to--;
        else while (from < rows && c[list[from]!] === limit) from++;
        let gone = 0;
        for (let t = from; t < to; t++) gone += y[list[t]!]!;
        const r = rows - (to - from);
        const h = hits - gone;
        if (r === rows || r / n < massMin) continue;
        const score = (h / r - hits / rows) / (rows - r);
        if (!best || score > best.score || (score === best.score && r > best.rows))
          best = { j, side, limit, cut: side === 0 ? to : from, rows: r, hits: h, score };
      }
    }
    if (!best) break;
    box[best.j]![best.side] = best.limit;
    const cut = lists[best.j]!;
    for (let t = best.side === 0 ? 0 : best.cut; t < (best.side === 0 ? best.cut : rows); t++)
      inBox[cut[t]!] = 0;
    for (const list of lists) {
      let w = 0;
      for (let t = 0; t < rows; t++) if (inBox[list[t]!]) list[w++] = list[t]!;
    }
    rows = best.rows;
    hits = best.hits;
    trajectory.push(step('peel'));
  }

  // The box to paste: the best coverage × density at the threshold density, else the densest.
  const dense = trajectory.flatMap((s, i) => (s.density >= threshold ? [i] : []));
  const both = (i: number) => trajectory[i]!.coverage * trajectory[i]!.density;
  const chosen =
    o.step !== undefined
      ? Math.min(Math.max(0, o.step), trajectory.length - 1)
      : dense.length
        ? dense.reduce((a, b) => (both(b) > both(a) ? b : a))
        : trajectory.reduce((a, s, i) => (s.density > trajectory[a]!.density ? i : a), 0);
  box = trajectory[chosen]!.box.map((b) => [b[0], b[1]] as [number, number]);
  const inside = (i: number) => {
    for (let j = 0; j < k; j++) {
      const v = x[i * k + j]!;
      if (v < box[j]![0] || v > box[j]![1]) return false;
    }
    return true;
  };
  rows = 0;
  hits = 0;
  for (let i = 0; i < n; i++)
    if (inside(i)) {
      rows++;
      hits += y[i]!;
    }

  // Pasting: widen one limit by the α share of the box's rows just outside it, while density rises.
  for (;;) {
    const m = Math.max(1, Math.floor(pasteAlpha * rows));
    // Per row: how many limits it breaks, and which one when it is one (O(n·k) once per step).
    const broken = new Uint32Array(n);
    const which = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < k; j++) {
        const v = x[i * k + j]!;
        if (v < box[j]![0] || v > box[j]![1]) {
          broken[i]!++;
          which[i] = j;
        }
      }
    let best: { j: number; side: 0 | 1; limit: number; rows: number; hits: number; score: number } | null =
      null;
    for (let j = 0; j < k; j++) {
      // Rows inside every other limit, beyond this input's limits.
      const below: number[] = [];
      const above: number[] = [];
      for (const i of order[j]!) {
        if (broken[i] !== 1 || which[i] !== j) continue;
        const v = x[i * k + j]!;
        (v < box[j]![0] ? below : above).push(i);
      }
      for (const [side, list] of [
        [0, below.reverse()],
        [1, above],
      ] as const) {
        if (list.length === 0) continue;
        const take = list.slice(0, m);
        const limit = x[take[take.length - 1]! * k + j]!;
        // Ties at the new limit come in too.
        const added = list.filter((i) => (side === 0 ? x[i * k + j]! >= limit : x[i * k + j]! <= limit));
        const r = rows + added.length;
        const h = hits + added.reduce((a, i) => a + y[i]!, 0);
        const score = (h / r - hits / rows) / added.length;
        if (h / r > hits / rows && (!best || score > best.score))
          best = { j, side, limit, rows: r, hits: h, score };
      }
    }
    if (!best) break;
    box[best.j]![best.side] = best.limit;
    rows = best.rows;
    hits = best.hits;
    trajectory.push(step('paste'));
  }
  const last = trajectory[trajectory.length - 1]!;
  return { trajectory, chosen, box: last.phase === 'paste' ? last : trajectory[chosen]!, ranges };
}

/** Row indices by ascending value, ties in row order (a stable merge sort, no comparator calls). */
export function argsort(c: Float64Array): Uint32Array {
  const n = c.length;
  let a = Uint32Array.from({ length: n }, (_, i) => i);
  let b = new Uint32Array(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let o = lo;
      while (i < mid && j < hi) b[o++] = c[a[j]!]! < c[a[i]!]! ? a[j++]! : a[i++]!;
      while (i < mid) b[o++] = a[i++]!;
      while (j < hi) b[o++] = a[j++]!;
    }
    [a, b] = [b, a];
  }
  return a;
}
