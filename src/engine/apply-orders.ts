// Turns a side's orders into level changes, pending adoptions and procedure
// starts, following each measure's legal basis.
import { applyPending, isTradeDefence, usesAci } from './aci.js';
import { SimError } from './errors.js';
import { event, type SimEvent } from './events.js';
import { layoutOf } from './layout.js';
import type { BlocOrders } from './orders.js';
import { holderAgrees } from './politics.js';
import type { SimState } from './state.js';
import type { Rng, Role, Scenario } from './types.js';

/** Checks orders against the scenario; returns one message per problem. */
export function checkOrders(sc: Scenario, bloc: Role, orders: BlocOrders | undefined): string[] {
  const problems: string[] = [];
  const { measureIndex } = layoutOf(sc);
  for (const [id, level] of Object.entries(orders?.set ?? {})) {
    const m = measureIndex.get(id);
    if (m === undefined) problems.push(`unknown measure "${id}"`);
    else {
      const def = sc.measures[m]!;
      if (def.bloc !== bloc) problems.push(`measure "${id}" belongs to ${def.bloc}, not ${bloc}`);
      const top = def.levels.length - 1;
      if (!Number.isInteger(level) || level < 0 || level > top)
        problems.push(`measure "${id}" has levels 0 to ${top}; got ${level}`);
    }
  }
  const q = orders?.propose?.q;
  if (q !== undefined && !(q >= 0 && q <= 1)) problems.push(`deal terms q must be from 0 to 1; got ${q}`);
  for (const id of orders?.propose?.keep ?? [])
    if (!measureIndex.has(id)) problems.push(`deal keeps unknown measure "${id}"`);
  return problems;
}

export function applyOrders(
  sc: Scenario,
  st: SimState,
  bloc: Role,
  orders: BlocOrders | undefined,
  round: number,
  rng: Rng,
  events: SimEvent[],
  forced: ReadonlySet<number> = new Set(),
): void {
  const problems = checkOrders(sc, bloc, orders);
  if (problems.length > 0)
    throw new SimError('order/illegal-level', `${sc.blocs[bloc].id} orders: ${problems.join('; ')}`);
  const { measureIndex, stateIndex } = layoutOf(sc);
  for (const [id, level] of Object.entries(orders?.set ?? {})) {
    const m = measureIndex.get(id)!;
    const def = sc.measures[m]!;
    const ms = st.measures[m]!;
    const target = ms.pending?.level ?? ms.level;
    const about = { side: bloc, measure: id, level };
    if (level === target) continue;
    // A level a scripted event or inject sets holds for its round.
    if (forced.has(m)) {
      events.push(
        event(
          round,
          'order/refused',
          { ...about, reason: 'record', roundsLeft: null },
          `${def.name} stays at level ${target} this round, as this round's event sets it`,
        ),
      );
      continue;
    }
    if (level < ms.level || (ms.pending && level <= ms.level)) {
      if (!def.reversible) {
        events.push(event(round, 'order/irreversible', about, `${def.name} cannot be reversed`));
        continue;
      }
      ms.pending = null;
      if (level === ms.level) continue;
      ms.level = level;
      events.push(
        event(
          round,
          'measure/lowered',
          about,
          `${who(sc, bloc)} lowers ${def.name} to level ${level} (${def.levels[level]!.name})`,
        ),
      );
      continue;
    }
    if (st.deal) {
      events.push(
        event(
          round,
          'order/refused',
          { ...about, reason: 'deal-in-force', roundsLeft: null },
          `${who(sc, bloc)} cannot raise ${def.name} while a deal is in force`,
        ),
      );
      continue;
    }
    if (def.legalBasis === 'national') {
      const h = stateIndex.get(def.holder ?? '');
      const support = h === undefined ? 0 : st.support[h]!;
      const national = { ...about, holder: def.holder ?? '', support };
      if (h === undefined || !holderAgrees(support, sc, rng)) {
        events.push(
          event(
            round,
            'national/refused',
            national,
            `${def.holder} declines to raise ${def.name} (its support ${fmt(support)})`,
          ),
        );
        continue;
      }
      events.push(
        event(
          round,
          'national/decided',
          national,
          `${def.holder} decides alone to raise ${def.name} to level ${level}`,
        ),
      );
    }
    if (def.legalBasis === 'wider' && !st.widerUnlocked) {
      events.push(
        event(
          round,
          'order/refused',
          { ...about, reason: 'needs-breach', roundsLeft: null },
          `${def.name} is available only after a breached deal`,
        ),
      );
      continue;
    }
    if (isTradeDefence(sc, def)) {
      // Straight to the committee: no determination of coercion comes first.
      const amend = toCommittee(ms, level, sc.procedure.committee);
      events.push(
        event(
          round,
          'trade-defence/proposed',
          { ...about, amended: amend },
          `the Commission proposes ${def.name} at level ${level} (${def.levels[level]!.name}) to the trade-defence committee`,
        ),
      );
      continue;
    }
    if (usesAci(sc, def)) {
      if (st.aci.stage === 'rejected' && st.aci.roundsLeft > 0) {
        events.push(
          event(
            round,
            'order/refused',
            { ...about, reason: 'aci-paused', roundsLeft: st.aci.roundsLeft },
            `the Council rejected the determination; the Commission may reopen the case in ${st.aci.roundsLeft} round(s)`,
          ),
        );
        continue;
      }
      if (st.aci.stage === 'none' || st.aci.stage === 'rejected') {
        st.aci = { stage: 'examination', roundsLeft: sc.procedure.examination, attempts: 0 };
        events.push(
          event(
            round,
            'council/examination',
            {},
            'the Commission opens an examination of coercion under the ACI',
          ),
        );
      }
      const amend = toCommittee(ms, level, sc.procedure.committee);
      events.push(
        event(
          round,
          'aci/requested',
          { ...about, amended: amend },
          `${who(sc, bloc)} requests ${def.name} at level ${level} (${def.levels[level]!.name}) under the ACI`,
        ),
      );
      continue;
    }
    ms.pending = { level, stage: 'lead', roundsLeft: def.leadRounds };
    if (def.leadRounds === 0) applyPending(sc, st, m, round, events);
    else
      events.push(
        event(
          round,
          'measure/announced',
          { ...about, inRounds: def.leadRounds },
          `${who(sc, bloc)} announces ${def.name} at level ${level}, in force in ${def.leadRounds} round(s)`,
        ),
      );
  }
}

/** Counts down measures waiting only for their lead time. */
export function advanceLeads(sc: Scenario, st: SimState, round: number, events: SimEvent[]): void {
  for (let m = 0; m < sc.measures.length; m++) {
    const p = st.measures[m]!.pending;
    if (p?.stage === 'lead' && --p.roundsLeft <= 0) applyPending(sc, st, m, round, events);
  }
}

const who = (sc: Scenario, b: Role) => sc.blocs[b].short;
const fmt = (x: number) => (x >= 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

/** Puts a level before the committee; a proposal not yet voted on is amended in place and keeps the committee's clock. */
function toCommittee(ms: SimState['measures'][number], level: number, committee: number): boolean {
  const amend = ms.pending?.stage === 'committee';
  ms.pending = { level, stage: 'committee', roundsLeft: amend ? ms.pending!.roundsLeft : committee };
  return amend;
}
