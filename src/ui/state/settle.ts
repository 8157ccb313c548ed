// What follows any change of state: the card of the scripted events of the
// round about to be decided (once per round, before any orders) and the
// round timer's clock.
import { type AppState, phaseOfApp } from './app-state.js';
import { armClock } from './timer.js';

export function brief(s: AppState): AppState {
  const round = s.session.log.length + 1;
  if (s.overlay || s.exit || s.briefed >= round) return s;
  if (!s.session.setup.sc.events.some((e) => e.round === round)) return s;
  if (phaseOfApp(s).kind === 'over') return s;
  return { ...s, overlay: { kind: 'scripted', round }, briefed: round };
}

export const settle = (s: AppState, now: number): AppState => armClock(brief(s), now);
