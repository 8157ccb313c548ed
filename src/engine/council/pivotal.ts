// Pivotal member states: those whose ballot alone decides whether a
// qualified majority for holds. A state voting for is pivotal when its
// leaving the "for" group (abstaining, voting against or staying away: all
// are "not for") would lose the majority; a state not voting for is pivotal
// when its joining would win it. Each switch is counted by the same rules
// as the vote itself (qualifiedMajority), so the 4-state blocking rule holds.
import { qualifiedMajority, type Vote } from './qmv.js';

/** The codes of the pivotal states, in the order of the population table. */
export function pivotalStates(
  votes: Readonly<Record<string, Vote>>,
  population: Readonly<Record<string, number>>,
): string[] {
  const holds = qualifiedMajority(votes, population).qualifiedMajorityFor;
  const switched: Record<string, Vote> = { ...votes };
  const out: string[] = [];
  for (const code of Object.keys(population)) {
    const was = switched[code];
    const isFor = was === 'for';
    switched[code] = isFor ? 'abstain' : 'for';
    if (qualifiedMajority(switched, population).qualifiedMajorityFor !== holds) out.push(code);
    if (was === undefined) delete switched[code];
    else switched[code] = was;
  }
  return out;
}
