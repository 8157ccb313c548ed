// The Sobol' sequence and its direction-number table.
import { describe, expect, it } from 'vitest';
import {
  directionIntegers,
  JOE_KUO_ROWS,
  SOBOL_MAX_DIMENSIONS,
} from '../../src/batch/designs/sobol-directions.js';
import { randomDigitalShift, sobolSequence } from '../../src/batch/designs/sobol-sequence.js';

/** Is x^s + a_1 x^{s-1} + … + a_{s-1} x + 1 primitive over GF(2)? (x has order 2^s − 1.) */
function isPrimitive(s: number, a: number): boolean {
  const poly = (1 << s) | (a << 1) | 1;
  const order = (1 << s) - 1;
  let x = 1;
  for (let e = 1; e <= order; e++) {
    x <<= 1;
    if (x & (1 << s)) x ^= poly;
    if (x === 1) return e === order;
  }
  return false;
}

describe('Joe–Kuo direction table', () => {
  it('lists dimensions 2..128 with the primitive polynomials in order, degree by degree', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(128);
    const byDegree = new Map<number, number[]>();
    for (const { s, a } of JOE_KUO_ROWS) byDegree.set(s, [...(byDegree.get(s) ?? []), a]);
    for (const [s, as] of byDegree) {
      const primitive = Array.from({ length: 2 ** (s - 1) }, (_, a) => a).filter((a) => isPrimitive(s, a));
      expect(as).toEqual(primitive.slice(0, as.length));
    }
  });

  it('has s odd initial numbers m_i < 2^i per row', () => {
    for (const { s, m } of JOE_KUO_ROWS) {
      expect(m).toHaveLength(s);
      m.forEach((mi, i) => {
        expect(mi % 2).toBe(1);
        expect(mi).toBeLessThan(2 ** (i + 1));
      });
    }
  });

  it('refuses dimensions outside the table', () => {
    expect(() => directionIntegers(128)).toThrow(RangeError);
    expect(() => sobolSequence(4, 129)).toThrow(RangeError);
  });
});

describe('sobolSequence', () => {
  it('matches the first points of the unscrambled sequence (as scipy.stats.qmc.Sobol gives them)', () => {
    expect(sobolSequence(8, 3)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it('puts one of the first 2^m points in each of 2^m strata, in all 128 dimensions', () => {
    const m = 10;
    const points = sobolSequence(2 ** m, SOBOL_MAX_DIMENSIONS);
    for (let j = 0; j < SOBOL_MAX_DIMENSIONS; j++) {
      const strata = new Set(points.map((p) => Math.floor(p[j]! * 2 ** m)));
      expect(strata.size).toBe(2 ** m);
    }
  });

  it('dimensions 1 and 2 form a (0, m, 2)-net: one point in every dyadic box of area 2^-m', () => {
    const m = 8;
    const points = sobolSequence(2 ** m, 2);
    for (let bits = 0; bits <= m; bits++) {
      const cells = new Set(
        points.map((p) => `${Math.floor(p[0]! * 2 ** bits)}:${Math.floor(p[1]! * 2 ** (m - bits))}`),
      );
      expect(cells.size).toBe(2 ** m);
    }
  });

  it('a digital shift keeps the strata and moves every point strictly inside (0, 1)', () => {
    let s = 12345;
    const rng = {
      next: () => {
        s = (s * 16807) % 2147483647;
        return s / 2147483647;
      },
    };
    const points = sobolSequence(256, 6, randomDigitalShift(6, rng));
    for (let j = 0; j < 6; j++) {
      expect(new Set(points.map((p) => Math.floor(p[j]! * 256))).size).toBe(256);
      for (const p of points) expect(p[j]! > 0 && p[j]! < 1).toBe(true);
    }
  });
});
