import { describe, expect, it } from 'vitest';
import { pivotalStates } from '../../src/engine/council/pivotal.js';
import type { Vote } from '../../src/engine/council/qmv.js';
import { POP_2025 } from '../helpers/council-2025.js';

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
