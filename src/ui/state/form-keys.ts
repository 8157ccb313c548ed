// Keys while an overlay is open: help, pause, quit, confirmations, the
// note box, the deal form, the inject form and the vote panel.
import type { Scenario, SimState } from '../../engine/index.js';
import { stateOf } from '../../engine/index.js';
import { outsideZone } from '../deal-terms.js';
import {
  type DealForm,
  type InjectForm,
  type Overlay,
  Q_STEP,
  SUPPORT_MAX,
  SUPPORT_STEP,
} from '../overlay.js';
import { namesOf } from '../theme.js';
import { voteEvents } from '../votes.js';
import { type AppState, addInject, addNote, withDraft } from './app-state.js';
import { gateKey, perform, resume } from './facilitator-keys.js';
import { editText, type KeyPress } from './key-press.js';
import { round2 } from './orders-keys.js';

/** Measures a deal can keep: those in force or on their way. */
export const dealRows = (sc: Scenario, st: SimState): string[] =>
  sc.measures.filter((_, i) => st.measures[i]!.level > 0 || st.measures[i]!.pending).map((m) => m.id);

const close = (s: AppState, status: string | null = null): AppState => ({ ...s, overlay: null, status });

export function overlayKey(s: AppState, o: Overlay, k: KeyPress): AppState {
  const { input, key } = k;
  switch (o.kind) {
    case 'help':
    case 'legend':
    case 'board':
    case 'vote':
    case 'scripted':
      return close(s);
    case 'results':
      // Then the state-by-state vote panel, when the Council voted in the round.
      return voteEvents(s.session.events[o.round - 1] ?? []).length > 0
        ? { ...s, overlay: { kind: 'vote', round: o.round } }
        : close(s);
    case 'gate':
      return gateKey(s, o, k);
    case 'log': {
      const step = key.pageUp || key.pageDown ? 10 : 1;
      if (key.upArrow || key.pageUp) return { ...s, overlay: { ...o, back: o.back + step } };
      if (key.downArrow || key.pageDown) return { ...s, overlay: { ...o, back: Math.max(0, o.back - step) } };
      return close(s);
    }
    case 'pause':
      return input === 'p' ? resume(s, k.at) : s;
    case 'saveFailed':
      if (input === 'r') return { ...close(s), retrySave: true };
      return key.return || key.escape
        ? close(s, 'the journal is not saved yet: it is tried again at the next change')
        : s;
    case 'quit':
      if (input === 'y') return { ...s, exit: { report: false } };
      return input === 'n' || key.escape ? close(s) : s;
    case 'confirm':
      if (input === 'n' || key.escape) return close(s);
      if (input !== 'y') return s;
      if (o.action === 'end' || o.action === 'undo') return perform(close(s), o.action, k.at);
      return {
        ...close(
          s,
          `${s.session.setup.sc.blocs[o.bloc ?? 'target'].short} will back down when the round is played`,
        ),
        draft: { ...s.draft, backDown: { ...s.draft.backDown, [o.bloc ?? 'target']: true } },
      };
    case 'note': {
      const e = editText(o.text, k);
      if (e.done === 'cancel') return close(s);
      if (e.done === 'submit')
        return e.text.trim() ? { ...addNote(s, e.text.trim()), overlay: null } : close(s);
      return { ...s, overlay: { ...o, text: e.text } };
    }
    case 'deal':
      return dealKey(s, o, k);
    case 'inject':
      return injectKey(s, o, k);
  }
}

function dealKey(s: AppState, o: DealForm, { input, key }: KeyPress): AppState {
  const rows = dealRows(s.session.setup.sc, stateOf(s.session));
  const last = rows.length;
  if (key.escape) return close(s);
  if (key.upArrow) return { ...s, overlay: { ...o, row: o.row > 0 ? o.row - 1 : last } };
  if (key.downArrow) return { ...s, overlay: { ...o, row: o.row < last ? o.row + 1 : 0 } };
  if (key.backspace || key.delete) {
    const { [o.bloc]: _, ...propose } = s.draft.propose;
    return close(withDraft(s, { propose }), 'offer withdrawn');
  }
  if (key.return) {
    const st = stateOf(s.session);
    if (!o.warned && outsideZone(st.zone, o.bloc, o.q, namesOf(s.session.setup.sc).short))
      return { ...s, overlay: { ...o, warned: true } };
    const keep = rows.filter((id) => o.keep.includes(id));
    const propose = { ...s.draft.propose, [o.bloc]: keep.length ? { q: o.q, keep } : { q: o.q } };
    return close(
      withDraft(s, { propose }),
      `offer ready: q = ${o.q.toFixed(2)}; it goes out when you commit`,
    );
  }
  if (o.row === 0 && (key.leftArrow || key.rightArrow)) {
    const q = round2(Math.min(1, Math.max(0, o.q + (key.rightArrow ? Q_STEP : -Q_STEP))));
    return { ...s, overlay: { ...o, q, warned: false } };
  }
  const id = rows[o.row - 1];
  if (id && (input === ' ' || key.leftArrow || key.rightArrow)) {
    const keep = o.keep.includes(id) ? o.keep.filter((x) => x !== id) : [...o.keep, id];
    return { ...s, overlay: { ...o, keep } };
  }
  return s;
}

/** Rows of the effects step: every member state's support, then every measure's level. */
export const effectRows = (sc: Scenario): ({ state: string } | { measure: string; top: number })[] => [
  ...sc.states.map((st) => ({ state: st.id })),
  ...sc.measures.map((m) => ({ measure: m.id, top: m.levels.length - 1 })),
];

function injectKey(s: AppState, o: InjectForm, k: KeyPress): AppState {
  const { sc } = s.session.setup;
  const { key } = k;
  const set = (patch: Partial<InjectForm>): AppState => ({ ...s, overlay: { ...o, ...patch } });
  if (o.step === 'text') {
    const e = editText(o.text, k);
    if (e.done === 'cancel') return set({ step: 'pick', row: sc.events.length });
    if (e.done === 'submit') return e.text.trim() ? set({ step: 'effects', row: 0, text: e.text.trim() }) : s;
    return set({ text: e.text });
  }
  const n = o.step === 'pick' ? sc.events.length + 1 : effectRows(sc).length;
  if (key.upArrow) return set({ row: o.row > 0 ? o.row - 1 : n - 1 });
  if (key.downArrow) return set({ row: o.row < n - 1 ? o.row + 1 : 0 });
  if (o.step === 'pick') {
    if (key.escape) return close(s);
    if (!key.return) return s;
    const ev = sc.events[o.row];
    if (!ev) return set({ step: 'text' });
    return addInject(s, { text: ev.text, levels: ev.levels, support: ev.support, set: ev.set }, k.at);
  }
  if (key.escape) return set({ step: 'text' });
  if (key.return) return addInject(s, { text: o.text, levels: o.levels, support: o.support, set: {} }, k.at);
  if (!key.leftArrow && !key.rightArrow) return s;
  const dir = key.rightArrow ? 1 : -1;
  const row = effectRows(sc)[o.row];
  if (!row) return s;
  if ('state' in row) {
    const v = Math.max(-SUPPORT_MAX, Math.min(SUPPORT_MAX, (o.support[row.state] ?? 0) + dir * SUPPORT_STEP));
    const { [row.state]: _, ...rest } = o.support;
    return set({ support: v === 0 ? rest : { ...rest, [row.state]: v } });
  }
  // Levels cycle: unchanged, 0, 1, … top.
  const cur = o.levels[row.measure] ?? -1;
  const next = Math.max(-1, Math.min(row.top, cur + dir));
  const { [row.measure]: _, ...rest } = o.levels;
  return set({ levels: next < 0 ? rest : { ...rest, [row.measure]: next } });
}
