// Statistics over batch results: intervals, quantiles, sensitivity indices.
export { inverseRegularizedBeta, regularizedBeta } from './incomplete-beta.js';
export { logBeta, logGamma } from './log-gamma.js';
export { type MorrisIndices, morrisIndices } from './morris-indices.js';
export { normalQuantile } from './normal-quantile.js';
export { quantiles, sortedQuantile } from './quantiles.js';
export { type SobolIndices, type SobolOptions, sobolIndices } from './sobol-indices.js';
export { type Proportion, wilson } from './wilson.js';
