// Keys of a team's turn: choose measures and levels, commit, open the deal
// form, back down.
import { type Role, stateOf } from '../../engine/index.js';
import { bestOffer } from '../deal-terms.js';
import { canNegotiate } from '../draft.js';
import { type AppState, advance, withDraft } from './app-state.js';
import { digitOf, type KeyPress } from './key-press.js';

/** A side's own measures with their index in the scenario. */
export function ownMeasures(s: AppState, bloc: Role) {
  return s.session.setup.sc.measures.map((m, index) => ({ m, index })).filter(({ m }) => m.bloc === bloc);
}

export function ordersKey(s: AppState, bloc: Role, k: KeyPress): AppState {
  const { input, key } = k;
  const mine = ownMeasures(s, bloc);
  const cursor = Math.min(Math.max(0, s.cursor[bloc]), Math.max(0, mine.length - 1));
  const moveTo = (c: number): AppState => ({ ...s, cursor: { ...s.cursor, [bloc]: c } });
  if (key.upArrow) return moveTo(cursor > 0 ? cursor - 1 : Math.max(0, mine.length - 1));
  if (key.downArrow) return moveTo(cursor < mine.length - 1 ? cursor + 1 : 0);
  const selected = mine[cursor];
  const digit = digitOf(input);
  if (selected && (key.leftArrow || key.rightArrow || digit !== null)) {
    const top = selected.m.levels.length - 1;
    const now = s.draft.levels[bloc][selected.m.id] ?? 0;
    const level = digit ?? now + (key.rightArrow ? 1 : -1);
    if (level < 0 || level > top) return { ...s, status: `${selected.m.name}: levels 0 to ${top}` };
    return withDraft(s, {
      levels: { ...s.draft.levels, [bloc]: { ...s.draft.levels[bloc], [selected.m.id]: level } },
    });
  }
  if (key.return) return advance(withDraft(s, { committed: [...s.draft.committed, bloc], shownTo: bloc }));
  const st = stateOf(s.session);
  if (input === 'd') {
    if (!canNegotiate(st)) return { ...s, status: 'no offers now: a deal is already in force' };
    const mine = s.draft.propose[bloc];
    const q = mine?.q ?? bestOffer(st.zone, bloc);
    return { ...s, overlay: { kind: 'deal', bloc, q: round2(q), keep: mine?.keep ?? [], row: 0 } };
  }
  if (input === 'b') {
    if (s.draft.backDown[bloc])
      return {
        ...withDraft(s, { backDown: { ...s.draft.backDown, [bloc]: false } }),
        status: 'back-down withdrawn',
      };
    return { ...s, overlay: { kind: 'confirm', action: 'backDown', bloc } };
  }
  return s;
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
