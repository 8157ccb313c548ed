// Everything the game screen shows that changes: the session, the round's
// draft, the open overlay, cursors and the status line. Changed only by the
// pure functions here and in the key handlers, so flows are testable.
import {
  type Inject,
  type Note,
  noteRound,
  playRound,
  type Role,
  type Session,
  SimError,
  stateOf,
  undoRound,
} from '../../engine/index.js';
import type { FacilitatorEntry, PendingRound } from '../../io/journal.js';
import { type Draft, newDraft, type Phase, phaseOf, roundOrders, viewerOf } from '../draft.js';
import type { Overlay } from '../overlay.js';
import { draftOf, type GameRecord, pendingOf, type UndoneRound } from '../record.js';
import { voteEvents } from '../votes.js';
import { isHotSeat, logged, restoredFlags } from './log-action.js';
import type { TurnClock } from './timer.js';

export interface AppState {
  session: Session;
  draft: Draft;
  /** The facilitator ended the game early (a deal in force). */
  ended: boolean;
  overlay: Overlay | null;
  /** Selected measure (index into the side's own measures), per side. */
  cursor: Record<Role, number>;
  /** Feed lines scrolled back from the newest. */
  feedBack: number;
  facilitator: boolean;
  status: string | null;
  /** Why the last save of the journal failed; null once a save succeeds. */
  saveError: string | null;
  /** Set by the save-failed card's `r`: save again now. */
  retrySave: boolean;
  /** Set when the game should close; report: write the debrief after. */
  exit: { report: boolean } | null;
  /** Rounds taken back, the latest last (redo replays them). */
  undone: readonly UndoneRound[];
  /** Facilitator actions and timer expiries, in order (journalled). */
  actions: readonly FacilitatorEntry[];
  /** `--timer`: the clock of the turn in progress; null without a timer. */
  clock: TurnClock | null;
  /** The last round whose scripted events were shown on a card. */
  briefed: number;
}

/** Where a game starts: at the round in progress a journal kept, if any. */
export interface StartPoint {
  pending?: PendingRound | null;
  /** The facilitator had ended the game. */
  ended?: boolean;
  /** A first line for the status bar. */
  status?: string | null;
  undone?: readonly UndoneRound[];
  actions?: readonly FacilitatorEntry[];
  /** `--timer`: seconds a team has for its turn. */
  timer?: number | null;
}

export function initialAppState(session: Session, from: StartPoint = {}): AppState {
  const actions = from.actions ?? [];
  const { view, paused } = restoredFlags(actions);
  return {
    session,
    draft: from.pending ? draftOf(session, from.pending) : newDraft(session),
    ended: from.ended ?? false,
    overlay: paused ? { kind: 'pause' } : null,
    cursor: { target: 0, coercer: 0 },
    feedBack: 0,
    facilitator: view,
    status: from.status ?? null,
    saveError: null,
    retrySave: false,
    exit: null,
    undone: from.undone ?? [],
    actions,
    clock: from.timer ? { seconds: from.timer, turn: null, deadline: null, left: null } : null,
    briefed: 0,
  };
}

/** What the journal keeps of a state. */
export const recordOfApp = (s: AppState): GameRecord => ({
  session: s.session,
  pending: pendingOf(s.session, s.draft),
  ended: s.ended,
  undone: s.undone,
  actions: s.actions,
});

export const phaseOfApp = (s: AppState): Phase => phaseOf(s.session, s.draft, s.ended);

export const withDraft = (s: AppState, patch: Partial<Draft>): AppState => ({
  ...s,
  draft: { ...s.draft, ...patch },
});

/** Moves the round on after a commit, an answer or a hand-over; resolves it when nothing is left to ask. */
export function advance(s: AppState): AppState {
  return phaseOfApp(s).kind === 'ready' ? resolveRound(s) : s;
}

/**
 * Plays the round with the draft's orders; then, in hot-seat, the results card for both teams,
 * else the vote panel when the Council voted.
 */
export function resolveRound(s: AppState): AppState {
  let session: Session;
  try {
    session = playRound(s.session, roundOrders(s.session, s.draft), s.draft.notes);
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return { ...s, status: `the round cannot be played: ${e.message}` };
  }
  const st = stateOf(session);
  const votes = voteEvents(session.events[session.events.length - 1] ?? []);
  return {
    ...s,
    session,
    draft: newDraft(session),
    overlay: isHotSeat(s)
      ? { kind: 'results', round: st.round }
      : votes.length > 0
        ? { kind: 'vote', round: st.round }
        : null,
    feedBack: 0,
    undone: [],
    status: `round ${st.round} played${st.deal && st.deal.round === st.round ? ' — a deal is struck' : ''}`,
  };
}

export function undo(s: AppState): AppState {
  if (s.session.log.length === 0) return { ...s, status: 'nothing to undo: no round played yet' };
  const round = s.session.log.length;
  const session = undoRound(s.session);
  const taken: UndoneRound = { orders: s.session.log[round - 1]!, notes: s.session.notes[round - 1] ?? [] };
  return {
    ...s,
    session,
    draft: newDraft(session),
    ended: false,
    overlay: null,
    feedBack: 0,
    undone: [...s.undone, taken],
    status: `round ${round} undone; back to the start of round ${round} (U redoes it)`,
  };
}

/** Plays the last round undone again, with its orders and notes. */
export function redo(s: AppState): AppState {
  const last = s.undone[s.undone.length - 1];
  if (!last) return { ...s, status: 'nothing to redo' };
  let session: Session;
  try {
    session = playRound(s.session, last.orders, last.notes);
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return { ...s, status: `the round cannot be played again: ${e.message}` };
  }
  return {
    ...s,
    session,
    draft: newDraft(session),
    overlay: null,
    feedBack: 0,
    undone: s.undone.slice(0, -1),
    status: `round ${session.log.length} redone`,
  };
}

/** Adds a note to the decision being made, or to the last round once the game is over. */
export function addNote(s: AppState, text: string): AppState {
  const phase = phaseOfApp(s);
  const note: Note = { bloc: viewerOf(s.session.setup, phase), text };
  if (phase.kind === 'over' && s.session.log.length > 0)
    return {
      ...s,
      session: noteRound(s.session, s.session.log.length, note),
      status: `note added to round ${s.session.log.length}`,
    };
  return { ...withDraft(s, { notes: [...s.draft.notes, note] }), status: 'note added to this round' };
}

export function addInject(s: AppState, inject: Inject, at?: number): AppState {
  return {
    ...withDraft(logged(s, 'inject', at, inject.text), { inject: [...s.draft.inject, inject] }),
    overlay: null,
    status: `injected for this round: ${inject.text}`,
  };
}
