// Whole runs: computer players on both sides, replay of an order log, and
// the metrics every run reports.
import type { SimEvent } from './events.js';
import { cloneState, initialState } from './init.js';
import type { Orders } from './orders.js';
import { withOverrides } from './overrides.js';
import { chooseOrders } from './policies/choose.js';
import type { MoveReason } from './policies/reasons.js';
import { rungOf } from './rung.js';
import { applyScripted } from './scripted.js';
import type { Outcome, SimState } from './state.js';
import { isOver, step } from './step.js';
import { type Policy, ROLES, type Role, type Scenario } from './types.js';

export interface RoundRecord {
  round: number;
  orders: Orders;
  state: SimState;
  events: SimEvent[];
}

export interface RunMetrics {
  outcome: Outcome;
  round: number;
  q: number | null;
  pain: Record<Role, { eurBn: number; pctGdp: number }>;
  statePain: Record<string, { eurBn: number; pctGdp: number }>;
  peakRung: number;
  minQmMargin: number | null;
  /** Mean substituted share gained over the run, per dependent bloc. */
  substitution: Record<Role, number>;
  dealsBroken: number;
  roundsPlayed: number;
}

export interface RunResult extends RunMetrics {
  seed: string;
  events: SimEvent[];
  history: RoundRecord[];
}

export type PolicyChoice = Partial<Record<Role, Policy>>;

/** Orders of the computer players for this round. */
export function computerOrders(
  sc: Scenario,
  st: SimState,
  policies: PolicyChoice,
  why?: Partial<Record<Role, MoveReason[]>>,
): Orders {
  const seen = decisionState(sc, st);
  // The numbers scripted events and injects have set so far, as step() plays them.
  const view = withOverrides(sc, seen.overrides);
  const orders: Orders = {};
  for (const b of ROLES) {
    const p = policies[b];
    if (p)
      orders[b] = chooseOrders(
        view,
        seen,
        b,
        p,
        sc.random.stream(st.seed, st.round + 1, `policy/${sc.blocs[b].id}`),
        why?.[b],
      );
  }
  return orders;
}

/**
 * The state a computer player decides on: step() applies the round's scripted
 * events before any order, so players see the levels the record forces then
 * (else an order chosen from the old level would undo the record at once).
 */
export function decisionState(sc: Scenario, st: SimState): SimState {
  const round = st.round + 1;
  if (!sc.events.some((e) => e.round === round)) return st;
  const seen = cloneState(st);
  applyScripted(sc, seen, round, [], []);
  return seen;
}

/** Plays a whole run with computer players on both sides. */
export function runGame(
  sc: Scenario,
  seed: string,
  policies: Required<PolicyChoice>,
  keepHistory = false,
): RunResult {
  let st = initialState(sc, seed);
  const events: SimEvent[] = [];
  const history: RoundRecord[] = [];
  while (!isOver(sc, st)) {
    const orders = computerOrders(sc, st, policies);
    const r = step(sc, st, orders);
    st = r.state;
    for (const e of r.events) events.push(e);
    if (keepHistory) history.push({ round: st.round, orders, state: st, events: r.events });
  }
  return { ...metricsOf(sc, st), seed, events, history };
}

export function metricsOf(sc: Scenario, st: SimState): RunMetrics {
  const years = Math.max(1, st.round) * (sc.roundMonths / 12);
  const pain = {} as RunMetrics['pain'];
  for (const b of ROLES) {
    const eur = st.pain[b].harm + st.pain[b].cost;
    pain[b] = { eurBn: eur, pctGdp: (eur / years / sc.blocs[b].gdp) * 100 };
  }
  const statePain: RunMetrics['statePain'] = {};
  sc.states.forEach((s, i) => {
    const eur = st.statePain[i]!;
    statePain[s.id] = { eurBn: eur, pctGdp: (eur / years / s.gdp) * 100 };
  });
  const substitution = { target: 0, coercer: 0 };
  const count = { target: 0, coercer: 0 };
  sc.dependencies.forEach((d, i) => {
    substitution[d.dependent] += st.deps[i]!.substituted;
    count[d.dependent] += 1;
  });
  for (const b of ROLES) substitution[b] = count[b] ? substitution[b] / count[b] : 0;
  return {
    outcome: st.outcome ?? 'stalemate',
    round: st.outcomeRound ?? st.round,
    q: st.deal?.q ?? null,
    pain,
    statePain,
    peakRung: Math.max(
      st.peakRung,
      rungOf(
        sc,
        st.measures.map((m) => m.level),
      ),
    ),
    minQmMargin: st.minQmMargin,
    substitution,
    dealsBroken: st.dealsBroken,
    roundsPlayed: st.round,
  };
}
