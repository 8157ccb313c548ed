// A run told round by round: the same run as runGame (same orders, draws and
// result), with each round's orders and the computer players' reasons, pain,
// zone and Council support, the harm and cost of each flow and the inputs of
// every member state's support formula: what a person needs to see why.
import type { SimEvent } from './events.js';
import { initialState } from './init.js';
import { layoutOf } from './layout.js';
import type { Orders } from './orders.js';
import type { MoveReason } from './policies/reasons.js';
import { castVotes, type SupportInputs, supportInputs } from './politics.js';
import { computerOrders, metricsOf, type RunResult } from './run.js';
import type { Pain } from './state.js';
import { isOver, step } from './step.js';
import type { Policy, Role, Scenario } from './types.js';

export interface RoundSeries {
  readonly round: number;
  readonly orders: Orders;
  readonly reasons: Readonly<Record<Role, readonly MoveReason[]>>;
  /** This round's harm suffered and own cost, per side, EUR bn. */
  readonly pain: Readonly<Record<Role, Pain>>;
  /** The landing zone's true bounds after the round (the coercer's lowest q, the target's highest), or null. */
  readonly zone: { readonly coercerMin: number; readonly targetMax: number } | null;
  /** Terms both expect of the dispute fought out with every measure (negotiation.ts `contestTerms`); null at optimism 1, where no bound reads it. */
  readonly expected: number | null;
  /** How the council side's member states would vote on its measures now (by bands), or null without one. */
  readonly council: {
    readonly for: number;
    readonly abstain: number;
    readonly against: number;
    /** Population (% of the Council's) of the states for. */
    readonly forPopulation: number;
  } | null;
  /** Measure id → level in force after the round, for the measures above 0. */
  readonly levels: Readonly<Record<string, number>>;
  readonly events: readonly SimEvent[];
}

export interface FlowTotal {
  readonly dependency: string;
  /** Who its harm falls on and who pays its cost. */
  readonly harmed: Role;
  readonly actor: Role;
  /** Over the run, EUR bn. */
  readonly harm: number;
  readonly cost: number;
  /** Highest restriction the flow saw, in [0,1]. */
  readonly peakRestriction: number;
}

export interface ExplainedRun extends RunResult {
  readonly rounds: readonly RoundSeries[];
  readonly flows: readonly FlowTotal[];
  /** Per round (index round − 1), each member state's support inputs and score. */
  readonly support: readonly (readonly SupportInputs[])[];
  /** Measure id → highest level in force during the run. */
  readonly peakLevels: Readonly<Record<string, number>>;
}

const ROLE_OF = ['target', 'coercer'] as const;

export function explainRun(
  sc: Scenario,
  seed: string,
  policies: Readonly<Record<Role, Policy>>,
): ExplainedRun {
  let st = initialState(sc, seed);
  const events: SimEvent[] = [];
  const rounds: RoundSeries[] = [];
  const support: SupportInputs[][] = [];
  const { side } = layoutOf(sc);
  const harm = sc.dependencies.map(() => 0);
  const cost = sc.dependencies.map(() => 0);
  const peakRestriction = sc.dependencies.map(() => 0);
  const peakLevels: Record<string, number> = {};
  sc.measures.forEach((m, i) => {
    peakLevels[m.id] = st.measures[i]!.level;
  });
  while (!isOver(sc, st)) {
    const why = { target: [] as MoveReason[], coercer: [] as MoveReason[] };
    const orders = computerOrders(sc, st, policies, why);
    const r = step(sc, st, orders);
    st = r.state;
    for (const e of r.events) events.push(e);
    const levels = st.measures.map((m) => m.level);
    sc.dependencies.forEach((_, d) => {
      harm[d]! += r.flows.harm[d]!;
      cost[d]! += r.flows.cost[d]!;
      peakRestriction[d] = Math.max(peakRestriction[d]!, st.deps[d]!.restriction);
    });
    const inForce: Record<string, number> = {};
    sc.measures.forEach((m, i) => {
      peakLevels[m.id] = Math.max(peakLevels[m.id]!, levels[i]!);
      if (levels[i]! > 0) inForce[m.id] = levels[i]!;
    });
    support.push(supportInputs(sc, r.statePain.painPct, r.statePain.costPct, levels, st.supportShift));
    rounds.push({
      round: st.round,
      orders,
      reasons: why,
      pain: { target: { ...st.lastPain.target }, coercer: { ...st.lastPain.coercer } },
      zone: st.zone ? { coercerMin: st.zone.coercerMin, targetMax: st.zone.targetMax } : null,
      expected: st.expected,
      council: councilSupport(sc, st.support),
      levels: inForce,
      events: r.events,
    });
  }
  const flows = sc.dependencies.map((dep, d) => ({
    dependency: dep.id,
    harmed: ROLE_OF[side[d]!.target],
    actor: ROLE_OF[side[d]!.actor],
    harm: harm[d]!,
    cost: cost[d]!,
    peakRestriction: peakRestriction[d]!,
  }));
  return { ...metricsOf(sc, st), seed, events, history: [], rounds, flows, support, peakLevels };
}

function councilSupport(sc: Scenario, scores: readonly number[]): RoundSeries['council'] {
  if (sc.council === null || sc.states.length === 0) return null;
  const ballots = castVotes(sc, scores, null);
  const count = { for: 0, abstain: 0, against: 0, forPopulation: 0 };
  ballots.forEach((b, s) => {
    count[b] += 1;
    if (b === 'for') count.forPopulation += sc.states[s]!.population;
  });
  return count;
}
