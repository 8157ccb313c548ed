// Routes a key press: to the open overlay, else the facilitator's keys,
// else the keys of the current phase of the round.

import { stateOf } from '../../engine/index.js';
import { type AppState, advance, phaseOfApp, redo, resolveRound, withDraft } from './app-state.js';
import { overlayKey } from './form-keys.js';
import type { KeyPress } from './key-press.js';
import { ordersKey } from './orders-keys.js';

const FEED_STEP = 3;

export function onKey(prev: AppState, k: KeyPress): AppState {
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
    case 'p':
      return { ...s, overlay: { kind: 'pause' } };
    case 'q':
      return { ...s, overlay: { kind: 'quit' } };
    case 'f':
      return {
        ...s,
        facilitator: !s.facilitator,
        status: s.facilitator ? 'team view' : 'facilitator view: the true landing zone and projections',
      };
    case 'u':
      if (s.session.log.length === 0) return { ...s, status: 'nothing to undo: no round played yet' };
      return { ...s, overlay: { kind: 'confirm', action: 'undo', bloc: null } };
    case 'U':
      return redo(s);
    case 'n':
      return { ...s, overlay: { kind: 'note', text: '' } };
    case 'e':
      if (phase.kind === 'over' || !stateOf(s.session).deal)
        return { ...s, status: 'e ends the game only while a deal is in force' };
      return { ...s, overlay: { kind: 'confirm', action: 'end', bloc: null } };
    case 'i':
      if (phase.kind === 'over') return { ...s, status: 'the game is over: nothing to inject' };
      return {
        ...s,
        overlay: { kind: 'inject', step: 'pick', row: 0, text: '', support: {}, levels: {} },
      };
  }
  if (key.pageUp) return { ...s, feedBack: s.feedBack + FEED_STEP };
  if (key.pageDown) return { ...s, feedBack: Math.max(0, s.feedBack - FEED_STEP) };
  switch (phase.kind) {
    case 'orders':
      return ordersKey(s, phase.bloc, k);
    case 'handover':
      return key.return ? withDraft(s, { shownTo: phase.to }) : s;
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
