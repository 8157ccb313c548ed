// Priors of the calibrated parameters: draw (through the designs' quantile
// functions), log density (for the ABC-SMC weights) and variance (for the
// shrinkage the summary reports). Continuous distributions only: a discrete
// prior has no density against which a Gaussian perturbation can be weighed.
import type { Distribution } from '../../io/schemas/distribution.js';
import { quantileFunction } from '../designs/index.js';
import { logBeta } from '../stats/log-gamma.js';

export type ContinuousPrior = Exclude<Distribution, { type: 'discrete' }>;

export interface Prior {
  readonly path: string;
  readonly dist: ContinuousPrior;
  /** Value at u in [0, 1]. */
  readonly draw: (u: number) => number;
  /** ln of the density; −∞ outside the support. */
  readonly logDensity: (x: number) => number;
  readonly variance: number;
}

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function logDensityOf(d: ContinuousPrior): (x: number) => number {
  switch (d.type) {
    case 'uniform': {
      const c = -Math.log(d.max - d.min);
      return (x) => (x >= d.min && x <= d.max ? c : -Infinity);
    }
    case 'triangular': {
      const { min, mode, max } = d;
      return (x) => {
        if (!(x >= min && x <= max)) return -Infinity;
        const f =
          x < mode
            ? (2 * (x - min)) / ((max - min) * (mode - min))
            : x > mode
              ? (2 * (max - x)) / ((max - min) * (max - mode))
              : 2 / (max - min);
        return f > 0 ? Math.log(f) : -Infinity;
      };
    }
    case 'normal':
      return (x) => -LN_SQRT_2PI - Math.log(d.sd) - 0.5 * ((x - d.mean) / d.sd) ** 2;
    case 'lognormal':
      return (x) =>
        x > 0
          ? -LN_SQRT_2PI - Math.log(d.sigma * x) - 0.5 * ((Math.log(x) - d.mu) / d.sigma) ** 2
          : -Infinity;
    case 'beta': {
      const lo = d.min ?? 0;
      const w = (d.max ?? 1) - lo;
      const c = -logBeta(d.alpha, d.beta) - Math.log(w);
      return (x) => {
        const y = (x - lo) / w;
        if (!(y > 0 && y < 1)) return -Infinity;
        return c + (d.alpha - 1) * Math.log(y) + (d.beta - 1) * Math.log(1 - y);
      };
    }
  }
}

function varianceOf(d: ContinuousPrior): number {
  switch (d.type) {
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'normal':
      return d.sd ** 2;
    case 'lognormal':
      return (Math.exp(d.sigma ** 2) - 1) * Math.exp(2 * d.mu + d.sigma ** 2);
    case 'beta': {
      const s = d.alpha + d.beta;
      const w = (d.max ?? 1) - (d.min ?? 0);
      return ((d.alpha * d.beta) / (s * s * (s + 1))) * w * w;
    }
  }
}

export function priorOf(path: string, dist: ContinuousPrior): Prior {
  return {
    path,
    dist,
    draw: quantileFunction(dist),
    logDensity: logDensityOf(dist),
    variance: varianceOf(dist),
  };
}

/** ln of the joint prior density (independent parameters). */
export function logPrior(priors: readonly Prior[], theta: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < priors.length; i++) s += priors[i]!.logDensity(theta[i]!);
  return s;
}
