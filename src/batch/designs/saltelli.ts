// Saltelli (2010) design for first-order and total Sobol' indices.
// Base matrix: N points of a randomly digitally shifted Sobol' sequence in 2k
// dimensions; A = first k columns, B = last k. For each base row j the design
// emits k + 2 consecutive rows:
//   j·(k+2) + 0       A_j
//   j·(k+2) + 1 + i   AB_j^i  (A_j with column i taken from B_j), i = 0..k-1
//   j·(k+2) + k + 1   B_j
// `saltelliRole` decodes a row index; analysis finds rows by index, never by
// the order in which results arrive.
// With groups of factors, g groups replace the k factors: AB_j^i takes every
// column of group i from B_j, and a base row emits g + 2 rows.
// The base matrix needs 2k Sobol' dimensions; past 128 (k > 64) it is plain
// Monte Carlo instead (`base: 'mc'`), drawn row by row, so that the first
// n base rows of any design are themselves a valid one.
// Cannot: second-order indices (no BA rows).
import { monteCarlo } from './monte-carlo.js';
import { checkCount, type UnitRandom } from './random.js';
import { SOBOL_MAX_DIMENSIONS } from './sobol-directions.js';
import { randomDigitalShift, sobolSequence } from './sobol-sequence.js';

export interface SaltelliMeta {
  readonly N: number;
  readonly k: number;
  readonly layout: 'saltelli-2010';
  /** Factor indices of each group (absent: every factor alone). */
  readonly groups?: readonly (readonly number[])[];
  /** How the base matrix was drawn (absent: a digitally shifted Sobol' sequence). */
  readonly base?: 'mc';
}

/** How many indices the design gives: its groups, else its factors. */
export const saltelliFactors = (meta: SaltelliMeta): number => meta.groups?.length ?? meta.k;

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
  options: { secondOrder?: false; groups?: readonly (readonly number[])[] } = {},
): SaltelliDesign {
  checkCount('k', k);
  checkCount('N', N, 2);
  if (options.secondOrder) throw new RangeError('second-order Sobol indices are not supported');
  const groups = options.groups;
  if (groups) checkGroups(groups, k);
  const cols = groups ?? Array.from({ length: k }, (_, i) => [i]);
  const g = cols.length;
  const qmc = 2 * k <= SOBOL_MAX_DIMENSIONS;
  const warnings: string[] = [];
  if (qmc && !isPowerOfTwo(N))
    warnings.push(
      `N = ${N} is not a power of two: the Sobol' base points lose their balance properties; ` +
        `prefer N = ${2 ** Math.round(Math.log2(N))}`,
    );
  const base = qmc ? sobolSequence(N, 2 * k, randomDigitalShift(2 * k, rng)) : monteCarlo(2 * k, N, rng);
  const rows: number[][] = new Array(N * (g + 2));
  for (let j = 0; j < N; j++) {
    const m = base[j]!;
    const a = m.slice(0, k);
    const b = m.slice(k);
    const at = j * (g + 2);
    rows[at] = a;
    for (let i = 0; i < g; i++) {
      const ab = a.slice();
      for (const c of cols[i]!) ab[c] = b[c]!;
      rows[at + 1 + i] = ab;
    }
    rows[at + g + 1] = b;
  }
  const meta: SaltelliMeta = {
    ...{ N, k, layout: 'saltelli-2010' as const },
    ...(groups ? { groups: groups.map((x) => [...x]) } : {}),
    ...(qmc ? {} : { base: 'mc' as const }),
  };
  return { rows, meta, warnings };
}

/** Groups must split 0..k-1: every factor in exactly one group, no group empty. */
function checkGroups(groups: readonly (readonly number[])[], k: number): void {
  const seen = new Uint8Array(k);
  for (const g of groups) {
    if (g.length === 0) throw new RangeError('a group of factors is empty');
    for (const i of g) {
      if (!Number.isInteger(i) || i < 0 || i >= k) throw new RangeError(`factor ${i} outside 0..${k - 1}`);
      if (seen[i]) throw new RangeError(`factor ${i} is in two groups`);
      seen[i] = 1;
    }
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) throw new RangeError(`factor ${missing} is in no group`);
}

function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}

/** Which base row and which matrix a design row belongs to. */
export function saltelliRole(meta: SaltelliMeta, row: number): SaltelliRole {
  const size = saltelliFactors(meta) + 2;
  if (!Number.isInteger(row) || row < 0 || row >= meta.N * size)
    throw new RangeError(`row ${row} outside a Saltelli design of ${meta.N * size} rows`);
  const base = Math.floor(row / size);
  const r = row - base * size;
  if (r === 0) return { base, role: 'A' };
  if (r === size - 1) return { base, role: 'B' };
  return { base, role: 'AB', factor: r - 1 };
}
