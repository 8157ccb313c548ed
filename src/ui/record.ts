// What the journal keeps of a game at any moment: the rounds played, the
// round in progress as far as it is decided (committed orders, answers,
// injects, notes, whose turn it is) and whether the game has ended. Saved
// before the screen changes; a resumed game is rebuilt from it to the same screen.
import { type BlocOrders, type Note, type Orders, ROLES, type Session } from '../engine/index.js';
import type { FacilitatorEntry, PendingRound } from '../io/journal.js';
import { type Draft, humanOrders, newDraft } from './draft.js';

export interface GameRecord {
  session: Session;
  /** The round in progress, or null when nothing of it is decided yet. */
  pending: PendingRound | null;
  /** The facilitator ended the game (`e`). */
  ended: boolean;
  /** Rounds undone, the latest last, for redo. */
  undone?: readonly UndoneRound[];
  /** Facilitator actions and timer expiries, in order. */
  actions?: readonly FacilitatorEntry[];
}

export interface UndoneRound {
  orders: Orders;
  notes: readonly Note[];
}

/** What is decided of the round in progress (null when nothing). */
export function pendingOf(session: Session, d: Draft): PendingRound | null {
  const committed: PendingRound['committed'] = {};
  for (const b of ROLES) {
    if (!d.committed.includes(b)) continue;
    const { respond: _, ...orders } = humanOrders(session, d, b);
    committed[b] = orders;
  }
  const respond: PendingRound['respond'] = {};
  for (const b of ROLES) if (d.respond[b]) respond[b] = d.respond[b];
  const empty =
    d.committed.length === 0 &&
    Object.keys(respond).length === 0 &&
    d.inject.length === 0 &&
    d.notes.length === 0 &&
    d.shownTo === null;
  if (empty) return null;
  return {
    committed,
    respond,
    inject: d.inject,
    notes: d.notes,
    shownTo: d.shownTo,
    ...(d.revealed ? { revealed: true } : {}),
  };
}

/** The draft of a round in progress, rebuilt from what the journal kept of it. */
export function draftOf(session: Session, p: PendingRound | null | undefined): Draft {
  const d = newDraft(session);
  if (!p) return d;
  for (const b of ROLES) {
    const o: BlocOrders | undefined = p.committed[b];
    if (!o) continue;
    d.levels[b] = { ...d.levels[b], ...o.set };
    if (o.propose)
      d.propose[b] = o.propose.keep ? { q: o.propose.q, keep: o.propose.keep } : { q: o.propose.q };
    if (o.backDown) d.backDown[b] = true;
    d.committed.push(b);
  }
  for (const b of ROLES) {
    const r = p.respond[b];
    if (r) d.respond[b] = r;
  }
  return { ...d, inject: p.inject, notes: p.notes, shownTo: p.shownTo, revealed: p.revealed ?? false };
}

/** A key that changes whenever what the journal keeps changes (the session compared by identity). */
export const recordKey = (r: GameRecord): string =>
  JSON.stringify([r.pending, r.ended, r.undone?.length ?? 0, r.actions?.length ?? 0]);
