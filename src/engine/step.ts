// One round: scripted events, procedures, orders, flows, pain, politics,
// negotiation, outcome. Pure: returns a new state and the round's events.

import { accountPain, type StatePain } from './accounting.js';
import { advanceAci } from './aci.js';
import { advanceLeads, applyOrders } from './apply-orders.js';
import { advanceFlows, applyLevels, newFlows, type RoundFlows } from './economics.js';
import { placed, SimError } from './errors.js';
import { event, type SimEvent } from './events.js';
import { cloneState } from './init.js';
import { negotiate } from './negotiate-round.js';
import { learningFlags, pctOfGdp } from './negotiation.js';
import type { Orders } from './orders.js';
import { decideOutcome } from './outcome.js';
import { withOverrides } from './overrides.js';
import { supportScores } from './politics.js';
import { rungOf } from './rung.js';
import { applyScripted } from './scripted.js';
import type { SimState } from './state.js';
import type { Rng, Scenario } from './types.js';

export interface StepResult {
  state: SimState;
  events: SimEvent[];
  /** The round's harm and own cost per dependency, EUR bn, and the member states' shares of the pain. */
  flows: RoundFlows;
  statePain: StatePain;
}

/** Whether the run is over: a final outcome, or every round played. */
export const isOver = (sc: Scenario, s: SimState): boolean =>
  s.round >= sc.rounds || (s.outcome !== null && s.outcome !== 'landing_zone');

export function step(base: Scenario, prev: SimState, orders: Orders): StepResult {
  if (isOver(base, prev)) throw new SimError('run/finished', `the run ended in round ${prev.round}`);
  try {
    return stepRound(base, prev, orders);
  } catch (e) {
    throw placed(e, ` in round ${prev.round + 1}`, prev.round + 1);
  }
}

function stepRound(base: Scenario, prev: SimState, orders: Orders): StepResult {
  const st = cloneState(prev);
  const round = prev.round + 1;
  st.round = round;
  const events: SimEvent[] = [];
  // Streams are made on first use: most rounds draw from few of them.
  const rng = (label: string): Rng => {
    let r: Rng | null = null;
    return {
      next: () => {
        r ??= base.random.stream(st.seed, round, label);
        return r.next();
      },
    };
  };
  const forced = applyScripted(base, st, round, orders.inject ?? [], events);
  const sc = withOverrides(base, st.overrides);

  advanceLeads(sc, st, round, events);
  advanceAci(sc, st, round, rng('council'), events);
  for (const bloc of ['target', 'coercer'] as const) {
    if (orders[bloc]?.backDown && !st.outcome) {
      st.outcome = bloc === 'target' ? 'target_backs_down' : 'coercer_backs_down';
      st.outcomeRound = round;
      events.push(
        event(
          round,
          'outcome/backs-down',
          { side: bloc, reason: 'order' },
          `${sc.blocs[bloc].short} backs down`,
        ),
      );
    }
    applyOrders(sc, st, bloc, orders[bloc], round, rng(`orders/${sc.blocs[bloc].id}`), events, forced);
  }

  const levels = st.measures.map((m) => m.level);
  applyLevels(sc, levels, st.deps);
  const yearFactor = 12 / sc.roundMonths;
  const painPct = {
    target: pctOfGdp(st.lastPain.target.harm + st.lastPain.target.cost, sc.blocs.target.gdp, yearFactor),
    coercer: pctOfGdp(st.lastPain.coercer.harm + st.lastPain.coercer.cost, sc.blocs.coercer.gdp, yearFactor),
  };
  const flows = newFlows(sc.dependencies.length);
  const learning = learningFlags(sc, levels, new Array<boolean>(sc.dependencies.length));
  advanceFlows(sc, st.deps, painPct, learning, sc.params.g7Alignment, flows);
  const perState = accountPain(sc, st, levels, flows);

  st.support = supportScores(sc, perState.painPct, perState.costPct, levels, st.supportShift);
  negotiate(sc, st, orders, levels, round, rng, events);

  const rung = rungOf(
    sc,
    st.measures.map((m) => m.level),
  );
  st.peakRung = Math.max(st.peakRung, rung);
  decideOutcome(sc, st, round, rung, events);
  return { state: st, events, flows, statePain: perState };
}
