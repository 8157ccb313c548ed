// Full factorial designs. Rows come in a stable, documented order: the LAST
// factor varies fastest (like nested for-loops, or Python's itertools.product).
// Cannot: fractional factorials; the row count is the product of the level
// counts and is refused above `maxRows`.
import { checkCount } from './random.js';

const DEFAULT_MAX_ROWS = 10_000_000;

/** Every combination of the given values, one list per factor. */
export function gridValues(values: readonly (readonly number[])[], maxRows = DEFAULT_MAX_ROWS): number[][] {
  checkCount('number of factors', values.length);
  let total = 1;
  for (const [j, v] of values.entries()) {
    if (v.length === 0) throw new RangeError(`factor ${j} has no values`);
    total *= v.length;
  }
  if (total > maxRows)
    throw new RangeError(`full factorial has ${total} rows, more than the limit ${maxRows}`);
  const k = values.length;
  const rows: number[][] = new Array(total);
  const index = new Array<number>(k).fill(0);
  for (let r = 0; r < total; r++) {
    rows[r] = index.map((i, j) => values[j]![i]!);
    for (let j = k - 1; j >= 0; j--) {
      index[j]! += 1;
      if (index[j]! < values[j]!.length) break;
      index[j] = 0;
    }
  }
  return rows;
}

/** Stratum midpoints (i + 0.5)/L of L levels per factor, combined in full. */
export function grid(levelsPerFactor: readonly number[], maxRows = DEFAULT_MAX_ROWS): number[][] {
  const values = levelsPerFactor.map((L, j) => {
    checkCount(`levels of factor ${j}`, L);
    return Array.from({ length: L }, (_, i) => (i + 0.5) / L);
  });
  return gridValues(values, maxRows);
}
