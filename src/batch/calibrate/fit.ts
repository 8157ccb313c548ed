// One ABC-SMC fit, generation by generation, with its state saved after each
// (state.ts) so that --resume continues where a stopped fit left off.
import {
  type AbcSettings,
  type DistanceFn,
  nextPopulation,
  type Population,
  priorPopulation,
  type StopReason,
  stopAfter,
} from './abc-smc.js';
import type { Prior } from './prior.js';

export interface FitResult {
  readonly populations: readonly Population[];
  readonly stop: StopReason;
}

/**
 * Runs the fit from the populations already made (none for a fresh start);
 * `saved` is called after each new population with the whole list so far.
 */
export function runFit(
  priors: readonly Prior[],
  s: AbcSettings,
  seed: number,
  dist: DistanceFn,
  done: readonly Population[],
  saved: (pops: readonly Population[], stop: StopReason | null) => void,
): FitResult {
  const pops = [...done];
  if (pops.length === 0) {
    pops.push(priorPopulation(priors, s, seed, dist));
    saved(pops, stopAfter(pops[0]!, s));
  }
  for (;;) {
    const last = pops[pops.length - 1]!;
    const stop = stopAfter(last, s);
    if (stop) return { populations: pops, stop };
    const next = nextPopulation(last, priors, s, seed, dist);
    if (!next) {
      saved(pops, 'attempts');
      return { populations: pops, stop: 'attempts' };
    }
    pops.push(next);
    saved(pops, stopAfter(next, s));
  }
}
