// Routes a key press: to the open overlay, else the facilitator's keys,
// else the keys of the current phase of the round.

import { type AppState, advance, phaseOfApp, resolveRound, withDraft } from './app-state.js';
import { facilitatorKey } from './facilitator-keys.js';
import { overlayKey } from './form-keys.js';
import type { KeyPress } from './key-press.js';
import { ordersKey } from './orders-keys.js';
import { settle } from './settle.js';

const FEED_STEP = 3;

/** The state after a key; the same object when the key changes nothing. */
export function onKey(prev: AppState, k: KeyPress): AppState {
  const next = route(prev, k);
  return next === prev ? prev : settle(next, k.at ?? 0);
}

function route(prev: AppState, k: KeyPress): AppState {
  if (prev.exit) return prev;
  if (prev.overlay) return overlayKey(prev, prev.overlay, k);
  const s: AppState = { ...prev, status: null };
  const { input, key } = k;
  const phase = phaseOfApp(s);
  switch (input) {
    case '?':
      return { ...s, overlay: { kind: 'help' } };
    case 'l':
      return { ...s, overlay: { kind: 'legend' } };
    case 'h':
      return { ...s, overlay: { kind: 'log', back: 0 } };
    case 'c':
      return { ...s, overlay: { kind: 'board' } };
    case 'q':
      return { ...s, overlay: { kind: 'quit' } };
    case 'n':
      return { ...s, overlay: { kind: 'note', text: '' } };
  }
  const facilitator = facilitatorKey(s, k);
  if (facilitator) return facilitator;
  if (key.pageUp) return { ...s, feedBack: s.feedBack + FEED_STEP };
  if (key.pageDown) return { ...s, feedBack: Math.max(0, s.feedBack - FEED_STEP) };
  switch (phase.kind) {
    case 'orders':
      return ordersKey(s, phase.bloc, k);
    case 'handover':
      return key.return ? withDraft(s, { shownTo: phase.to }) : s;
    case 'offers':
      return key.return ? withDraft(s, { revealed: true }) : s;
    case 'respond':
      if (input === 'a' || input === 'r') {
        const respond = { ...s.draft.respond, [phase.bloc]: input === 'a' ? 'accept' : 'reject' } as const;
        return advance(withDraft(s, { respond }));
      }
      return s;
    case 'reveal':
    case 'watch':
    case 'ready':
      return key.return ? resolveRound(s) : s;
    case 'over':
      return input === 'w' ? { ...s, exit: { report: true } } : s;
  }
}
