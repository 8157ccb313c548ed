// The Anti-Coercion Instrument as stages that take rounds (Reg. 2023/2675):
// Commission examination → Council determination (QM for) → engagement →
// then, per response measure, the committee (QM for adopts, QM against
// blocks, neither goes to the appeal committee) → application.
import { qualifiedMajority } from './council/qmv.js';
import type { SimEvent } from './events.js';
import { castVotes } from './politics.js';
import type { SimState } from './state.js';
import type { Procedure, Rng, Scenario } from './types.js';

const MAX_DETERMINATION_ATTEMPTS = 3;
/** Rounds after a rejected determination before the Commission may reopen the case. */
export const REOPEN_AFTER = 3;

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

/** Structured record of a vote, for reports. */
const voteData = (r: ReturnType<typeof qualifiedMajority>, measure?: string) => ({
  forStates: r.for.states,
  forPopulation: r.for.population,
  againstStates: r.against.states,
  againstPopulation: r.against.population,
  marginPopulation: r.marginFor.population,
  qualifiedMajorityFor: r.qualifiedMajorityFor,
  qualifiedMajorityAgainst: r.qualifiedMajorityAgainst,
  measure: measure ?? null,
});

const tally = (r: ReturnType<typeof qualifiedMajority>) =>
  `${r.for.states} states, ${r.for.population.toFixed(1)}% of population for; ${r.against.states} against`;

/** Moves the procedure and every pending ACI adoption on by one round. */
export function advanceAci(sc: Scenario, st: SimState, round: number, rng: Rng, events: SimEvent[]): void {
  const p = sc.procedure;
  const aci = st.aci;
  const ev = (code: string, text: string, vote?: ReturnType<typeof qualifiedMajority>, measure?: string) =>
    events.push({ round, code, text, ...(vote ? { data: voteData(vote, measure) } : {}) });
  if (aci.stage === 'examination' && --aci.roundsLeft <= 0) {
    aci.stage = 'determination';
    aci.roundsLeft = p.determination;
    ev(
      'council/determination-tabled',
      'the Commission finds coercion and asks the Council for a determination',
    );
  } else if (aci.stage === 'determination' && --aci.roundsLeft <= 0) {
    const r = councilVote(sc, st, rng);
    if (r.qualifiedMajorityFor) {
      aci.stage = 'engagement';
      aci.roundsLeft = p.engagement;
      ev(
        'council/determination-adopted',
        `Council determination of coercion adopted — ${r.for.states} states, ${r.for.population.toFixed(1)}% of population`,
        r,
      );
    } else if (++aci.attempts >= MAX_DETERMINATION_ATTEMPTS) {
      aci.stage = 'rejected';
      aci.roundsLeft = REOPEN_AFTER;
      dropPending(sc, st);
      ev(
        'council/determination-rejected',
        `Council fails a third time to determine coercion (${tally(r)}); ACI measures are off the table for ${REOPEN_AFTER} rounds`,
        r,
      );
    } else {
      aci.roundsLeft = 1;
      ev(
        'council/determination-failed',
        `no qualified majority for a determination (${tally(r)}); vote again next round`,
        r,
      );
    }
  } else if (aci.stage === 'rejected' && aci.roundsLeft > 0) {
    aci.roundsLeft -= 1;
  } else if (aci.stage === 'engagement' && --aci.roundsLeft <= 0) {
    aci.stage = 'authorised';
    ev(
      'council/engagement-over',
      'engagement with China yields nothing; the Commission may propose response measures',
    );
  }
  if (aci.stage !== 'authorised') return;
  let voted: ReturnType<typeof qualifiedMajority> | null = null;
  for (let m = 0; m < sc.measures.length; m++) {
    const pend = st.measures[m]!.pending;
    const def = sc.measures[m]!;
    if (!pend || !(def.legalBasis === 'aci' || def.legalBasis === 'wider')) continue;
    if (--pend.roundsLeft > 0) continue;
    const name = `${def.name} (level ${pend.level}: ${def.levels[pend.level]!.name})`;
    if (pend.stage === 'committee') {
      voted ??= councilVote(sc, st, rng);
      if (voted.qualifiedMajorityFor) {
        Object.assign(pend, { stage: 'application', roundsLeft: p.application + def.leadRounds });
        ev(
          'council/committee-adopted',
          `committee adopts ${name} — ${voted.for.states} states, ${voted.for.population.toFixed(1)}%`,
          voted,
          def.id,
        );
      } else if (voted.qualifiedMajorityAgainst) {
        st.measures[m]!.pending = null;
        ev(
          'council/committee-blocked',
          `committee blocks ${name} by a qualified majority against (${tally(voted)})`,
          voted,
          def.id,
        );
      } else {
        const span = p.appealMax - p.appealMin + 1;
        const wait = p.appealMin + Math.min(span - 1, Math.floor(rng.next() * span));
        Object.assign(pend, { stage: 'appeal', roundsLeft: wait });
        ev(
          'council/appeal',
          `no opinion in committee on ${name} (${tally(voted)}); appeal committee, ${wait} round(s)`,
          voted,
          def.id,
        );
      }
    } else if (pend.stage === 'appeal') {
      voted ??= councilVote(sc, st, rng);
      if (voted.qualifiedMajorityAgainst) {
        st.measures[m]!.pending = null;
        ev(
          'council/appeal-blocked',
          `appeal committee rejects ${name} by a qualified majority against (${tally(voted)})`,
          voted,
          def.id,
        );
      } else {
        Object.assign(pend, { stage: 'application', roundsLeft: p.application + def.leadRounds });
        ev(
          'council/appeal-adopted',
          `appeal committee: ${voted.qualifiedMajorityFor ? 'positive opinion' : 'no opinion'}; the Commission adopts ${name}`,
          voted,
          def.id,
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
  events.push({
    round,
    code: 'measure/in-force',
    text: `${def.bloc === 'EU' ? 'EU' : 'China'}: ${def.name} now at level ${ms.level} (${def.levels[ms.level]!.name})`,
    data: { measure: def.id, level: ms.level },
  });
}

function dropPending(sc: Scenario, st: SimState): void {
  sc.measures.forEach((def, m) => {
    if (def.legalBasis === 'aci' || def.legalBasis === 'wider') st.measures[m]!.pending = null;
  });
}

export const MAX_ATTEMPTS = MAX_DETERMINATION_ATTEMPTS;
