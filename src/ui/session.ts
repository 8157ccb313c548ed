// A game as plain data: scenario, seed, who plays each side and the log of
// rounds played. Every state is rebuilt by stepping the engine over the log,
// so undo and resume are a replay of a shorter or saved log.
import {
  type BlocId,
  computerOrders,
  initialState,
  type Orders,
  type Policy,
  type Scenario,
  type SimEvent,
  type SimState,
  step,
} from '../engine/index.js';

export interface Note {
  /** The team the note is about; null for the facilitator's own remarks. */
  bloc: BlocId | null;
  text: string;
}

export interface GameSetup {
  readonly sc: Scenario;
  /** The engine's seed string (runSeed of the master seed). */
  readonly seed: string;
  /** 'human' or a policy id, per side. */
  readonly players: Readonly<Record<BlocId, string>>;
}

export interface Session {
  readonly setup: GameSetup;
  readonly log: readonly Orders[];
  readonly notes: readonly (readonly Note[])[];
  /** states[0] is the start; states[i] the state after round i. */
  readonly states: readonly SimState[];
  /** events[i] are the events of round i + 1. */
  readonly events: readonly (readonly SimEvent[])[];
}

export const isHuman = (setup: GameSetup, bloc: BlocId): boolean => setup.players[bloc] === 'human';

export const stateOf = (s: Session): SimState => s.states[s.states.length - 1]!;

/** The computer players of a setup, by side. */
export function policiesOf(setup: GameSetup): Partial<Record<BlocId, Policy>> {
  const out: Partial<Record<BlocId, Policy>> = {};
  for (const b of ['EU', 'CN'] as const) {
    const p = setup.sc.policies[setup.players[b]];
    if (!isHuman(setup, b) && p) out[b] = p;
  }
  return out;
}

/** The computer players' orders for the next round (empty for human sides). */
export const computerTurn = (s: Session): Orders =>
  computerOrders(s.setup.sc, stateOf(s), policiesOf(s.setup));

/** Rebuilds a session from its log (throws the engine's SimError when a round cannot be replayed). */
export function replaySession(
  setup: GameSetup,
  log: readonly Orders[],
  notes: readonly (readonly Note[])[] = [],
): Session {
  let st = initialState(setup.sc, setup.seed);
  const states = [st];
  const events: SimEvent[][] = [];
  for (const orders of log) {
    const r = step(setup.sc, st, orders);
    st = r.state;
    states.push(st);
    events.push(r.events);
  }
  return { setup, log, notes: log.map((_, i) => notes[i] ?? []), states, events };
}

/** Plays one round with the given orders and notes. */
export function playRound(s: Session, orders: Orders, notes: readonly Note[]): Session {
  const r = step(s.setup.sc, stateOf(s), orders);
  return {
    setup: s.setup,
    log: [...s.log, orders],
    notes: [...s.notes, notes],
    states: [...s.states, r.state],
    events: [...s.events, r.events],
  };
}

/** Takes back the last round by replaying the log without it. */
export function undoRound(s: Session): Session {
  if (s.log.length === 0) return s;
  return replaySession(s.setup, s.log.slice(0, -1), s.notes.slice(0, -1));
}

/** Adds a note to a round already played (1-based). */
export function noteRound(s: Session, round: number, note: Note): Session {
  const notes = s.notes.map((n, i) => (i === round - 1 ? [...n, note] : n));
  return { ...s, notes };
}
