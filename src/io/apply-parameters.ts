// Rebuilds a Scenario with some numbers replaced by the user's dotted paths
// (Monte Carlo draws, calibration): the engine's one patcher over the targets
// io resolved when it built the scenario. Nothing is re-read or recompiled.
import { scenarioPatcher } from '../engine/patch.js';
import type { Scenario } from '../engine/types.js';
import { deepFreeze } from './build-scenario.js';
import { canonicalJson, sha256 } from './hash.js';
import { targetOf } from './path-vocabulary.js';

/** A scenario with the numbers at `values`' paths replaced; throws on a path the scenario does not have. */
export function applyParameterValues(
  loaded: { readonly scenario: Scenario },
  values: Readonly<Record<string, number>>,
): Scenario {
  const base = loaded.scenario;
  const keys = Object.keys(values);
  if (keys.length === 0) return base;
  const sc = scenarioPatcher(
    base,
    keys.map((k) => targetOf(base, k)),
  )(keys.map((k) => values[k]!));
  const hash = sha256(`${base.hash}\u0000${canonicalJson(values)}`);
  // Only the copies are unfrozen; deepFreeze stops at the shared, frozen parts.
  return deepFreeze({ ...sc, hash }, new Set([base.random]));
}
