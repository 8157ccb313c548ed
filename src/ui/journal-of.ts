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
    version: 1,
    scenario: meta.scenario,
    seed: s.setup.seed,
    ...(meta.masterSeed === undefined ? {} : { masterSeed: meta.masterSeed }),
    players: { EU: s.setup.players.EU, CN: s.setup.players.CN },
    set: meta.set,
    created: meta.created,
    updated: now.toISOString(),
    rounds: s.log.map((orders, i) => ({
      orders: orders as Journal['rounds'][number]['orders'],
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
