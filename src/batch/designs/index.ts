// Experimental designs on the unit hypercube, and the map to real values.
export { applyDistributions, inverseCdf, type QuantileFunction, quantileFunction } from './distributions.js';
export { grid, gridValues } from './grid.js';
export { latinHypercube } from './latin-hypercube.js';
export { monteCarlo } from './monte-carlo.js';
export { type MorrisDesign, type MorrisMeta, morris } from './morris.js';
export type { UnitRandom } from './random.js';
export {
  type SaltelliDesign,
  type SaltelliMeta,
  type SaltelliRole,
  saltelli,
  saltelliFactors,
  saltelliRole,
} from './saltelli.js';
export { randomDigitalShift, sobolSequence } from './sobol-sequence.js';
