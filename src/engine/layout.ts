// Index tables derived once per scenario (memoised by identity): which
// measures act on which flow, and how pain is shared among member states.
import { targetOf } from './economics.js';
import type { Scenario } from './types.js';

export interface Layout {
  measureIndex: ReadonlyMap<string, number>;
  stateIndex: ReadonlyMap<string, number>;
  /** measuresOn[d]: indices of the measures acting on dependency d. */
  measuresOn: readonly (readonly number[])[];
  /** harmShare[d][s]: share of EU-side pain from dependency d borne by state s (rows sum to 1 or are empty). */
  harmShare: readonly Float64Array[];
  /** costShare[m][s]: share of an EU measure's own cost borne by state s. */
  costShare: readonly Float64Array[];
  /** gdpShare[s]: fallback weights. */
  gdpShare: Float64Array;
  /** pressure[m][s]: fall in support of state s per unit intensity of China's measure m. */
  pressure: readonly Float64Array[];
}

const cache = new WeakMap<Scenario, Layout>();

export function layoutOf(sc: Scenario): Layout {
  let l = cache.get(sc);
  if (!l) {
    l = build(sc);
    cache.set(sc, l);
  }
  return l;
}

function normalised(w: Float64Array, fallback: Float64Array): Float64Array {
  let sum = 0;
  for (const x of w) sum += x;
  if (sum <= 0) return fallback;
  return w.map((x) => x / sum);
}

function build(sc: Scenario): Layout {
  const n = sc.states.length;
  const measureIndex = new Map(sc.measures.map((m, i) => [m.id, i]));
  const stateIndex = new Map(sc.states.map((s, i) => [s.id, i]));
  const gdpShare = normalised(
    Float64Array.from(sc.states, (s) => s.gdp),
    new Float64Array(n).fill(1 / Math.max(1, n)),
  );
  const measuresOn = sc.dependencies.map((_, d) =>
    sc.measures.flatMap((m, i) => (m.actsOn.includes(d) ? [i] : [])),
  );
  const harmShare = sc.dependencies.map((dep) => {
    const w = new Float64Array(n);
    if (targetOf(dep.mechanism, dep.supplier, dep.dependent) !== 'EU') return w;
    sc.states.forEach((s, i) => {
      w[i] = dep.exposure ? (dep.exposure[s.id] ?? 0) : (s.exposure[dep.sector] ?? 0);
    });
    return normalised(w, gdpShare);
  });
  const costShare = sc.measures.map((m) => {
    const w = new Float64Array(n);
    sc.states.forEach((s, i) => {
      w[i] = s.levers[m.id] ?? 0;
    });
    if (m.holder && w.every((x) => x === 0)) w[stateIndex.get(m.holder) ?? 0] = 1;
    return normalised(w, gdpShare);
  });
  const pressure = sc.measures.map((m) => Float64Array.from(sc.states, (s) => m.pressure[s.id] ?? 0));
  return { measureIndex, stateIndex, measuresOn, harmShare, costShare, gdpShare, pressure };
}
