// The facilitator's keys: f (the true landing zone), u / U (undo, redo),
// i (inject), e (end while a deal holds), p (pause). With two teams at the
// keyboard (hot-seat) each opens a card that only F (Shift+f) confirms, and
// the teams are told never to press F; leaving the facilitator view needs no
// F. Every use is journalled with who and when (log-action.ts).
import { stateOf } from '../../engine/index.js';
import type { GatedAction, Overlay } from '../overlay.js';
import { type AppState, phaseOfApp, redo, undo } from './app-state.js';
import type { KeyPress } from './key-press.js';
import { isHotSeat, logged } from './log-action.js';

const KEYS: Record<string, GatedAction> = {
  f: 'view',
  u: 'undo',
  U: 'redo',
  i: 'inject',
  e: 'end',
  p: 'pause',
};

/** The key that confirms a facilitator's action in hot-seat. */
export const GATE_KEY = 'F';

/** Why the action cannot be done now, or null. */
function unavailable(s: AppState, a: GatedAction): string | null {
  const over = phaseOfApp(s).kind === 'over';
  switch (a) {
    case 'undo':
      return s.session.log.length === 0 ? 'nothing to undo: no round played yet' : null;
    case 'redo':
      return s.undone.length === 0 ? 'nothing to redo' : null;
    case 'end':
      return over || !stateOf(s.session).deal ? 'e ends the game only while a deal is in force' : null;
    case 'inject':
      return over ? 'the game is over: nothing to inject' : null;
    default:
      return null;
  }
}

/** A facilitator's key pressed on the main screen; null for any other key. */
export function facilitatorKey(s: AppState, k: KeyPress): AppState | null {
  const a = KEYS[k.input];
  if (!a) return null;
  const why = unavailable(s, a);
  if (why) return { ...s, status: why };
  if (a === 'view' && s.facilitator) return perform(s, a, k.at);
  if (isHotSeat(s)) return { ...s, overlay: { kind: 'gate', action: a } };
  if (a === 'undo' || a === 'end') return { ...s, overlay: { kind: 'confirm', action: a, bloc: null } };
  return perform(s, a, k.at);
}

/** The gate card's keys: F does the action, any other key cancels it. */
export function gateKey(s: AppState, o: Extract<Overlay, { kind: 'gate' }>, k: KeyPress): AppState {
  const closed: AppState = { ...s, overlay: null };
  if (k.input !== GATE_KEY)
    return { ...closed, status: `cancelled: only the facilitator's ${GATE_KEY} goes on` };
  return perform(closed, o.action, k.at);
}

/** Does a facilitator's action (confirmed where it has to be) and journals it. */
export function perform(s: AppState, a: GatedAction, at: number | undefined): AppState {
  switch (a) {
    case 'view':
      return {
        ...logged(s, s.facilitator ? 'team-view' : 'view', at),
        facilitator: !s.facilitator,
        status: s.facilitator ? 'team view' : 'facilitator view: the true landing zone and projections',
      };
    case 'undo':
      return undo(logged(s, 'undo', at, `round ${s.session.log.length}`));
    case 'redo':
      return redo(logged(s, 'redo', at, `round ${s.session.log.length + 1}`));
    case 'inject':
      // Journalled when the inject is taken (addInject).
      return { ...s, overlay: { kind: 'inject', step: 'pick', row: 0, text: '', support: {}, levels: {} } };
    case 'end':
      return { ...logged(s, 'end', at), overlay: null, ended: true, status: 'game ended by the facilitator' };
    case 'pause':
      return { ...logged(s, 'pause', at), overlay: { kind: 'pause' } };
  }
}

/** p on the pause card: the game goes on. */
export const resume = (s: AppState, at: number | undefined): AppState => ({
  ...logged(s, 'resume', at),
  overlay: null,
  status: 'resumed',
});
