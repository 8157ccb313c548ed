// Saltelli (2010) design for first-order and total Sobol' indices.
// Base matrix: N points of a randomly digitally shifted Sobol' sequence in 2k
// dimensions; A = first k columns, B = last k. For each base row j the design
// emits k + 2 consecutive rows:
//   j·(k+2) + 0       A_j
//   j·(k+2) + 1 + i   AB_j^i  (A_j with column i taken from B_j), i = 0..k-1
//   j·(k+2) + k + 1   B_j
// `saltelliRole` decodes a row index; analysis finds rows by index, never by
// the order in which results arrive.
// Cannot: second-order indices (no BA rows), groups of factors, k > 64.
import { checkCount, type UnitRandom } from './random.js';
import { SOBOL_MAX_DIMENSIONS } from './sobol-directions.js';
import { randomDigitalShift, sobolSequence } from './sobol-sequence.js';

export interface SaltelliMeta {
  readonly N: number;
  readonly k: number;
  readonly layout: 'saltelli-2010';
}

export interface SaltelliDesign {
  /** N·(k+2) rows in [0,1)^k. */
  readonly rows: number[][];
  readonly meta: SaltelliMeta;
  readonly warnings: string[];
}

export type SaltelliRole =
  | { readonly base: number; readonly role: 'A' }
  | { readonly base: number; readonly role: 'AB'; readonly factor: number }
  | { readonly base: number; readonly role: 'B' };

export function saltelli(
  k: number,
  N: number,
  rng: UnitRandom,
  options: { secondOrder?: false } = {},
): SaltelliDesign {
  checkCount('k', k);
  checkCount('N', N, 2);
  if (options.secondOrder) throw new RangeError('second-order Sobol indices are not supported');
  if (2 * k > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(
      `Saltelli needs 2k Sobol' dimensions; at most k = ${SOBOL_MAX_DIMENSIONS / 2} (got ${k})`,
    );
  const warnings: string[] = [];
  if (!isPowerOfTwo(N))
    warnings.push(
      `N = ${N} is not a power of two: the Sobol' base points lose their balance properties; ` +
        `prefer N = ${2 ** Math.round(Math.log2(N))}`,
    );
  const base = sobolSequence(N, 2 * k, randomDigitalShift(2 * k, rng));
  const rows: number[][] = new Array(N * (k + 2));
  for (let j = 0; j < N; j++) {
    const m = base[j]!;
    const a = m.slice(0, k);
    const b = m.slice(k);
    const at = j * (k + 2);
    rows[at] = a;
    for (let i = 0; i < k; i++) {
      const ab = a.slice();
      ab[i] = b[i]!;
      rows[at + 1 + i] = ab;
    }
    rows[at + k + 1] = b;
  }
  return { rows, meta: { N, k, layout: 'saltelli-2010' }, warnings };
}

function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}

/** Which base row and which matrix a design row belongs to. */
export function saltelliRole(meta: SaltelliMeta, row: number): SaltelliRole {
  const size = meta.k + 2;
  if (!Number.isInteger(row) || row < 0 || row >= meta.N * size)
    throw new RangeError(`row ${row} outside a Saltelli design of ${meta.N * size} rows`);
  const base = Math.floor(row / size);
  const r = row - base * size;
  if (r === 0) return { base, role: 'A' };
  if (r === size - 1) return { base, role: 'B' };
  return { base, role: 'AB', factor: r - 1 };
}
