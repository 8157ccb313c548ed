// The escalation rung shown to players, derived from the levels in force.
import type { Scenario } from './types.js';

export const RUNG_NAMES = [
  'status quo',
  'threats',
  'targeted restrictions',
  'broad restrictions',
  'technology denial',
  'sectoral embargo',
  'economic war',
] as const;

/** Highest rung of any level in force (0 status quo … 6 economic war). */
export function rungOf(sc: Scenario, levels: ArrayLike<number>): number {
  let r = 0;
  for (let m = 0; m < sc.measures.length; m++) {
    const lv = sc.measures[m]!.levels[levels[m]!]!;
    if (lv.rung > r) r = lv.rung;
  }
  return r;
}
