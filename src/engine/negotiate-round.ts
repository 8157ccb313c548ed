// The negotiation part of a round: a standing deal may break (and snap back);
// otherwise each side's bounds are projected and proposals are answered.
import { finite } from './errors.js';
import { event, type SimEvent } from './events.js';
import { layoutOf } from './layout.js';
import { accepts, contestTerms, pctOfGdp, projectCosts, zoneView } from './negotiation.js';
import type { Orders, Proposal } from './orders.js';
import type { SimState } from './state.js';
import { other, type Rng, ROLES, type Role, type Scenario } from './types.js';

export function negotiate(
  sc: Scenario,
  st: SimState,
  orders: Orders,
  levels: number[],
  round: number,
  rng: (label: string) => Rng,
  events: SimEvent[],
): void {
  let inForce = levels;
  if (st.deal && st.deal.round < round) {
    checkBreach(sc, st, round, rng('breach'), events);
    if (st.deal) return;
    // Broken: the snapback's levels are in force now, not the deal's.
    inForce = st.measures.map((m) => m.level);
  }
  const projection = projectCosts(sc, st, inForce, sc.params.horizon);
  st.expected = contestTerms(sc, st, st.widerUnlocked, round);
  st.zone = zoneView(sc, projection, st.expected, round, rng('perception'));
  if (st.outcome || st.deal) return;
  for (const { from: bloc, to: responder, offer: p } of offersInOrder(orders)) {
    const answer = orders[responder]?.respond;
    const yes = answer ? answer === 'accept' : accepts(st.zone, responder, p.q);
    if (!yes) {
      events.push(
        event(
          round,
          'deal/refused',
          { proposer: bloc, responder, q: p.q, keep: p.keep ?? [] },
          `${name(sc, responder)} refuses ${name(sc, bloc)}'s offer (q = ${p.q.toFixed(2)})`,
        ),
      );
      continue;
    }
    strikeDeal(sc, st, bloc, p, round, events);
    return;
  }
}

export interface Offer {
  readonly from: Role;
  readonly to: Role;
  readonly offer: Proposal;
}

/**
 * The round's offers in the order they are weighed: the target's first, then
 * the coercer's. The first one accepted is the deal; the ones after it are moot.
 */
export function offersInOrder(orders: Orders): Offer[] {
  const out: Offer[] = [];
  for (const from of ROLES) {
    const offer = orders[from]?.propose;
    if (offer) out.push({ from, to: other(from), offer });
  }
  return out;
}

function strikeDeal(
  sc: Scenario,
  st: SimState,
  proposer: Role,
  p: Proposal,
  round: number,
  events: SimEvent[],
) {
  const { measureIndex } = layoutOf(sc);
  const kept = new Set((p.keep ?? []).map((id) => measureIndex.get(id)));
  const before = st.measures.map((m) => m.level);
  st.measures.forEach((m, i) => {
    if (kept.has(i)) return;
    m.level = 0;
    m.pending = null;
  });
  st.aci = { ...st.aci, stage: st.aci.stage === 'authorised' ? 'authorised' : 'none', roundsLeft: 0 };
  st.deal = { q: p.q, round, proposer, kept: p.keep ?? [], snapback: true, before };
  st.outcome = 'landing_zone';
  st.outcomeRound = round;
  const keptText = p.keep?.length ? `; kept in force: ${p.keep.join(', ')}` : '';
  events.push(
    event(
      round,
      'deal/struck',
      { proposer, responder: other(proposer), q: p.q, keep: p.keep ?? [] },
      `deal struck at q = ${p.q.toFixed(2)} (${name(sc, proposer)}'s offer): ${name(sc, 'coercer')} lifts its measures, ${name(sc, 'target')} lifts its own, with a snapback if broken${keptText}`,
    ),
  );
  capitulation(sc, st, p.q, round, events);
}

/** A deal at the ends of q is one side's capitulation: the other side backs down (the deal stands). */
function capitulation(sc: Scenario, st: SimState, q: number, round: number, events: SimEvent[]) {
  const c = sc.params.capitulation;
  const loser: Role | null = q >= 1 - c ? 'target' : q <= c ? 'coercer' : null;
  if (!loser) return;
  st.outcome = loser === 'target' ? 'target_backs_down' : 'coercer_backs_down';
  const share = loser === 'target' ? q : 1 - q;
  events.push(
    event(
      round,
      'outcome/backs-down',
      { side: loser, reason: 'terms' },
      `${name(sc, loser)} backs down: the deal gives ${name(sc, other(loser))} ${Math.round(share * 100)}% of what is at stake`,
    ),
  );
}

function checkBreach(sc: Scenario, st: SimState, round: number, rng: Rng, events: SimEvent[]) {
  const deal = st.deal!;
  const cnPain = pctOfGdp(
    st.lastPain.coercer.harm + st.lastPain.coercer.cost,
    sc.blocs.coercer.gdp,
    12 / sc.roundMonths,
  );
  const p = finite(sc.formulas.breach(sc.params.breachBase, sc.params.snapbackCredibility, cnPain), 'breach');
  if (!(rng.next() < p)) return;
  st.deal = null;
  st.dealsBroken += 1;
  st.outcome = null;
  st.outcomeRound = null;
  st.widerUnlocked = true;
  sc.measures.forEach((def, m) => {
    const ms = st.measures[m]!;
    if (def.bloc === 'coercer') ms.level = deal.before[m]!;
    else if (def.legalBasis === 'wider') ms.level = Math.min(1, def.levels.length - 1);
    else ms.level = deal.before[m]!;
  });
  events.push(
    event(
      round,
      'deal/breached',
      { breaker: 'coercer', dealRound: deal.round, q: deal.q },
      `${sc.blocs.coercer.short} breaks the deal of round ${deal.round}; the snapback restores ${sc.blocs.target.short}'s measures and opens its wider rung`,
    ),
  );
}

const name = (sc: Scenario, b: Role) => sc.blocs[b].short;
