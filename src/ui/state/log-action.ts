// The journal's record of facilitator actions: who did what, in which round, when.
import { isHuman, ROLES } from '../../engine/index.js';
import type { FacilitatorAction, FacilitatorEntry } from '../../io/journal.js';
import type { AppState } from './app-state.js';

/** Two teams at one keyboard: the facilitator's keys ask for F first. */
export const isHotSeat = (s: Pick<AppState, 'session'>): boolean =>
  ROLES.every((b) => isHuman(s.session.setup, b));

/**
 * Adds an action to the log. `at` is the key press's time (ms since 1970); in hot-seat
 * every logged key was confirmed with F, so it was the facilitator's.
 */
export function logged(
  s: AppState,
  action: FacilitatorAction,
  at: number | undefined,
  detail?: string,
  by?: FacilitatorEntry['by'],
): AppState {
  const entry: FacilitatorEntry = {
    action,
    round: s.session.log.length + 1,
    by: by ?? (isHotSeat(s) ? 'facilitator' : 'team'),
    at: new Date(at ?? 0).toISOString(),
    ...(detail ? { detail } : {}),
  };
  return { ...s, actions: [...s.actions, entry] };
}

/** Whether the journal's last view action left the facilitator view on, and the game paused. */
export function restoredFlags(actions: readonly FacilitatorEntry[]): { view: boolean; paused: boolean } {
  let view = false;
  let paused = false;
  for (const a of actions) {
    if (a.action === 'view' || a.action === 'team-view') view = a.action === 'view';
    if (a.action === 'pause' || a.action === 'resume') paused = a.action === 'pause';
  }
  return { view, paused };
}
