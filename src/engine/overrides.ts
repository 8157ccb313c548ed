// Parameters changed mid-run by scripted events: a scenario view with those
// paths replaced, built once per distinct set of overrides.
import type { Scenario } from './types.js';

const cache = new WeakMap<Scenario, Map<string, Scenario>>();

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

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
  const out = patch(sc, overrides);
  byKey.set(key, out);
  return out;
}

function patch(sc: Scenario, overrides: Readonly<Record<string, number>>): Scenario {
  let params = sc.params;
  let deps = sc.dependencies;
  let blocs = sc.blocs;
  for (const [path, value] of Object.entries(overrides)) {
    const [head, id, field] = path.split('.');
    if (head === 'parameters' && id) params = { ...params, [camel(id)]: value };
    else if (head === 'dependencies' && id && field)
      deps = deps.map((d) => (d.id === id ? { ...d, [camel(field)]: value } : d));
    else if (head === 'blocs' && (id === 'EU' || id === 'CN') && field)
      blocs = { ...blocs, [id]: { ...blocs[id], [camel(field)]: value } };
  }
  // The layout cache is keyed by identity; measures and states are shared, so indices stay valid.
  return { ...sc, params, dependencies: deps, blocs };
}
