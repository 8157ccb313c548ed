// What a team's chosen levels would do next round, against keeping the
// levels in force: memoised per state and per choice, so moving the cursor
// back and forth costs nothing.
import { useMemo } from 'react';
import {
  levelsAfter,
  other,
  previewRound,
  type Role,
  type Scenario,
  type SimState,
} from '../../engine/index.js';
import type { Preview } from '../components/OrdersPanel.js';

type RoundPain = ReturnType<typeof previewRound>;

export function usePreview(
  sc: Scenario,
  st: SimState,
  bloc: Role | null,
  set: Readonly<Record<string, number>>,
): Preview | null {
  const keep = useMemo(() => previewRound(sc, st, levelsAfter(sc, st, undefined)), [sc, st]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh cache for each state
  const cache = useMemo(() => new Map<string, RoundPain>(), [sc, st]);
  const key = JSON.stringify(set);
  return useMemo(() => {
    if (!bloc) return null;
    let p = cache.get(key);
    if (!p) {
      p = previewRound(sc, st, levelsAfter(sc, st, { set: JSON.parse(key) as Record<string, number> }));
      cache.set(key, p);
    }
    const o = other(bloc);
    return {
      harm: p[o].harm,
      cost: p[bloc].cost,
      dHarm: p[o].harm - keep[o].harm,
      dCost: p[bloc].cost - keep[bloc].cost,
    };
  }, [sc, st, bloc, key, cache, keep]);
}
