// Plays hand-written orders through step() and keeps every state and every round's events.
import type { EventCode, EventOf, SimEvent } from '../../src/engine/events.js';
import { initialState } from '../../src/engine/init.js';
import type { Orders } from '../../src/engine/orders.js';
import type { SimState } from '../../src/engine/state.js';
import { step } from '../../src/engine/step.js';
import type { Measure, Scenario } from '../../src/engine/types.js';

export interface Played {
  /** states[0] is the start; states[i] the state after round i. */
  states: SimState[];
  /** events[i] are the events of round i + 1. */
  events: SimEvent[][];
  /** The last state. */
  st: SimState;
  /** Every event of the given code, in order. */
  all<C extends EventCode>(code: C): EventOf<C>[];
  /** `round code` of every event, in order. */
  codes(): string[];
}

export function play(sc: Scenario, log: readonly Orders[], seed = 's'): Played {
  const states = [initialState(sc, seed)];
  const events: SimEvent[][] = [];
  for (const o of log) {
    const r = step(sc, states[states.length - 1]!, o);
    states.push(r.state);
    events.push(r.events);
  }
  return {
    states,
    events,
    st: states[states.length - 1]!,
    all: <C extends EventCode>(code: C) => events.flat().filter((e): e is EventOf<C> => e.code === code),
    codes: () => events.flat().map((e) => `${e.round} ${e.code}`),
  };
}

/** `n` rounds of no orders. */
export const idle = (n: number): Orders[] => Array.from({ length: n }, () => ({}));

/** The scenario with one measure's definition changed. */
export function withMeasure(sc: Scenario, id: string, change: Partial<Measure>): Scenario {
  if (!sc.measures.some((m) => m.id === id)) throw new Error(`no measure ${id}`);
  return { ...sc, measures: sc.measures.map((m) => (m.id === id ? { ...m, ...change } : m)) };
}
