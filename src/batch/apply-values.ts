// Sampled values into a scenario, fast for many parameters: the paths are
// resolved once into engine targets (io's path vocabulary), then each run is
// one call of the engine's patcher (copy-on-write, nothing frozen, derived
// tables shared with the base scenario).
import { type Scenario, scenarioPatcher } from '../engine/index.js';
import { targetOf } from '../io/path-vocabulary.js';

/** A function from the values of `paths` (in order) to the scenario with them applied. */
export function parameterApplier(
  base: Scenario,
  paths: readonly string[],
): (values: readonly number[]) => Scenario {
  return scenarioPatcher(
    base,
    paths.map((p) => targetOf(base, p)),
  );
}
