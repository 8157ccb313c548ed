import { describe, expect, it } from 'vitest';
import { pivotalStates } from '../../src/engine/council/pivotal.js';
import type { Vote } from '../../src/engine/council/qmv.js';

// Council population shares applicable in 2025 (calibration.md §B); they sum to 100.01.
const POP_2025: Record<string, number> = {
  DE: 18.49,
  FR: 15.17,
  IT: 13.23,
  ES: 10.78,
  PL: 8.33,
  RO: 4.23,
  NL: 4.01,
  BE: 2.62,
  CZ: 2.42,
  PT: 2.36,
  SE: 2.34,
  EL: 2.31,
  HU: 2.13,
  AT: 2.02,
  BG: 1.43,
  DK: 1.32,
  FI: 1.25,
  SK: 1.21,
  IE: 1.19,
  HR: 0.86,
  LT: 0.64,
  SI: 0.47,
  LV: 0.42,
  EE: 0.3,
  CY: 0.21,
  LU: 0.15,
  MT: 0.12,
};
const CODES = Object.keys(POP_2025);

/** Every state votes for except those named, which vote `rest`. */
const allForBut = (others: readonly string[], rest: Vote = 'against'): Record<string, Vote> =>
  Object.fromEntries(CODES.map((c) => [c, others.includes(c) ? rest : 'for']));

describe('pivotal states', () => {
  it('are none when all 27 vote for', () => {
    expect(pivotalStates(allForBut([]), POP_2025)).toEqual([]);
  });

  it('are the 15 states for when exactly 15 (55%) are for and hold over 65% of the population', () => {
    const fifteen = CODES.slice(0, 15);
    const votes = Object.fromEntries(
      CODES.map((c): [string, Vote] => [c, fifteen.includes(c) ? 'for' : 'abstain']),
    );
    expect(pivotalStates(votes, POP_2025)).toEqual(fifteen);
  });

  it('are every state for when only 3 are not for (the majority is deemed: a fourth would block)', () => {
    // 24 states for hold 53.12% of the population, below 65%, yet fewer than 4 states can block.
    expect(pivotalStates(allForBut(['DE', 'FR', 'IT']), POP_2025)).toEqual(CODES.slice(3));
  });

  it('are the four blockers when any one of them joining leaves too few to block', () => {
    expect(pivotalStates(allForBut(['DE', 'FR', 'IT', 'ES']), POP_2025)).toEqual(['DE', 'FR', 'IT', 'ES']);
  });

  it('is only the state whose population lifts the group past 65% of the table (100.01)', () => {
    // For: 49.78%. With DE 68.27% passes; with FR 64.95% < 65.0065 does not.
    const votes = allForBut(['DE', 'FR', 'PL', 'RO', 'NL'], 'abstain');
    expect(pivotalStates(votes, POP_2025)).toEqual(['DE']);
  });

  it('counts an absent state joining the majority like any other', () => {
    const votes = allForBut(['DE', 'FR', 'PL', 'RO', 'NL']);
    delete votes.DE;
    expect(pivotalStates(votes, POP_2025)).toEqual(['DE']);
    expect(votes.DE).toBeUndefined();
  });
});
