// Sobol' indices from a Saltelli design, checked on the Ishigami function.
import { describe, expect, it } from 'vitest';
import { randomPermutation } from '../../src/batch/designs/random.js';
import { saltelli } from '../../src/batch/designs/saltelli.js';
import { sobolIndices } from '../../src/batch/stats/sobol-indices.js';

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

// Ishigami: f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π). Analytic variances:
//   V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V3 = 0, V13 = b²π⁸(1/18 − 1/50) = 8b²π⁸/225,
//   V = V1 + V2 + V13 = a²/8 + bπ⁴/5 + b²π⁸/18 + ½.
const a = 7;
const b = 0.1;
const pi4 = Math.PI ** 4;
const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
const V2 = (a * a) / 8;
const V13 = (8 * b * b * pi4 * pi4) / 225;
const V = V1 + V2 + V13;
const S1_TRUE = [V1 / V, V2 / V, 0]; // ≈ 0.3139, 0.4424, 0
const ST_TRUE = [(V1 + V13) / V, V2 / V, V13 / V]; // ≈ 0.5576, 0.4424, 0.2437

function ishigami(u: readonly number[]): number {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v) as [number, number, number];
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

describe('sobolIndices on Ishigami (a = 7, b = 0.1), N = 2^13', () => {
  const design = saltelli(3, 2 ** 13, seeded(2010));
  const y = Float64Array.from(design.rows, ishigami);
  const result = sobolIndices(design.meta, y, { bootstrap: 1000, rng: seeded(99), confidence: 0.95 });

  it('has the analytic values we test against', () => {
    expect(S1_TRUE[0]).toBeCloseTo(0.3139, 4);
    expect(S1_TRUE[1]).toBeCloseTo(0.4424, 4);
    expect(ST_TRUE[0]).toBeCloseTo(0.5576, 4);
    expect(ST_TRUE[2]).toBeCloseTo(0.2437, 4);
  });

  it('estimates S1 and ST within ±0.03', () => {
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(result.S1[i]! - S1_TRUE[i]!)).toBeLessThan(0.03);
      expect(Math.abs(result.ST[i]! - ST_TRUE[i]!)).toBeLessThan(0.03);
    }
    expect(result.baseRows).toBe(2 ** 13);
    expect(result.variance).toBeCloseTo(V, 0);
    expect(result.warnings).toEqual([]);
  });

  it('gives bootstrap 95% half-widths that cover the truth and are not absurdly wide', () => {
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(result.S1[i]! - S1_TRUE[i]!)).toBeLessThanOrEqual(result.S1Conf[i]!);
      expect(Math.abs(result.ST[i]! - ST_TRUE[i]!)).toBeLessThanOrEqual(result.STConf[i]!);
      expect(result.S1Conf[i]).toBeLessThan(0.05);
      expect(result.STConf[i]).toBeLessThan(0.05);
    }
  });

  it('is reproducible: same design and bootstrap seed, same numbers', () => {
    expect(sobolIndices(design.meta, y, { bootstrap: 1000, rng: seeded(99) })).toEqual(result);
  });
});

describe('sobolIndices bookkeeping', () => {
  const design = saltelli(3, 2 ** 10, seeded(1));
  const k = 3;

  it('pairs results with design rows by run id, not by the order runs finish in', () => {
    // Runs are numbered by design row; workers return them shuffled.
    const finished = Array.from(randomPermutation(seeded(4), design.rows.length), (row) => ({
      runId: `run-${row}`,
      value: ishigami(design.rows[row]!),
    }));
    const rowOf = (runId: string) => Number(runId.slice(4));
    const byRow = new Float64Array(design.rows.length);
    for (const r of finished) byRow[rowOf(r.runId)] = r.value;
    const inOrder = Float64Array.from(design.rows, ishigami);
    const opts = () => ({ bootstrap: 0, rng: seeded(1) });
    expect(sobolIndices(design.meta, byRow, opts()).S1).toEqual(
      sobolIndices(design.meta, inOrder, opts()).S1,
    );
    // Taking results in arrival order instead destroys the estimate.
    const wrong = sobolIndices(
      design.meta,
      Float64Array.from(finished, (r) => r.value),
      opts(),
    );
    expect(Math.abs(wrong.S1[1]! - S1_TRUE[1]!)).toBeGreaterThan(0.2);
  });

  it('leaves out a base row whose run failed, and says so', () => {
    const y = Float64Array.from(design.rows, ishigami);
    y[5 * (k + 2) + 2] = Number.NaN;
    y[9 * (k + 2)] = Number.POSITIVE_INFINITY;
    const r = sobolIndices(design.meta, y, { bootstrap: 50, rng: seeded(3) });
    expect(r.baseRows).toBe(2 ** 10 - 2);
    expect(r.warnings[0]).toMatch(/2 of 1024 base rows/);
    expect(Math.abs(r.S1[1]! - S1_TRUE[1]!)).toBeLessThan(0.05);
  });

  it('warns on a constant output, gives NaN half-widths without bootstrap, and checks y', () => {
    const flat = sobolIndices(design.meta, new Float64Array(design.rows.length).fill(3), {
      bootstrap: 10,
      rng: seeded(1),
    });
    expect(flat.warnings[0]).toMatch(/does not vary/);
    const y = Float64Array.from(design.rows, ishigami);
    expect(sobolIndices(design.meta, y, { bootstrap: 0, rng: seeded(1) }).S1Conf.every(Number.isNaN)).toBe(
      true,
    );
    expect(() => sobolIndices(design.meta, y.subarray(1), { bootstrap: 0, rng: seeded(1) })).toThrow(
      RangeError,
    );
  });
});
