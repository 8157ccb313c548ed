// A game as a journal and back: the journal holds what a replay needs
// (scenario id and hash, seed, every round's orders), the notes, the round
// in progress and how the game ended.

import { type GameSetup, isOver, replaySession, type Session, stateOf } from '../engine/index.js';
import { type Journal, journalLog } from '../io/journal.js';
import type { GameRecord } from './record.js';

export interface JournalMeta {
  scenario: { id: string; ref: string; hash: string };
  masterSeed?: number;
  set: Record<string, string | number>;
  /** ISO time the game started. */
  created: string;
  /** `--timer`: seconds a team has for its turn. */
  timer?: number;
}

/** The journal of a game; `open` marks it as being played now (left behind by an unclean exit). */
export function journalOf(
  meta: JournalMeta,
  r: GameRecord | Session,
  now: Date,
  open?: { since: string },
): Journal {
  const {
    session: s,
    pending,
    ended,
    undone = [],
    actions = [],
  } = 'setup' in r ? { session: r, pending: null, ended: false } : r;
  const st = stateOf(s);
  const end = ended ? 'facilitator' : isOver(s.setup.sc, st) ? 'game' : null;
  return {
    format: 'aci-sim-journal',
    version: 2,
    sides: { target: s.setup.sc.blocs.target.id, coercer: s.setup.sc.blocs.coercer.id },
    scenario: meta.scenario,
    seed: s.setup.seed,
    ...(meta.masterSeed === undefined ? {} : { masterSeed: meta.masterSeed }),
    players: { target: s.setup.players.target, coercer: s.setup.players.coercer },
    set: meta.set,
    created: meta.created,
    updated: now.toISOString(),
    rounds: s.log.map((orders, i) => ({
      orders,
      notes: (s.notes[i] ?? []).map((n) => ({ bloc: n.bloc, text: n.text })),
    })),
    ...(pending ? { pending } : {}),
    ...(undone.length > 0 ? { undone: undone.map((u) => ({ orders: u.orders, notes: [...u.notes] })) } : {}),
    ...(end ? { ended: { round: st.round, by: end } } : {}),
    ...(actions.length > 0 ? { facilitator: [...actions] } : {}),
    ...(meta.timer === undefined ? {} : { timer: meta.timer }),
    ...(open ? { open } : {}),
  };
}

/** Rebuilds the session a journal records (throws SimError when a round cannot be replayed). */
export const sessionOf = (setup: GameSetup, j: Journal): Session =>
  replaySession(
    setup,
    journalLog(j),
    j.rounds.map((r) => r.notes),
  );

/** The whole record a journal holds: the session, the round in progress, whether the facilitator ended it. */
export const recordOf = (setup: GameSetup, j: Journal): GameRecord => ({
  session: sessionOf(setup, j),
  pending: j.pending ?? null,
  ended: j.ended?.by === 'facilitator',
  undone: j.undone ?? [],
  actions: j.facilitator ?? [],
});
