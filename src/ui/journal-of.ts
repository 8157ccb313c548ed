// A session as a journal and back: the journal holds what a replay needs
// (scenario id and hash, seed, every round's orders) plus the notes.

import { type GameSetup, replaySession, type Session } from '../engine/index.js';
import { type Journal, journalLog } from '../io/journal.js';

export interface JournalMeta {
  scenario: { id: string; ref: string; hash: string };
  masterSeed?: number;
  set: Record<string, string | number>;
  /** ISO time the game started. */
  created: string;
}

export function journalOf(meta: JournalMeta, s: Session, now: Date): Journal {
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
  };
}

/** Rebuilds the session a journal records (throws SimError when a round cannot be replayed). */
export const sessionOf = (setup: GameSetup, j: Journal): Session =>
  replaySession(
    setup,
    journalLog(j),
    j.rounds.map((r) => r.notes),
  );
