// The Council votes of a round as the vote panel shows them: the ballots the
// engine recorded, counted by the engine's qualified-majority rules.
import {
  isVote,
  type QmvResult,
  qualifiedMajority,
  type Scenario,
  type SimEvent,
  type SimState,
  type Vote,
} from '../engine/index.js';

/** The round's vote events: those that carry a vote held. */
export const voteEvents = (events: readonly SimEvent[]): SimEvent[] => events.filter(isVote);

export interface BallotRow {
  id: string;
  name: string;
  population: number;
  vote: Vote;
}

export interface VoteView {
  /** Largest population first. */
  ballots: BallotRow[];
  result: QmvResult;
}

/** The vote recorded in a state (its `votes`), counted by the Council's rules. */
export function voteView(sc: Scenario, st: SimState): VoteView {
  const votes: Record<string, Vote> = {};
  const population: Record<string, number> = {};
  const ballots = sc.states.map((s, i): BallotRow => {
    const vote: Vote = st.votes[i] ?? 'absent';
    votes[s.id] = vote;
    population[s.id] = s.population;
    return { id: s.id, name: s.name, population: s.population, vote };
  });
  ballots.sort((a, b) => b.population - a.population || a.id.localeCompare(b.id));
  return { ballots, result: qualifiedMajority(votes, population) };
}
