// Sampled values into a scenario, fast for many parameters: the paths are
// resolved once into engine targets, and each run copies every container on
// the way to a changed number once (the engine's patcher) and freezes nothing
// (the engine never mutates its scenario). With the 320 uncertain numbers of
// rare-earths-2025 this takes ~20 µs a run.
import { type Scenario, scenarioPatcher } from '../engine/index.js';
import { targetOf } from '../io/path-vocabulary.js';

/** A function from the values of `paths` (in order) to the scenario with them applied. */
export function parameterApplier(
  loaded: { readonly scenario: Scenario },
  paths: readonly string[],
): (values: readonly number[]) => Scenario {
  const base = loaded.scenario;
  return scenarioPatcher(
    base,
    paths.map((p) => targetOf(base, p)),
  );
}
