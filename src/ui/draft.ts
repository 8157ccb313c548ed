// The round being decided: each human team's choices, the computer's
// orders, injects and notes, and which screen comes next (the phase).
import {
  type BlocOrders,
  computerTurn,
  type GameSetup,
  type Inject,
  isHuman,
  isOver,
  type Note,
  type Offer,
  type Orders,
  offersInOrder,
  type Proposal,
  ROLES,
  type Role,
  type Session,
  type SimState,
  stateOf,
} from '../engine/index.js';

export type Answer = 'accept' | 'reject';

export interface Draft {
  /** Level chosen per measure id, for each human side (starts at the level in force or pending). */
  levels: Record<Role, Record<string, number>>;
  propose: Partial<Record<Role, Proposal>>;
  respond: Partial<Record<Role, Answer>>;
  backDown: Partial<Record<Role, boolean>>;
  committed: Role[];
  /** The computer players' orders, chosen at the start of the round. */
  computer: Orders;
  inject: Inject[];
  notes: Note[];
  /** Hot-seat: whose private screen the keyboard was last handed to. */
  shownTo: Role | null;
  /** Hot-seat: both sealed offers were shown to the room. */
  revealed: boolean;
}

export type Phase =
  | { kind: 'orders'; bloc: Role }
  | { kind: 'handover'; to: Role }
  | { kind: 'respond'; bloc: Role; from: Role; offer: Proposal }
  /** Hot-seat: both teams' sealed offers shown together, before either is answered. */
  | { kind: 'offers'; offers: readonly Offer[] }
  | { kind: 'reveal' }
  | { kind: 'ready' }
  | { kind: 'watch' }
  | { kind: 'over' };

/** The level a measure is heading to: pending if any, else in force. */
export const targetLevel = (st: SimState, m: number): number =>
  st.measures[m]!.pending?.level ?? st.measures[m]!.level;

export function newDraft(s: Session): Draft {
  const st = stateOf(s);
  const { sc } = s.setup;
  const levels: Draft['levels'] = { target: {}, coercer: {} };
  sc.measures.forEach((m, i) => {
    if (isHuman(s.setup, m.bloc)) levels[m.bloc][m.id] = targetLevel(st, i);
  });
  return {
    levels,
    propose: {},
    respond: {},
    backDown: {},
    committed: [],
    computer: isOver(sc, st) ? {} : computerTurn(s),
    inject: [],
    notes: [],
    shownTo: null,
    revealed: false,
  };
}

/** Only the levels a side changed: what goes into its orders. */
export function changedLevels(s: Session, d: Draft, bloc: Role): Record<string, number> {
  const st = stateOf(s);
  const out: Record<string, number> = {};
  s.setup.sc.measures.forEach((m, i) => {
    const chosen = d.levels[bloc][m.id];
    if (m.bloc === bloc && chosen !== undefined && chosen !== targetLevel(st, i)) out[m.id] = chosen;
  });
  return out;
}

/** One human side's orders as the engine takes them. */
export function humanOrders(s: Session, d: Draft, bloc: Role): BlocOrders {
  const o: BlocOrders = {};
  const set = changedLevels(s, d, bloc);
  if (Object.keys(set).length > 0) o.set = set;
  const p = d.propose[bloc];
  if (p) o.propose = p.keep?.length ? { q: p.q, keep: p.keep } : { q: p.q };
  const r = d.respond[bloc];
  if (r) o.respond = r;
  if (d.backDown[bloc]) o.backDown = true;
  return o;
}

/** The round's orders: human choices, computer orders, injects. */
export function roundOrders(s: Session, d: Draft): Orders {
  const orders: Orders = {};
  for (const b of ROLES) {
    const o = isHuman(s.setup, b) ? humanOrders(s, d, b) : d.computer[b];
    if (o) orders[b] = o;
  }
  if (d.inject.length > 0) orders.inject = d.inject;
  return orders;
}

/** Whether proposals can be made and answered now (no deal in force, no outcome). */
export const canNegotiate = (st: SimState): boolean => st.deal === null && st.outcome === null;

const offerOf = (setup: GameSetup, d: Draft, bloc: Role): Proposal | undefined =>
  isHuman(setup, bloc)
    ? d.committed.includes(bloc)
      ? d.propose[bloc]
      : undefined
    : d.computer[bloc]?.propose;

/** The next screen of the round. */
export function phaseOf(s: Session, d: Draft, ended = false): Phase {
  const { setup } = s;
  const st = stateOf(s);
  if (ended || isOver(setup.sc, st)) return { kind: 'over' };
  const humans = ROLES.filter((b) => isHuman(setup, b));
  if (humans.length === 0) return { kind: 'watch' };
  const hot = humans.length === 2;
  const show = (bloc: Role, p: Phase): Phase =>
    hot && d.shownTo !== bloc ? { kind: 'handover', to: bloc } : p;
  const talk = canNegotiate(st);
  // Offers are sealed: every team commits its orders (and its offer) before any offer is seen.
  for (const bloc of humans) if (!d.committed.includes(bloc)) return show(bloc, { kind: 'orders', bloc });
  if (talk) {
    // The engine's order of offers: once one is accepted, the later ones are moot.
    const known: Orders = {};
    for (const b of ROLES) {
      const offer = offerOf(setup, d, b);
      if (offer) known[b] = { propose: offer, ...(d.respond[b] ? { respond: d.respond[b] } : {}) };
    }
    const offers = offersInOrder(known);
    if (hot && offers.length > 0 && !d.revealed) return { kind: 'offers', offers };
    for (const { from, to, offer } of offers) {
      if (!isHuman(setup, to)) continue;
      if (!d.respond[to]) return show(to, { kind: 'respond', bloc: to, from, offer });
      if (d.respond[to] === 'accept') break;
    }
  }
  return hot ? { kind: 'reveal' } : { kind: 'ready' };
}

/** The team whose private view (its draft, its estimate of the zone) is on screen, if any. */
export function viewerOf(setup: GameSetup, phase: Phase): Role | null {
  if (phase.kind === 'orders' || phase.kind === 'respond') return phase.bloc;
  if (phase.kind === 'handover' || phase.kind === 'watch' || phase.kind === 'over' || phase.kind === 'offers')
    return null;
  const humans = ROLES.filter((b) => isHuman(setup, b));
  return humans.length === 1 ? humans[0]! : null;
}
