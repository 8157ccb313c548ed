// `play --timer`: each team's turn (its orders, its answer to an offer) has a
// clock that starts when its screen first shows and stops while paused. At
// zero the orders are committed as they stand (an open form is dropped) and an
// offer not yet answered is refused; the journal records the expiry.

import { namesOf } from '../theme.js';
import { type AppState, advance, phaseOfApp, withDraft } from './app-state.js';
import { logged } from './log-action.js';

export interface TurnClock {
  /** Seconds a team has for its turn. */
  seconds: number;
  /** The turn the clock runs for ("round:kind:side"), or null between turns. */
  turn: string | null;
  /** When the time is up (ms since 1970); null between turns and while paused. */
  deadline: number | null;
  /** While paused: ms that were left. */
  left: number | null;
}

function turnOf(s: AppState): string | null {
  const p = phaseOfApp(s);
  return p.kind === 'orders' || p.kind === 'respond'
    ? `${s.session.log.length + 1}:${p.kind}:${p.bloc}`
    : null;
}

/** Starts the clock on a new turn, stops it while paused, starts it again on resume. */
export function armClock(s: AppState, now: number): AppState {
  const c = s.clock;
  if (!c) return s;
  const turn = turnOf(s);
  const paused = s.overlay?.kind === 'pause';
  if (turn !== c.turn) {
    const ms = c.seconds * 1000;
    const fresh = {
      ...c,
      turn,
      deadline: turn && !paused ? now + ms : null,
      left: turn && paused ? ms : null,
    };
    return { ...s, clock: fresh };
  }
  if (paused && c.deadline !== null)
    return { ...s, clock: { ...c, deadline: null, left: Math.max(0, c.deadline - now) } };
  if (!paused && c.left !== null) return { ...s, clock: { ...c, deadline: now + c.left, left: null } };
  return s;
}

/** Whole seconds left in the turn, or null when no clock runs. */
export function secondsLeft(s: AppState, now: number): number | null {
  const c = s.clock;
  if (!c || c.turn === null) return null;
  const ms = c.deadline !== null ? c.deadline - now : (c.left ?? 0);
  return Math.min(c.seconds, Math.max(0, Math.ceil(ms / 1000)));
}

/** The state once the clock has been looked at: unchanged unless the time is up. */
export function onTick(s: AppState, now: number): AppState {
  const c = s.clock;
  if (!c || c.deadline === null || now < c.deadline || s.exit) return s;
  const p = phaseOfApp(s);
  const closed: AppState = { ...s, overlay: null };
  if (p.kind === 'orders') {
    const side = namesOf(s.session.setup.sc).team[p.bloc];
    const next = logged(closed, 'timeout', now, p.bloc, 'timer');
    return {
      ...advance(withDraft(next, { committed: [...s.draft.committed, p.bloc], shownTo: p.bloc })),
      status: `time is up: ${side}'s orders are committed as they stood`,
    };
  }
  if (p.kind === 'respond') {
    const side = namesOf(s.session.setup.sc).team[p.bloc];
    const next = logged(closed, 'timeout', now, p.bloc, 'timer');
    return {
      ...advance(withDraft(next, { respond: { ...s.draft.respond, [p.bloc]: 'reject' } })),
      status: `time is up: ${side} did not answer, so the offer is refused`,
    };
  }
  return s;
}
