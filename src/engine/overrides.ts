// Parameters changed mid-run by scripted events and injects: a scenario view
// with those paths replaced, built once per distinct set of overrides.
import { SimError } from './errors.js';
import { patchByPath } from './patch.js';
import type { Scenario } from './types.js';

// A memo, not state: the scenario is frozen and the view a pure function of
// (scenario, overrides), so what a lookup returns never depends on the calls before it.
const cache = new WeakMap<Scenario, Map<string, Scenario>>();

export function withOverrides(sc: Scenario, overrides: Readonly<Record<string, number>>): Scenario {
  const keys = Object.keys(overrides);
  if (keys.length === 0) return sc;
  const key = JSON.stringify(keys.sort().map((k) => [k, overrides[k]]));
  let byKey = cache.get(sc);
  if (!byKey) {
    byKey = new Map();
    cache.set(sc, byKey);
  }
  const hit = byKey.get(key);
  if (hit) return hit;
  const { scenario, unknown } = patchByPath(sc, overrides);
  if (unknown.length > 0)
    throw new SimError('order/unknown-path', `no number of this scenario is called ${unknown.join(', ')}`);
  byKey.set(key, scenario);
  return scenario;
}
