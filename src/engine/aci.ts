// The Anti-Coercion Instrument as stages that take rounds (Reg. 2023/2675):
// Commission examination → Council determination (QM for) → engagement →
// then, per response measure, the committee (QM for adopts, QM against
// blocks, neither goes to the appeal committee) → application. Trade-defence
// duties take the committee step alone, where no opinion lets the Commission adopt.
import { type QmvResult, qualifiedMajority } from './council/qmv.js';
import { event, type SimEvent, type VoteRecord } from './events.js';
import { castVotes } from './politics.js';
import type { SimState } from './state.js';
import { type LegalBasis, type Measure, other, type Procedure, type Rng, type Scenario } from './types.js';

const MAX_DETERMINATION_ATTEMPTS = 3;

/**
 * Stage lengths in rounds of one month, as the Regulation has them
 * (calibration.md §A.1): examination in principle ≤ 4 months (Art. 4); the
 * Council within 8 weeks (Art. 5); engagement has no fixed limit (2 months
 * is a policy choice); the committee about a month; the appeal committee
 * 1–3 months (Reg. 182/2011 Arts 3(7), 6); application within 3 months of
 * adoption (Art. 8). Scenarios may compress them.
 */
export const DEFAULT_PROCEDURE: Procedure = {
  examination: 4,
  determination: 2,
  engagement: 2,
  committee: 1,
  appealMin: 1,
  appealMax: 3,
  application: 3,
};

/** Holds a Council or committee vote on the states' current support; records the margin. */
export function councilVote(sc: Scenario, st: SimState, rng: Rng) {
  const ballots = castVotes(sc, st.support, rng);
  st.votes = ballots;
  const votes: Record<string, (typeof ballots)[number]> = {};
  const population: Record<string, number> = {};
  sc.states.forEach((s, i) => {
    votes[s.id] = ballots[i]!;
    population[s.id] = s.population;
  });
  const result = qualifiedMajority(votes, population);
  if (result.qualifiedMajorityFor) {
    const m = result.marginFor.population;
    st.minQmMargin = st.minQmMargin === null ? m : Math.min(st.minQmMargin, m);
  }
  return result;
}

/** A vote as the events record it: every state's ballot and score, and the count. */
function voteRecord(sc: Scenario, st: SimState, r: QmvResult): VoteRecord {
  return {
    ballots: sc.states.map((s, i) => ({ state: s.id, vote: st.votes[i]!, score: st.support[i]! })),
    forStates: r.for.states,
    forPopulation: r.for.population,
    againstStates: r.against.states,
    againstPopulation: r.against.population,
    marginPopulation: r.marginFor.population,
    qualifiedMajorityFor: r.qualifiedMajorityFor,
    qualifiedMajorityAgainst: r.qualifiedMajorityAgainst,
  };
}

const tally = (r: QmvResult) =>
  `${r.for.states} states, ${r.for.population.toFixed(1)}% of population for; ${r.against.states} against`;

/** Moves the procedure and every pending ACI adoption on by one round. */
export function advanceAci(sc: Scenario, st: SimState, round: number, rng: Rng, events: SimEvent[]): void {
  const p = sc.procedure;
  const aci = st.aci;
  const rec = (r: QmvResult) => voteRecord(sc, st, r);
  if (aci.stage === 'examination' && --aci.roundsLeft <= 0) {
    aci.stage = 'determination';
    aci.roundsLeft = p.determination;
    events.push(
      event(
        round,
        'council/determination-tabled',
        {},
        'the Commission finds coercion and asks the Council for a determination',
      ),
    );
  } else if (aci.stage === 'determination' && --aci.roundsLeft <= 0) {
    const r = councilVote(sc, st, rng);
    if (r.qualifiedMajorityFor) {
      aci.stage = 'engagement';
      aci.roundsLeft = p.engagement;
      events.push(
        event(
          round,
          'council/determination-adopted',
          { vote: rec(r) },
          `Council determination of coercion adopted — ${r.for.states} states, ${r.for.population.toFixed(1)}% of population`,
        ),
      );
    } else if (++aci.attempts >= MAX_DETERMINATION_ATTEMPTS) {
      aci.stage = 'rejected';
      aci.roundsLeft = sc.params.reopenAfter;
      dropPending(sc, st);
      events.push(
        event(
          round,
          'council/determination-rejected',
          { vote: rec(r), reopenIn: sc.params.reopenAfter },
          `Council fails a third time to determine coercion (${tally(r)}); ACI measures are off the table for ${sc.params.reopenAfter} rounds`,
        ),
      );
    } else {
      aci.roundsLeft = 1;
      events.push(
        event(
          round,
          'council/determination-failed',
          { vote: rec(r), attempt: aci.attempts },
          `no qualified majority for a determination (${tally(r)}); vote again next round`,
        ),
      );
    }
  } else if (aci.stage === 'rejected' && aci.roundsLeft > 0) {
    aci.roundsLeft -= 1;
  } else if (aci.stage === 'engagement' && --aci.roundsLeft <= 0) {
    aci.stage = 'authorised';
    events.push(
      event(
        round,
        'council/engagement-over',
        {},
        `engagement with ${sc.council ? sc.blocs[other(sc.council)].short : 'the other side'} yields nothing; the Commission may propose response measures`,
      ),
    );
  }
  const authorised = aci.stage === 'authorised';
  let voted: QmvResult | null = null;
  for (let m = 0; m < sc.measures.length; m++) {
    const pend = st.measures[m]!.pending;
    const def = sc.measures[m]!;
    const td = isTradeDefence(sc, def);
    if (!pend || !(td || (authorised && usesAci(sc, def)))) continue;
    if (--pend.roundsLeft > 0) continue;
    const name = `${def.name} (level ${pend.level}: ${def.levels[pend.level]!.name})`;
    const about = (v: QmvResult) => ({ vote: rec(v), measure: def.id, level: pend.level });
    if (pend.stage === 'committee') {
      voted ??= councilVote(sc, st, rng);
      if (td && passesVote('trade_defence', voted)) {
        Object.assign(pend, { stage: 'application', roundsLeft: def.leadRounds });
        events.push(
          event(
            round,
            'council/committee-adopted',
            about(voted),
            `${voted.qualifiedMajorityFor ? 'committee adopts' : 'no qualified majority against; the Commission adopts'} ${name} (${tally(voted)})`,
          ),
        );
        if (def.leadRounds === 0) applyPending(sc, st, m, round, events);
      } else if (voted.qualifiedMajorityFor) {
        Object.assign(pend, { stage: 'application', roundsLeft: p.application + def.leadRounds });
        events.push(
          event(
            round,
            'council/committee-adopted',
            about(voted),
            `committee adopts ${name} — ${voted.for.states} states, ${voted.for.population.toFixed(1)}%`,
          ),
        );
      } else if (voted.qualifiedMajorityAgainst) {
        st.measures[m]!.pending = null;
        events.push(
          event(
            round,
            'council/committee-blocked',
            about(voted),
            `committee blocks ${name} by a qualified majority against (${tally(voted)})`,
          ),
        );
      } else {
        const span = p.appealMax - p.appealMin + 1;
        const wait = p.appealMin + Math.min(span - 1, Math.floor(rng.next() * span));
        Object.assign(pend, { stage: 'appeal', roundsLeft: wait });
        events.push(
          event(
            round,
            'council/appeal',
            { ...about(voted), rounds: wait },
            `no opinion in committee on ${name} (${tally(voted)}); appeal committee, ${wait} round(s)`,
          ),
        );
      }
    } else if (pend.stage === 'appeal') {
      voted ??= councilVote(sc, st, rng);
      if (voted.qualifiedMajorityAgainst) {
        st.measures[m]!.pending = null;
        events.push(
          event(
            round,
            'council/appeal-blocked',
            about(voted),
            `appeal committee rejects ${name} by a qualified majority against (${tally(voted)})`,
          ),
        );
      } else {
        Object.assign(pend, { stage: 'application', roundsLeft: p.application + def.leadRounds });
        events.push(
          event(
            round,
            'council/appeal-adopted',
            about(voted),
            `appeal committee: ${voted.qualifiedMajorityFor ? 'positive opinion' : 'no opinion'}; the Commission adopts ${name}`,
          ),
        );
      }
    } else {
      applyPending(sc, st, m, round, events);
    }
  }
}

/** Puts a pending level in force. */
export function applyPending(sc: Scenario, st: SimState, m: number, round: number, events: SimEvent[]): void {
  const ms = st.measures[m]!;
  const def = sc.measures[m]!;
  if (!ms.pending) return;
  ms.level = ms.pending.level;
  ms.pending = null;
  events.push(
    event(
      round,
      'measure/in-force',
      { side: def.bloc, measure: def.id, level: ms.level },
      `${sc.blocs[def.bloc].short}: ${def.name} now at level ${ms.level} (${def.levels[ms.level]!.name})`,
    ),
  );
}

function dropPending(sc: Scenario, st: SimState): void {
  sc.measures.forEach((def, m) => {
    if (usesAci(sc, def)) st.measures[m]!.pending = null;
  });
}

export const MAX_ATTEMPTS = MAX_DETERMINATION_ATTEMPTS;

/** Whether a measure is a council side's trade-defence duty: committee only, adopted unless a qualified majority is against. */
export const isTradeDefence = (sc: Scenario, def: Measure): boolean =>
  def.legalBasis === 'trade_defence' && sc.blocs[def.bloc].decides === 'eu_council';

/**
 * Whether a Council or committee vote lets a measure of this basis through:
 * trade defence unless a qualified majority is against (Reg. 182/2011 Art.
 * 5); the ACI's determination and committee only with one for (an ACI
 * committee with neither goes to appeal); null for bases the Council does not vote on.
 */
export function passesVote(
  basis: LegalBasis,
  r: Pick<QmvResult, 'qualifiedMajorityFor' | 'qualifiedMajorityAgainst'>,
) {
  if (basis === 'trade_defence') return !r.qualifiedMajorityAgainst;
  return basis === 'aci' || basis === 'wider' ? r.qualifiedMajorityFor : null;
}

/** Whether a measure goes through the ACI procedure: ACI measures, and a council side's wider rung. */
export const usesAci = (sc: Scenario, def: Measure): boolean =>
  def.legalBasis === 'aci' || (def.legalBasis === 'wider' && sc.blocs[def.bloc].decides === 'eu_council');
