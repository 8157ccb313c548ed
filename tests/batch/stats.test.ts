// Wilson intervals, type-7 quantiles and Morris elementary effects.
import { describe, expect, it } from 'vitest';
import { morris } from '../../src/batch/designs/morris.js';
import { morrisIndices } from '../../src/batch/stats/morris-indices.js';
import { quantiles, sortedQuantile } from '../../src/batch/stats/quantiles.js';
import { wilson } from '../../src/batch/stats/wilson.js';

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

describe('wilson', () => {
  // By hand, with z = 1.959963985 (z² = 3.8414588), p = s/n:
  //   denom = 1 + z²/n, centre = (p + z²/2n)/denom, half = z·√(p(1−p)/n + z²/4n²)/denom
  //   0/10:      z²/n = 0.3841459, denom 1.3841459, centre 0.1387664, half 0.1387664 → [0, 0.27753]
  //   5/10:      centre 0.5, half 0.2634069                                        → [0.23659, 0.76341]
  //   95/100:    z²/n = 0.0384146, centre 0.9333529, half 0.0451034                → [0.88825, 0.97846]
  //   1000/1000: z²/n = 0.0038415, centre 0.9980866, half 0.0019134                → [0.99617, 1]
  //   1/3:       z²/n = 1.2804863, centre 0.4269162, half 0.3654242                → [0.06149, 0.79234]
  //   17/40:     z²/n = 0.0960365, centre 0.4315716, half 0.1464777                → [0.28509, 0.57805]
  const table: [number, number, number, number][] = [
    [0, 10, 0, 0.27753],
    [5, 10, 0.23659, 0.76341],
    [95, 100, 0.88825, 0.97846],
    [1000, 1000, 0.99617, 1],
    [1, 3, 0.06149, 0.79234],
    [17, 40, 0.28509, 0.57805],
  ];
  it.each(table)('%i/%i → [%f, %f] to 4 decimals', (s, n, lo, hi) => {
    const w = wilson(s, n);
    expect(w.p).toBe(s / n);
    expect(w.lo).toBeCloseTo(lo, 4);
    expect(w.hi).toBeCloseTo(hi, 4);
  });

  it('ends exactly at 0 and 1 when all runs fail or succeed, and knows nothing from n = 0', () => {
    expect(wilson(0, 7).lo).toBe(0);
    expect(wilson(7, 7).hi).toBe(1);
    expect(wilson(0, 0)).toEqual({ p: Number.NaN, lo: 0, hi: 1 });
  });

  it('widens with z and refuses impossible counts', () => {
    const w90 = wilson(5, 10, 1.644853627);
    expect(w90.hi - w90.lo).toBeLessThan(wilson(5, 10).hi - wilson(5, 10).lo);
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(() => wilson(1.5, 10)).toThrow(RangeError);
    expect(() => wilson(-1, 10)).toThrow(RangeError);
  });
});

describe('quantiles (R type 7)', () => {
  it('matches R quantile(1:10, c(0, .1, .25, .5, .75, .9, 1))', () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    const q = quantiles(x, [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]);
    for (const [i, v] of [1, 1.9, 3.25, 5.5, 7.75, 9.1, 10].entries()) expect(q[i]).toBeCloseTo(v, 12);
  });

  it('matches R quantile(c(3.2, -1, 7, 0.5), c(.25, .5, .9, 1/3)) on unsorted input', () => {
    // sorted −1, 0.5, 3.2, 7; h = 3p: 0.75 → −1 + .75·1.5; 1.5 → 0.5 + .5·2.7; 2.7 → 3.2 + .7·3.8; 1 → 0.5
    const q = quantiles(Float64Array.of(3.2, -1, 7, 0.5), [0.25, 0.5, 0.9, 1 / 3]);
    for (const [i, v] of [0.125, 1.85, 5.86, 0.5].entries()) expect(q[i]).toBeCloseTo(v, 12);
  });

  it('handles one value, no values, and leaves the input unsorted', () => {
    expect(quantiles([42], [0, 0.5, 1])).toEqual([42, 42, 42]);
    expect(quantiles([], [0.5])).toEqual([Number.NaN]);
    const x = [3, 1, 2];
    quantiles(x, [0.5]);
    expect(x).toEqual([3, 1, 2]);
    expect(sortedQuantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('refuses NaN values and probabilities outside [0, 1]', () => {
    expect(() => quantiles([1, Number.NaN], [0.5])).toThrow(/NaN/);
    expect(() => quantiles([1, 2], [1.1])).toThrow(RangeError);
  });
});

describe('morrisIndices', () => {
  const lo = [0, -5, 10, 1];
  const hi = [1, 5, 30, 1.5];
  const c = [2, -3, 0.5, 0];
  const toX = (u: readonly number[]) => u.map((ui, i) => lo[i]! + ui * (hi[i]! - lo[i]!));

  it('gives μ* = |coefficient| × range, μ = coefficient × range and σ = 0 for a linear function', () => {
    const { rows, meta } = morris(4, 10, 4, seeded(11));
    const y = Float64Array.from(rows, (u) => toX(u).reduce((s, x, i) => s + c[i]! * x, 0));
    const m = morrisIndices(meta, y);
    for (let i = 0; i < 4; i++) {
      const range = hi[i]! - lo[i]!;
      expect(m.muStar[i]).toBeCloseTo(Math.abs(c[i]!) * range, 9);
      expect(m.mu[i]).toBeCloseTo(c[i]! * range, 9);
      expect(m.sigma[i]).toBeCloseTo(0, 9);
      expect(m.n[i]).toBe(10);
    }
    expect(m.warnings).toEqual([]);
  });

  it('shows interaction as σ > 0 and skips failed runs', () => {
    const { rows, meta } = morris(2, 20, 6, seeded(5));
    const y = Float64Array.from(rows, (u) => u[0]! * u[1]!);
    const m = morrisIndices(meta, y);
    expect(m.sigma[0]).toBeGreaterThan(0.1);
    y[0] = Number.NaN; // the first point of trajectory 0 starts its first step only
    const m2 = morrisIndices(meta, y);
    expect(m2.n.reduce((s, v) => s + v, 0)).toBe(39);
    expect(m2.warnings[0]).toMatch(/1 of 40/);
  });

  it("gives μ*'s bootstrap half-width: 0 for a linear function, ≈ 1.96 × the standard error otherwise", () => {
    const lin = morris(4, 10, 4, seeded(11));
    const y = Float64Array.from(lin.rows, (u) => toX(u).reduce((s, x, i) => s + c[i]! * x, 0));
    const m = morrisIndices(lin.meta, y, { bootstrap: 200, rng: seeded(3) });
    for (let i = 0; i < 4; i++) expect(m.muStarConf[i]).toBeCloseTo(0, 9);
    expect(morrisIndices(lin.meta, y).muStarConf.every(Number.isNaN)).toBe(true);
    // u0 · u1: |EE| of factor 0 varies with u1; its mean's standard error is sd(|EE|)/√r.
    const r = 400;
    const { rows, meta } = morris(2, r, 6, seeded(5));
    const yy = Float64Array.from(rows, (u) => u[0]! * u[1]!);
    const b = morrisIndices(meta, yy, { bootstrap: 1000, rng: seeded(9) });
    const abs: number[] = [];
    for (let t = 0; t < r; t++)
      for (let s = 0; s < 2; s++)
        if (meta.factor[t * 2 + s] === 0)
          abs.push(Math.abs((yy[t * 3 + s + 1]! - yy[t * 3 + s]!) / meta.delta));
    const mean = abs.reduce((a, x) => a + x, 0) / r;
    const se = Math.sqrt(abs.reduce((a, x) => a + (x - mean) ** 2, 0) / (r - 1) / r);
    expect(b.muStarConf[0]! / (1.959963985 * se)).toBeGreaterThan(0.9);
    expect(b.muStarConf[0]! / (1.959963985 * se)).toBeLessThan(1.1);
  });

  it('refuses an output vector of the wrong length', () => {
    const { meta } = morris(2, 3, 4, seeded(1));
    expect(() => morrisIndices(meta, new Float64Array(8))).toThrow(RangeError);
  });
});
