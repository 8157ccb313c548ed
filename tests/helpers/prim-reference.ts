// The PRIM of src/batch/prim.ts as it was before it peeled on sorted index
// lists (a scan of every row per input and step): the reference the faster
// one must match step for step (tests/batch/prim-equivalence.test.ts).
import type { PrimOptions, PrimResult, PrimStep } from '../../src/batch/prim.js';
/** PRIM on inputs x (rows × k, row-major) and 0/1 outcomes y. */
export function primReference(x: Float64Array, k: number, y: Uint8Array, o: PrimOptions = {}): PrimResult {
  const peelAlpha = o.peelAlpha ?? 0.05;
  const pasteAlpha = o.pasteAlpha ?? 0.05;
  const massMin = o.massMin ?? 0.05;
  const threshold = o.threshold ?? 0.8;
  const n = y.length;
  if (x.length !== n * k) throw new RangeError(`x has ${x.length} values for ${n} rows × ${k} inputs`);
  const total = y.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) throw new RangeError('no rows of interest: nothing to find a box for');
  // Each input's rows sorted by value, once.
  const order = Array.from({ length: k }, (_, j) => {
    const idx = Uint32Array.from({ length: n }, (_, i) => i);
    return idx.sort((a, b) => x[a * k + j]! - x[b * k + j]!);
  });
  const ranges = order.map((idx, j) => [x[idx[0]! * k + j]!, x[idx[n - 1]! * k + j]!] as const);
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

  // Peeling.
  while (hits < rows) {
    let best: { j: number; side: 0 | 1; limit: number; rows: number; hits: number; score: number } | null =
      null;
    for (let j = 0; j < k; j++) {
      const vals: number[] = [];
      for (const i of order[j]!) if (inBox[i]) vals.push(x[i * k + j]!);
      const m = Math.max(1, Math.floor(peelAlpha * vals.length));
      for (const side of [0, 1] as const) {
        const limit = side === 0 ? vals[m]! : vals[vals.length - 1 - m]!;
        if (limit === undefined) continue;
        let r = 0;
        let h = 0;
        for (const i of order[j]!) {
          if (!inBox[i]) continue;
          const v = x[i * k + j]!;
          if (side === 0 ? v < limit : v > limit) continue;
          r++;
          h += y[i]!;
        }
        if (r === rows || r / n < massMin) continue;
        const score = (h / r - hits / rows) / (rows - r);
        if (!best || score > best.score || (score === best.score && r > best.rows))
          best = { j, side, limit, rows: r, hits: h, score };
      }
    }
    if (!best) break;
    box[best.j]![best.side] = best.limit;
    for (let i = 0; i < n; i++) {
      const v = x[i * k + best.j]!;
      if (inBox[i] && (best.side === 0 ? v < best.limit : v > best.limit)) inBox[i] = 0;
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
