// Scripted events of a scenario, applied at the start of their round.
import { applyPending } from './aci.js';
import { event, type SimEvent } from './events.js';
import { layoutOf } from './layout.js';
import type { Inject } from './orders.js';
import type { SimState } from './state.js';
import type { Scenario } from './types.js';

/** Applies the round's scripted events and injects; returns the measures whose level they set. */
export function applyScripted(
  sc: Scenario,
  st: SimState,
  round: number,
  injected: readonly Inject[],
  events: SimEvent[],
): Set<number> {
  const { measureIndex, stateIndex } = layoutOf(sc);
  const forced = new Set<number>();
  const due = [
    ...sc.events.filter((e) => e.round === round).map((e) => ({ e, code: 'scripted/event' as const })),
    ...injected.map((e) => ({ e, code: 'inject/event' as const })),
  ];
  for (const { e, code } of due) {
    events.push(event(round, code, {}, e.text));
    for (const [id, level] of Object.entries(e.levels)) {
      const m = measureIndex.get(id);
      if (m === undefined) continue;
      st.measures[m]!.pending = { level, stage: 'lead', roundsLeft: 0 };
      applyPending(sc, st, m, round, events);
      forced.add(m);
    }
    for (const [id, delta] of Object.entries(e.support)) {
      const s = stateIndex.get(id);
      if (s !== undefined) st.supportShift[s] = st.supportShift[s]! + delta;
    }
    Object.assign(st.overrides, e.set);
  }
  return forced;
}
