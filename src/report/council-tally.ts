// The Council state by state: each member state's ballot in every vote the
// game held (determination, committee, appeal committee), from the votes the
// events recorded, and its count of for, abstain and against.
import { isVote, type Vote } from '../engine/index.js';
import type { Game } from './load-game.js';

export interface TallyVote {
  round: number;
  /** "determination", "committee: Stop servicing DUV tools, level 1". */
  what: string;
  /** A qualified majority for was reached. */
  passed: boolean;
}

export interface TallyRow {
  state: string;
  name: string;
  population: number;
  /** One per vote, in the order of `votes`. */
  ballots: Vote[];
  for: number;
  abstain: number;
  against: number;
}

export interface CouncilTally {
  votes: TallyVote[];
  /** Largest population first. */
  rows: TallyRow[];
}

export const BALLOT_MARK: Record<Vote, string> = { for: '✓', abstain: '○', against: '✗', absent: '–' };

function whatOf(g: Game, code: string, data: object): string {
  if (!('measure' in data) || !('level' in data)) return 'determination';
  const m = g.sc.measures.find((x) => x.id === data.measure);
  const body = code.startsWith('council/appeal') ? 'appeal committee' : 'committee';
  return `${body}: ${m?.name ?? String(data.measure)}, level ${String(data.level)}`;
}

/** No rows when no side has a Council (two governments). */
export function councilTally(g: Game): CouncilTally {
  if (g.sc.council === null) return { votes: [], rows: [] };
  const votes: TallyVote[] = [];
  const byState = new Map<string, Vote[]>(g.sc.states.map((s) => [s.id, []]));
  for (const r of g.rounds)
    for (const e of r.events) {
      if (!isVote(e)) continue;
      const v = e.data.vote;
      votes.push({ round: e.round, what: whatOf(g, e.code, e.data), passed: v.qualifiedMajorityFor });
      const cast = new Map(v.ballots.map((b) => [b.state, b.vote]));
      for (const [id, list] of byState) list.push(cast.get(id) ?? 'absent');
    }
  const rows = g.sc.states.map((s): TallyRow => {
    const ballots = byState.get(s.id)!;
    const n = (x: Vote) => ballots.filter((b) => b === x).length;
    return {
      state: s.id,
      name: s.name,
      population: s.population,
      ballots,
      for: n('for'),
      abstain: n('abstain'),
      against: n('against'),
    };
  });
  rows.sort((a, b) => b.population - a.population || a.state.localeCompare(b.state));
  return { votes, rows };
}
