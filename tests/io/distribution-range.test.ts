// Range checks of distributions on bounded numbers: an unbounded end is an
// error unless truncated, a lognormal suits a positive number, and truncated
// distributions sample the conditioned distribution (quantiles from scipy
// 1.17 truncnorm.ppf).
import { describe, expect, it } from 'vitest';
import { quantileFunction } from '../../src/batch/designs/distributions.js';
import { type Distribution, DistributionSchema, rangeProblem } from '../../src/io/schemas/distribution.js';
import { num } from '../../src/io/schemas/num.js';

const share = { min: 0, max: 1 };
const positive = { gt: 0 };

describe('rangeProblem', () => {
  it('refuses an unbounded distribution on a bounded number unless truncated', () => {
    expect(rangeProblem({ type: 'normal', mean: 0.4, sd: 0.1 }, share)).toBe(
      'a normal distribution is unbounded below, but the number must be a number from 0 to 1: add truncate: [lo, hi] to the distribution to keep it within a number from 0 to 1',
    );
    expect(rangeProblem({ type: 'normal', mean: 0.4, sd: 0.1, truncate: [0, 1] }, share)).toBeNull();
    expect(rangeProblem({ type: 'normal', mean: 0.4, sd: 0.1, truncate: [-0.2, 1] }, share)).toBe(
      'the distribution reaches -0.2, outside the allowed range (a number from 0 to 1)',
    );
    expect(rangeProblem({ type: 'normal', mean: 3, sd: 1 }, {})).toBeNull();
    expect(rangeProblem({ type: 'lognormal', mu: 0, sigma: 1 }, share)).toBe(
      'a lognormal distribution is unbounded above, but the number must be a number from 0 to 1: add truncate: [lo, hi] to the distribution to keep it within a number from 0 to 1',
    );
  });

  it('accepts a lognormal on a positive number, never at 0, and refuses it where values must be ≥ 1', () => {
    expect(rangeProblem({ type: 'lognormal', mu: 0, sigma: 1 }, positive)).toBeNull();
    expect(rangeProblem({ type: 'lognormal', mu: 0, sigma: 1 }, { min: 0 })).toBeNull();
    expect(rangeProblem({ type: 'lognormal', mu: 0, sigma: 1 }, { min: 1 })).toBe(
      'the distribution reaches 0, outside the allowed range (a number ≥ 1)',
    );
    expect(rangeProblem({ type: 'lognormal', mu: 0, sigma: 1, truncate: [1, 5] }, { min: 1 })).toBeNull();
  });

  it('is what a calibrated number says, at the distribution', () => {
    const r = num(share).safeParse({
      value: 0.5,
      assumed: true,
      why: 'y',
      dist: { type: 'normal', mean: 0.5, sd: 0.2 },
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message.slice(0, 40)])).toEqual([
      ['dist.type', 'a normal distribution is unbounded below'],
    ]);
  });

  it('refuses a distribution that draws fractions for a whole number (every run would fail)', () => {
    const whole = { int: true, min: 1, max: 60 };
    expect(rangeProblem({ type: 'uniform', min: 2, max: 24 }, whole)).toBe(
      'the number takes whole numbers only, but a uniform distribution draws fractions: use { type: discrete, values: [...] } with whole values',
    );
    expect(rangeProblem({ type: 'discrete', values: [2, 2.5] }, whole)).toMatch(
      /^the number takes whole numbers only/,
    );
    expect(rangeProblem({ type: 'discrete', values: [2, 6, 12] }, whole)).toBeNull();
  });

  it('checks truncate itself', () => {
    const msg = (d: unknown) => DistributionSchema.safeParse(d).error?.issues[0]?.message;
    expect(msg({ type: 'normal', mean: 0, sd: 1, truncate: [2, 1] })).toBe(
      'truncate: hi (1) must be greater than lo (2)',
    );
    expect(msg({ type: 'lognormal', mu: 0, sigma: 1, truncate: [-1, 1] })).toBe(
      'truncate: a lognormal is positive, so lo (-1) must be ≥ 0',
    );
  });
});

describe('truncated quantiles', () => {
  const at = (d: Distribution, us: number[]) => us.map(quantileFunction(d));
  it('match scipy truncnorm, in the body and deep in a tail', () => {
    const body = at({ type: 'normal', mean: 2, sd: 1.5, truncate: [0, 3] }, [0.1, 0.5, 0.9]);
    [0.48870981, 1.69470094, 2.70943452].forEach((x, i) => {
      expect(body[i]).toBeCloseTo(x, 6);
    });
    const tail = at({ type: 'normal', mean: 0, sd: 1, truncate: [5, 6] }, [0.1, 0.5, 0.9]);
    [5.02020258, 5.13137176, 5.42148435].forEach((x, i) => {
      expect(tail[i]).toBeCloseTo(x, 5);
    });
    const logn = at({ type: 'lognormal', mu: 0.3, sigma: 0.5, truncate: [1, 2] }, [0.1, 0.5, 0.9]);
    [1.07622173, 1.40022512, 1.84264678].forEach((x, i) => {
      expect(logn[i]).toBeCloseTo(x, 6);
    });
  });

  it('stay inside the bounds at the ends of the unit interval', () => {
    const [a, b] = at({ type: 'normal', mean: 0.5, sd: 3, truncate: [0, 1] }, [0, 1]);
    expect([a! >= 0 && a! < 1e-6, b! <= 1 && b! > 1 - 1e-6]).toEqual([true, true]);
    const [lo, hi] = at({ type: 'lognormal', mu: 0, sigma: 2, truncate: [0, 4] }, [0, 1]);
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThanOrEqual(4);
  });
});
