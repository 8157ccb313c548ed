// Inverse CDFs against known quantiles and closed forms.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyDistributions, inverseCdf, quantileFunction } from '../../src/batch/designs/distributions.js';
import { inverseRegularizedBeta, regularizedBeta } from '../../src/batch/stats/incomplete-beta.js';
import { logGamma } from '../../src/batch/stats/log-gamma.js';
import { normalQuantile } from '../../src/batch/stats/normal-quantile.js';

const unit = fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true });

describe('special functions', () => {
  it('ln Γ at known points', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 13);
    expect(logGamma(100) / 359.1342053695754).toBeCloseTo(1, 14);
    expect(logGamma(0)).toBeNaN();
  });

  it('Φ⁻¹ at known quantiles (R qnorm)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 9);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.04709629936119, 12); // mpmath, 40 digits
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 13);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  test.prop([unit])('Φ⁻¹ is antisymmetric', (p) => {
    expect(normalQuantile(p) + normalQuantile(1 - p)).toBeCloseTo(0, 7);
  });

  // The check is on x, where accuracy is wanted: F is monotone, so the true
  // quantile lies in [x(1 − 1e-11), x(1 + 1e-11)] iff F brackets p there. (Checking
  // F(x) ≈ p instead fails where x is so close to 1 that the next double moves F
  // by more than 1e-9, e.g. Beta(5, 0.05).)
  const shape = fc.double({ min: 0.05, max: 50, noNaN: true });
  test.prop([fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), shape, shape], { numRuns: 300 })(
    'the inverse incomplete beta is within 1e-11 (relative) of the true quantile',
    (p, a, b) => {
      const x = inverseRegularizedBeta(p, a, b);
      const slack = 1e-13 * p + 1e-15;
      expect(regularizedBeta(x * (1 - 1e-11), a, b)).toBeLessThanOrEqual(p + slack);
      expect(regularizedBeta(Math.min(1, x * (1 + 1e-11)), a, b)).toBeGreaterThanOrEqual(p - slack);
    },
  );

  it('I_x(2, 5) matches its closed form 1 − (1−x)^6 − 6x(1−x)^5', () => {
    for (const x of [0.01, 0.1, 0.3, 0.5, 0.9]) {
      expect(regularizedBeta(x, 2, 5)).toBeCloseTo(1 - (1 - x) ** 6 - 6 * x * (1 - x) ** 5, 14);
    }
  });
});

describe('inverseCdf', () => {
  it('uniform is linear', () => {
    expect(inverseCdf({ type: 'uniform', min: 2, max: 6 }, 0.25)).toBe(3);
  });

  it('normal at 0.975 is mean + 1.959963985·sd', () => {
    expect(inverseCdf({ type: 'normal', mean: 10, sd: 2 }, 0.975)).toBeCloseTo(10 + 2 * 1.959963985, 8);
    expect(inverseCdf({ type: 'normal', mean: 10, sd: 2 }, 0.5)).toBe(10);
  });

  it('lognormal is exp of the normal quantile of its log', () => {
    const d = { type: 'lognormal', mu: 0.3, sigma: 0.5 } as const;
    expect(inverseCdf(d, 0.5)).toBeCloseTo(Math.exp(0.3), 14);
    expect(inverseCdf(d, 0.975)).toBeCloseTo(Math.exp(0.3 + 0.5 * 1.959963985), 8);
  });

  it('triangular follows its closed form on both sides of the mode', () => {
    // min 0, mode 1, max 4: F(mode) = (1−0)/(4−0) = 0.25.
    const d = { type: 'triangular', min: 0, mode: 1, max: 4 } as const;
    expect(inverseCdf(d, 0.25)).toBeCloseTo(1, 14);
    expect(inverseCdf(d, 0.1)).toBeCloseTo(Math.sqrt(0.1 * 4 * 1), 14); // 0.632456
    expect(inverseCdf(d, 0.5)).toBeCloseTo(4 - Math.sqrt(0.5 * 4 * 3), 14); // 1.550510
    expect(inverseCdf({ type: 'triangular', min: 0, mode: 0, max: 1 }, 0.75)).toBeCloseTo(
      1 - Math.sqrt(0.25),
      14,
    );
  });

  it('beta(2, 5) median is 0.26444998 (R qbeta(0.5, 2, 5)), scaled to [min, max]', () => {
    expect(inverseCdf({ type: 'beta', alpha: 2, beta: 5 }, 0.5)).toBeCloseTo(0.26444998, 8);
    expect(inverseCdf({ type: 'beta', alpha: 2, beta: 5, min: 10, max: 20 }, 0.5)).toBeCloseTo(12.6444998, 7);
  });

  test.prop([unit])('beta special cases match closed forms', (u) => {
    // Arcsine: Beta(½, ½) has F⁻¹(u) = sin²(πu/2); Beta(a, 1): u^(1/a); Beta(1, b): 1 − (1−u)^(1/b).
    expect(inverseCdf({ type: 'beta', alpha: 0.5, beta: 0.5 }, u)).toBeCloseTo(
      Math.sin((Math.PI * u) / 2) ** 2,
      10,
    );
    expect(inverseCdf({ type: 'beta', alpha: 3, beta: 1 }, u)).toBeCloseTo(u ** (1 / 3), 10);
    expect(inverseCdf({ type: 'beta', alpha: 1, beta: 0.4 }, u)).toBeCloseTo(1 - (1 - u) ** (1 / 0.4), 10);
  });

  it('discrete picks values by cumulative weight, in ascending order of value, never a zero weight', () => {
    const q = quantileFunction({ type: 'discrete', values: [30, 10, 20], weights: [1, 1, 0] });
    expect(q(0)).toBe(10);
    expect(q(0.49)).toBe(10);
    expect(q(0.5)).toBe(30);
    expect(q(1)).toBe(30);
    const even = quantileFunction({ type: 'discrete', values: [1, 2, 3, 4] });
    expect([0.1, 0.3, 0.6, 0.9].map(even)).toEqual([1, 2, 3, 4]);
  });

  it('keeps u = 0 and u = 1 finite and refuses u outside [0, 1]', () => {
    const n = quantileFunction({ type: 'normal', mean: 0, sd: 1 });
    expect(n(0)).toBeCloseTo(-8.29, 1);
    expect(n(1)).toBeCloseTo(8.21, 1);
    expect(() => n(1.01)).toThrow(RangeError);
    expect(() => n(Number.NaN)).toThrow(RangeError);
  });

  it('applyDistributions maps column j through distribution j', () => {
    const rows = applyDistributions(
      [
        [0.5, 0.25],
        [0.975, 1],
      ],
      [
        { type: 'normal', mean: 1, sd: 1 },
        { type: 'uniform', min: 0, max: 8 },
      ],
    );
    expect(rows[0]).toEqual([1, 2]);
    expect(rows[1]![0]).toBeCloseTo(2.959963985, 8);
    expect(rows[1]![1]).toBeCloseTo(8, 12);
    expect(() => applyDistributions([[0.5]], [])).toThrow(RangeError);
  });
});
