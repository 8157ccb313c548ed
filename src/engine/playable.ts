// Whether a team at the keyboard can play a side of a scenario: it needs
// measures of its own, and a course the scenario leaves open. A side with a
// measure forced by scripted events in every round follows the record: a replay.
import { ROLES, type Role, type Scenario } from './types.js';

export type Unplayable = 'no-measures' | 'scripted';

/** Why a side cannot be played by a team, or null when it can. */
export function unplayable(sc: Scenario, bloc: Role): Unplayable | null {
  const own = sc.measures.filter((m) => m.bloc === bloc).map((m) => m.id);
  if (own.length === 0) return 'no-measures';
  for (let r = 1; r <= sc.rounds; r++) {
    const forced = sc.events.some((e) => e.round === r && own.some((id) => id in e.levels));
    if (!forced) return null;
  }
  return 'scripted';
}

/** The sides a team can play. */
export const playableSides = (sc: Scenario): Role[] => ROLES.filter((b) => unplayable(sc, b) === null);
