// Sobol' low-discrepancy points (Joe–Kuo 2008 directions), in Gray-code order
// (Antonov–Saleev): the first 2^m points are the same set as in natural order
// and form a (t, m, d)-net. Randomised, if asked, by a random digital shift
// (XOR of one random 32-bit word per dimension), which keeps the net
// structure and makes every point uniform on [0,1)^d.
// Cannot: Owen (nested) scrambling, more than 128 dimensions, more than 2^32
// points; 32 bits per coordinate.
import { checkCount, type UnitRandom } from './random.js';
import { directionIntegers, SOBOL_BITS, SOBOL_MAX_DIMENSIONS } from './sobol-directions.js';

const SCALE = 2 ** -SOBOL_BITS;

/** One random 32-bit word per dimension, for `sobolSequence`'s shift. */
export function randomDigitalShift(d: number, rng: UnitRandom): Uint32Array {
  const shift = new Uint32Array(d);
  for (let j = 0; j < d; j++) shift[j] = Math.floor(rng.next() * 2 ** 32) >>> 0;
  return shift;
}

/**
 * The first n points in d dimensions, rows = points. Without a shift the
 * points are exact dyadic fractions and the first is all zeros; with one they
 * sit at the centre of their 2^-32 cell, strictly inside (0, 1).
 */
export function sobolSequence(n: number, d: number, shift?: Uint32Array): number[][] {
  checkCount('n', n);
  checkCount('d', d);
  if (n > 2 ** SOBOL_BITS) throw new RangeError(`at most 2^${SOBOL_BITS} Sobol' points (asked for ${n})`);
  if (d > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(`at most ${SOBOL_MAX_DIMENSIONS} Sobol' dimensions (asked for ${d})`);
  if (shift && shift.length < d) throw new RangeError(`shift has ${shift.length} words for ${d} dimensions`);
  const v = Array.from({ length: d }, (_, j) => directionIntegers(j));
  const x = new Uint32Array(d);
  const offset = shift ? 0.5 * SCALE : 0;
  const rows: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const c = 31 - Math.clz32(i & -i); // lowest set bit of i = lowest zero bit of i - 1
      for (let j = 0; j < d; j++) x[j] = x[j]! ^ v[j]![c]!;
    }
    const row = new Array<number>(d);
    for (let j = 0; j < d; j++) row[j] = ((shift ? x[j]! ^ shift[j]! : x[j]!) >>> 0) * SCALE + offset;
    rows[i] = row;
  }
  return rows;
}
