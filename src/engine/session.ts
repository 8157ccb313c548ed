// A game as one record that everyone replays (as boardgame.io keeps one
// log): scenario, seed, who plays each side, and per round the orders and
// the notes. Every state and event is rebuilt by stepping the engine over the
// log, so undo, resume and the debrief are replays of the same record.
import { SimError } from './errors.js';
import type { SimEvent } from './events.js';
import { initialState } from './init.js';
import type { Orders } from './orders.js';
import { computerOrders, type PolicyChoice } from './run.js';
import type { SimState } from './state.js';
import { step } from './step.js';
import { ROLES, type Role, type Scenario } from './types.js';

export interface Note {
  /** The team the note is about; null for the facilitator's own remarks. */
  bloc: Role | null;
  text: string;
}

export interface GameSetup {
  readonly sc: Scenario;
  /** The engine's seed string (runSeed of the master seed). */
  readonly seed: string;
  /** 'human' or a policy id, per side. */
  readonly players: Readonly<Record<Role, string>>;
}

export interface Session {
  readonly setup: GameSetup;
  /** The orders of each round played, in order. */
  readonly log: readonly Orders[];
  /** notes[i]: the notes of round i + 1. */
  readonly notes: readonly (readonly Note[])[];
  /** states[0] is the start; states[i] the state after round i. */
  readonly states: readonly SimState[];
  /** events[i] are the events of round i + 1. */
  readonly events: readonly (readonly SimEvent[])[];
}

export const isHuman = (setup: GameSetup, bloc: Role): boolean => setup.players[bloc] === 'human';

export const stateOf = (s: Session): SimState => s.states[s.states.length - 1]!;

/** The computer players of a setup, by side. */
export function policiesOf(setup: GameSetup): PolicyChoice {
  const out: { -readonly [B in Role]?: PolicyChoice[B] } = {};
  for (const b of ROLES) {
    const p = setup.sc.policies[setup.players[b]];
    if (!isHuman(setup, b) && p) out[b] = p;
  }
  return out;
}

/** The computer players' orders for the next round (empty for human sides). */
export const computerTurn = (s: Session): Orders =>
  computerOrders(s.setup.sc, stateOf(s), policiesOf(s.setup));

/** A game not yet played. */
export const newSession = (setup: GameSetup): Session => ({
  setup,
  log: [],
  notes: [],
  states: [initialState(setup.sc, setup.seed)],
  events: [],
});

/**
 * Rebuilds a session from its log. A round that cannot be replayed throws the
 * engine's SimError with `detail.replayRound` set to its number.
 */
export function replaySession(
  setup: GameSetup,
  log: readonly Orders[],
  notes: readonly (readonly Note[])[] = [],
): Session {
  let s = newSession(setup);
  for (let i = 0; i < log.length; i++) {
    try {
      s = playRound(s, log[i]!, notes[i] ?? []);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      throw new SimError(e.code, e.message, { ...e.detail, replayRound: i + 1 });
    }
  }
  return s;
}

/** Plays one round with the given orders and notes. */
export function playRound(s: Session, orders: Orders, notes: readonly Note[] = []): Session {
  const r = step(s.setup.sc, stateOf(s), orders);
  return {
    setup: s.setup,
    log: [...s.log, orders],
    notes: [...s.notes, notes],
    states: [...s.states, r.state],
    events: [...s.events, r.events],
  };
}

/** Takes back the last round (the states before it are kept, so nothing is replayed). */
export function undoRound(s: Session): Session {
  if (s.log.length === 0) return s;
  return {
    setup: s.setup,
    log: s.log.slice(0, -1),
    notes: s.notes.slice(0, -1),
    states: s.states.slice(0, -1),
    events: s.events.slice(0, -1),
  };
}

/** Adds a note to a round already played (1-based). */
export function noteRound(s: Session, round: number, note: Note): Session {
  const notes = s.notes.map((n, i) => (i === round - 1 ? [...n, note] : n));
  return { ...s, notes };
}

/** Every event of the game, in order. */
export const eventsOf = (s: Session): SimEvent[] => s.events.flat();

/** Replays an order log from the start; returns the state after each round. */
export const replay = (sc: Scenario, seed: string, log: readonly Orders[]): readonly SimState[] =>
  replaySession({ sc, seed, players: { target: 'human', coercer: 'human' } }, log).states;
