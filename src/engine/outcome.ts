// How a run ends: a deal, a side backing down (pain over tolerance, or the
// Council turning against the measures), a spiral, or time running out.
import { qualifiedMajority } from './council/qmv.js';
import { type BackDownReason, event, type SimEvent } from './events.js';
import { pctOfGdp } from './negotiation.js';
import { castVotes } from './politics.js';
import type { Outcome, SimState } from './state.js';
import type { Scenario } from './types.js';

/** Consecutive rounds over tolerance after which a bloc gives in. */
export const PATIENCE = 2;
/** Rung from which mutual pain over tolerance counts as a spiral. */
export const SPIRAL_RUNG = 5;

export function decideOutcome(
  sc: Scenario,
  st: SimState,
  round: number,
  rung: number,
  events: SimEvent[],
): void {
  const yearFactor = 12 / sc.roundMonths;
  for (const b of ['EU', 'CN'] as const) {
    const pct = pctOfGdp(st.lastPain[b].harm + st.lastPain[b].cost, sc.blocs[b].gdp, yearFactor);
    st.overTolerance[b] = pct > sc.blocs[b].painTolerance ? st.overTolerance[b] + 1 : 0;
  }
  // Decided already: a deal stands, or a side backed down by order this round
  // (also in the last round, where the checks below would override it).
  if (st.outcome) return;
  const end = (o: Exclude<Outcome, 'landing_zone'>, text: string, reason: BackDownReason = 'pain') => {
    st.outcome = o;
    st.outcomeRound = round;
    if (o === 'spiral' || o === 'stalemate') events.push(event(round, `outcome/${o}`, {}, text));
    else
      events.push(
        event(round, 'outcome/backs-down', { side: o === 'eu_backs_down' ? 'EU' : 'CN', reason }, text),
      );
  };
  const euOver = st.overTolerance.EU >= PATIENCE;
  const cnOver = st.overTolerance.CN >= PATIENCE;
  const tol = (b: 'EU' | 'CN') => `pain over ${sc.blocs[b].painTolerance}% of GDP for ${PATIENCE} rounds`;
  if (euOver && cnOver && rung >= SPIRAL_RUNG)
    end('spiral', 'escalation spirals: both sides over their pain tolerance at the top of the ladder');
  else if (cohesionLost(sc, st))
    end(
      'eu_backs_down',
      'the EU backs down: a qualified majority of member states now opposes the countermeasures',
      'cohesion',
    );
  else if (euOver && !cnOver) end('eu_backs_down', `the EU backs down: ${tol('EU')}`);
  else if (cnOver && !euOver) end('cn_backs_down', `China backs down: ${tol('CN')}`);
  else if (round >= sc.rounds) end('stalemate', `no deal after ${sc.rounds} rounds`);
}

/** The Council would now reach a qualified majority against the EU measures in force or under way. */
function cohesionLost(sc: Scenario, st: SimState): boolean {
  const active = sc.measures.some(
    (m, i) =>
      m.bloc === 'EU' &&
      m.legalBasis !== 'national' &&
      (st.measures[i]!.level > 0 || st.measures[i]!.pending),
  );
  if (!active) return false;
  const ballots = castVotes(sc, st.support, null);
  const votes: Record<string, (typeof ballots)[number]> = {};
  const population: Record<string, number> = {};
  sc.states.forEach((s, i) => {
    votes[s.id] = ballots[i]!;
    population[s.id] = s.population;
  });
  return qualifiedMajority(votes, population).qualifiedMajorityAgainst;
}
