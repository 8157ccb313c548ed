// How a run ends: a deal, a side backing down (pain over tolerance, or the
// Council turning against the measures), a spiral, or time running out.
import { qualifiedMajority, statesNeeded } from './council/qmv.js';
import { type BackDownReason, event, type SimEvent } from './events.js';
import { pctOfGdp } from './negotiation.js';
import { castVotes } from './politics.js';
import type { Outcome, SimState } from './state.js';
import type { Role, Scenario } from './types.js';

export function decideOutcome(
  sc: Scenario,
  st: SimState,
  round: number,
  rung: number,
  events: SimEvent[],
): void {
  const yearFactor = 12 / sc.roundMonths;
  for (const b of ['target', 'coercer'] as const) {
    const pct = pctOfGdp(st.lastPain[b].harm + st.lastPain[b].cost, sc.blocs[b].gdp, yearFactor);
    st.overTolerance[b] = pct > sc.blocs[b].painTolerance ? st.overTolerance[b] + 1 : 0;
  }
  const targetPct = pctOfGdp(
    st.lastPain.target.harm + st.lastPain.target.cost,
    sc.blocs.target.gdp,
    yearFactor,
  );
  const biting = targetPct >= sc.params.futilityBite * sc.blocs.target.painTolerance;
  st.biteless = !st.deal && coercing(sc, st) && !biting ? st.biteless + 1 : 0;
  // Decided already: a deal stands, or a side backed down by order this round
  // (also in the last round, where the checks below would override it).
  if (st.outcome) return;
  const end = (o: Exclude<Outcome, 'landing_zone'>, text: string, reason: BackDownReason = 'pain') => {
    st.outcome = o;
    st.outcomeRound = round;
    if (o === 'spiral' || o === 'stalemate') events.push(event(round, `outcome/${o}`, {}, text));
    else
      events.push(
        event(
          round,
          'outcome/backs-down',
          { side: o === 'target_backs_down' ? 'target' : 'coercer', reason },
          text,
        ),
      );
  };
  const { patience, spiralRung } = sc.params;
  const euOver = st.overTolerance.target >= patience;
  const cnOver = st.overTolerance.coercer >= patience;
  const tol = (b: 'target' | 'coercer') =>
    `pain over ${sc.blocs[b].painTolerance}% of GDP for ${patience} rounds`;
  if (euOver && cnOver && rung >= spiralRung)
    end('spiral', 'escalation spirals: both sides over their pain tolerance at the top of the ladder');
  else if (sc.council && cohesionLost(sc, sc.council, st))
    end(
      sc.council === 'target' ? 'target_backs_down' : 'coercer_backs_down',
      `${sc.blocs[sc.council].short} backs down: a qualified majority of member states now opposes its measures`,
      'cohesion',
    );
  else if (euOver && !cnOver)
    end('target_backs_down', `${sc.blocs.target.short} backs down: ${tol('target')}`);
  else if (cnOver && !euOver)
    end('coercer_backs_down', `${sc.blocs.coercer.short} backs down: ${tol('coercer')}`);
  else if (st.biteless >= Math.ceil(sc.params.futilityMonths / sc.roundMonths)) {
    liftAll(sc, st, 'coercer');
    end(
      'coercer_backs_down',
      `${sc.blocs.coercer.short} lifts its measures without a concession: ${st.biteless * sc.roundMonths} months of coercion kept ${sc.blocs.target.short}'s pain under ${Math.round(sc.params.futilityBite * 100)}% of its tolerance`,
      'futility',
    );
  } else if (round >= sc.rounds) end('stalemate', `no deal after ${sc.rounds} rounds`);
}

/** Whether any of the coercer's measures restricts a flow now (a bare threat does not). */
function coercing(sc: Scenario, st: SimState): boolean {
  return sc.measures.some((m, i) => {
    if (m.bloc !== 'coercer') return false;
    const lv = m.levels[st.measures[i]!.level]!;
    return lv.intensity > 0 || lv.tariff > 0;
  });
}

/** A side lifts every measure it has in force or under way. */
function liftAll(sc: Scenario, st: SimState, side: Role): void {
  sc.measures.forEach((m, i) => {
    if (m.bloc !== side) return;
    st.measures[i]!.level = 0;
    st.measures[i]!.pending = null;
  });
}

/** The Council would now reach a qualified majority against its side's measures in force or under way. */
function cohesionLost(sc: Scenario, council: Role, st: SimState): boolean {
  const active = sc.measures.some(
    (m, i) =>
      m.bloc === council &&
      m.legalBasis !== 'national' &&
      (st.measures[i]!.level > 0 || st.measures[i]!.pending),
  );
  if (!active) return false;
  const ballots = castVotes(sc, st.support, null);
  // A qualified majority against needs that many states voting against: most rounds have far fewer.
  let against = 0;
  for (const b of ballots) if (b === 'against') against++;
  if (against < statesNeeded(sc.states.length)) return false;
  const votes: Record<string, (typeof ballots)[number]> = {};
  const population: Record<string, number> = {};
  sc.states.forEach((s, i) => {
    votes[s.id] = ballots[i]!;
    population[s.id] = s.population;
  });
  return qualifiedMajority(votes, population).qualifiedMajorityAgainst;
}
