// Unit-hypercube designs: stratification, layout and reproducibility.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { grid, gridValues } from '../../src/batch/designs/grid.js';
import { latinHypercube } from '../../src/batch/designs/latin-hypercube.js';
import { monteCarlo } from '../../src/batch/designs/monte-carlo.js';
import { morris } from '../../src/batch/designs/morris.js';
import { saltelli, saltelliRole } from '../../src/batch/designs/saltelli.js';

/** mulberry32: a tiny seeded uniform source for tests. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return {
    next(): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

describe('monteCarlo', () => {
  it('gives N rows of k values in [0,1) and grows by keeping its prefix', () => {
    const small = monteCarlo(3, 5, seeded(1));
    const large = monteCarlo(3, 9, seeded(1));
    expect(small).toHaveLength(5);
    expect(large.slice(0, 5)).toEqual(small);
    for (const row of large) {
      expect(row).toHaveLength(3);
      for (const u of row) expect(u >= 0 && u < 1).toBe(true);
    }
  });

  it('refuses non-integer or zero sizes', () => {
    expect(() => monteCarlo(0, 5, seeded(1))).toThrow(RangeError);
    expect(() => monteCarlo(2, 2.5, seeded(1))).toThrow(RangeError);
  });
});

describe('latinHypercube', () => {
  test.prop([fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 300 }), fc.integer()])(
    'every column has exactly one point in each of the N strata',
    (k, N, seed) => {
      const rows = latinHypercube(k, N, seeded(seed));
      expect(rows).toHaveLength(N);
      for (let j = 0; j < k; j++) {
        const hits = new Array<number>(N).fill(0);
        for (const row of rows) {
          const u = row[j]!;
          expect(u >= 0 && u < 1).toBe(true);
          hits[Math.floor(u * N)]! += 1;
        }
        expect(hits.every((h) => h === 1)).toBe(true);
      }
    },
  );

  it('keeps the stratum even when the random source returns values within an ulp of 1', () => {
    const rows = latinHypercube(2, 7, { next: () => 1 - 2 ** -53 });
    for (let j = 0; j < 2; j++) {
      const strata = rows.map((r) => Math.floor(r[j]! * 7)).sort((a, b) => a - b);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });
});

describe('grid', () => {
  it('puts L levels at stratum midpoints, last factor fastest', () => {
    expect(grid([2, 3])).toEqual([
      [0.25, 1 / 6],
      [0.25, 0.5],
      [0.25, 5 / 6],
      [0.75, 1 / 6],
      [0.75, 0.5],
      [0.75, 5 / 6],
    ]);
  });

  it('takes the cartesian product of given values in a stable order', () => {
    expect(gridValues([[10, 20], [1], [0.1, 0.2]])).toEqual([
      [10, 1, 0.1],
      [10, 1, 0.2],
      [20, 1, 0.1],
      [20, 1, 0.2],
    ]);
  });

  it('refuses empty factors and designs above the row limit', () => {
    expect(() => gridValues([[1], []])).toThrow(RangeError);
    expect(() => grid([10, 10, 10], 999)).toThrow(/1000 rows/);
  });
});

describe('saltelli', () => {
  const k = 4;
  const N = 16;
  const design = saltelli(k, N, seeded(7));

  it('lays out N blocks [A_j, AB_j^1..AB_j^k, B_j]', () => {
    expect(design.meta).toEqual({ N, k, layout: 'saltelli-2010' });
    expect(design.rows).toHaveLength(N * (k + 2));
    expect(design.warnings).toEqual([]);
    for (let j = 0; j < N; j++) {
      const at = j * (k + 2);
      const A = design.rows[at]!;
      const B = design.rows[at + k + 1]!;
      for (let i = 0; i < k; i++) {
        const AB = design.rows[at + 1 + i]!;
        expect(AB).toEqual(A.map((a, c) => (c === i ? B[c]! : a)));
      }
    }
  });

  it('decodes each row index into its role', () => {
    expect(saltelliRole(design.meta, 0)).toEqual({ base: 0, role: 'A' });
    expect(saltelliRole(design.meta, 1)).toEqual({ base: 0, role: 'AB', factor: 0 });
    expect(saltelliRole(design.meta, k)).toEqual({ base: 0, role: 'AB', factor: k - 1 });
    expect(saltelliRole(design.meta, k + 1)).toEqual({ base: 0, role: 'B' });
    expect(saltelliRole(design.meta, 3 * (k + 2) + 2)).toEqual({ base: 3, role: 'AB', factor: 1 });
    expect(() => saltelliRole(design.meta, N * (k + 2))).toThrow(RangeError);
  });

  it('the A rows, and the B rows, each put one point in every one of N strata per column', () => {
    for (const role of [0, k + 1]) {
      for (let c = 0; c < k; c++) {
        const strata = new Set(
          design.rows.filter((_, r) => r % (k + 2) === role).map((row) => Math.floor(row[c]! * N)),
        );
        expect(strata.size).toBe(N);
      }
    }
  });

  it('depends on the seed (the random shift), and only on it', () => {
    expect(saltelli(k, N, seeded(7)).rows).toEqual(design.rows);
    expect(saltelli(k, N, seeded(8)).rows).not.toEqual(design.rows);
  });

  it('warns when N is not a power of two, takes a Monte Carlo base past 64 factors, refuses second order', () => {
    expect(saltelli(2, 12, seeded(1)).warnings[0]).toMatch(/N = 12 is not a power of two/);
    expect(saltelli(64, 8, seeded(1)).meta.base).toBeUndefined();
    expect(saltelli(65, 12, seeded(1))).toMatchObject({ meta: { base: 'mc' }, warnings: [] });
    expect(() => saltelli(2, 8, seeded(1), { secondOrder: true as never })).toThrow(/second-order/);
  });

  it('builds k = 20, N = 2^14 with N·(k + 2) rows (its speed is measured by npm run bench)', () => {
    const big = saltelli(20, 2 ** 14, seeded(3));
    expect(big.rows).toHaveLength(2 ** 14 * 22);
  });
});

describe('morris', () => {
  test.prop([
    fc.integer({ min: 1, max: 7 }),
    fc.integer({ min: 1, max: 12 }),
    fc.constantFrom(2, 4, 6, 8),
    fc.integer(),
  ])(
    'each step moves one factor by sign·Δ on the p-level grid, every factor once per trajectory',
    (k, r, p, seed) => {
      const { rows, meta } = morris(k, r, p, seeded(seed));
      const delta = p / (2 * (p - 1));
      expect(meta.delta).toBeCloseTo(delta, 15);
      expect(rows).toHaveLength(r * (k + 1));
      for (const row of rows)
        for (const x of row) {
          expect(x >= 0 && x <= 1).toBe(true);
          expect(Math.abs(x * (p - 1) - Math.round(x * (p - 1)))).toBeLessThan(1e-9);
        }
      for (let t = 0; t < r; t++) {
        const moved = new Set<number>();
        for (let s = 0; s < k; s++) {
          const before = rows[t * (k + 1) + s]!;
          const after = rows[t * (k + 1) + s + 1]!;
          const i = meta.factor[t * k + s]!;
          moved.add(i);
          for (let c = 0; c < k; c++) {
            const diff = after[c]! - before[c]!;
            if (c === i) expect(diff).toBeCloseTo(meta.sign[t * k + s]! * delta, 12);
            else expect(diff).toBe(0);
          }
        }
        expect(moved.size).toBe(k);
      }
    },
  );

  it('uses both directions and refuses odd p', () => {
    const { meta } = morris(5, 40, 4, seeded(2));
    expect(meta.sign.filter((s) => s === 1).length).toBeGreaterThan(50);
    expect(meta.sign.filter((s) => s === -1).length).toBeGreaterThan(50);
    expect(() => morris(3, 2, 5, seeded(1))).toThrow(/even/);
  });
});
