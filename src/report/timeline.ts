// The timeline: every round's date, each side's orders in words, injects,
// what happened (the engine's events) and the teams' notes.
import type { BlocOrders, Inject, Role, Scenario } from '../engine/index.js';
import type { Game, PlayedRound } from './load-game.js';

export interface TimelineRow {
  round: number;
  date: string;
  orders: Record<Role, string[]>;
  injects: string[];
  events: string[];
  notes: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Apr 2025": the first month of a round, counting from the scenario's start. */
export function dateOf(sc: Scenario, round: number): string {
  const [y, m] = sc.startDate.split('-').map(Number);
  if (!y || !m) return `round ${round}`;
  const idx = y * 12 + (m - 1) + (Math.max(1, round) - 1) * sc.roundMonths;
  return `${MONTHS[idx % 12]} ${Math.floor(idx / 12)}`;
}

/** One side's orders as short phrases; "no change" when it gave none. */
export function describeOrders(sc: Scenario, o: BlocOrders | undefined): string[] {
  const out: string[] = [];
  for (const [id, level] of Object.entries(o?.set ?? {})) {
    const m = sc.measures.find((x) => x.id === id);
    const lv = m?.levels[level]?.name;
    out.push(`${m?.name ?? id} → level ${level}${lv ? ` (${lv})` : ''}`);
  }
  if (o?.propose) {
    const keep = (o.propose.keep ?? []).map((id) => sc.measures.find((x) => x.id === id)?.name ?? id);
    out.push(
      `proposes a deal at q = ${o.propose.q.toFixed(2)}${keep.length ? `, keeping ${keep.join(', ')}` : ''}`,
    );
  }
  if (o?.respond) out.push(o.respond === 'accept' ? 'accepts the offer' : 'rejects the offer');
  if (o?.backDown) out.push('backs down');
  return out.length > 0 ? out : ['no change'];
}

/** An inject with its effects: `"text" (NL support −0.50; magnets → level 2)`. */
export function describeInject(sc: Scenario, i: Inject): string {
  const effects: string[] = [];
  for (const [id, level] of Object.entries(i.levels ?? {}))
    effects.push(`${sc.measures.find((x) => x.id === id)?.name ?? id} → level ${level}`);
  for (const [id, d] of Object.entries(i.support ?? {}))
    effects.push(`${id} support ${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(2)}`);
  for (const [path, v] of Object.entries(i.set ?? {})) effects.push(`${path} = ${v}`);
  return `“${i.text}”${effects.length ? ` (${effects.join('; ')})` : ''}`;
}

const noteBy = (sc: Scenario, bloc: Role | null): string =>
  bloc === null ? 'Facilitator' : `${sc.blocs[bloc].short.replace(/^the /i, '')} team`;

export function timelineRow(sc: Scenario, r: PlayedRound): TimelineRow {
  return {
    round: r.round,
    date: dateOf(sc, r.round),
    orders: { target: describeOrders(sc, r.orders.target), coercer: describeOrders(sc, r.orders.coercer) },
    injects: (r.orders.inject ?? []).map((i) => describeInject(sc, i)),
    events: r.events
      .filter((e) => e.code !== 'inject/event')
      .map((e) => (e.code === 'scripted/event' ? `Scenario event: ${e.text}` : e.text)),
    notes: r.notes.map((n) => `${noteBy(sc, n.bloc)}: ${n.text}`),
  };
}

export const timeline = (g: Game): TimelineRow[] => g.rounds.map((r) => timelineRow(g.sc, r));
