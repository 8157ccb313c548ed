import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  populationThreshold,
  populationTotal,
  qualifiedMajority,
  statesNeeded,
  type Vote,
} from '../../src/engine/council/qmv.js';
import { POP_2025 } from '../helpers/council-2025.js';

const CODES = Object.keys(POP_2025);

/** Every state votes `rest` except those listed. */
function table(rest: Vote, others: Partial<Record<Vote, string[]>> = {}): Record<string, Vote> {
  const votes: Record<string, Vote> = Object.fromEntries(CODES.map((c) => [c, rest]));
  for (const [vote, codes] of Object.entries(others) as [Vote, string[]][]) {
    for (const c of codes) votes[c] = vote;
  }
  return votes;
}

describe('qualifiedMajority — hand-computed cases on the 2025 table', () => {
  it('sums the 2025 table to 100.01 and needs 15 of 27 states', () => {
    expect(populationTotal(POP_2025)).toBe(100.01);
    expect(populationThreshold(POP_2025)).toBeCloseTo(65.0065, 10);
    expect(statesNeeded(27)).toBe(15);
  });

  it('all 27 for: qualified majority for, no blocking minority', () => {
    const r = qualifiedMajority(table('for'), POP_2025);
    expect(r.for).toEqual({ states: 27, population: 100.01 });
    expect(r.against).toEqual({ states: 0, population: 0 });
    expect(r.qualifiedMajorityFor).toBe(true);
    expect(r.deemedFor).toBe(false);
    expect(r.qualifiedMajorityAgainst).toBe(false);
    expect(r.blockingMinority).toBe(false);
    expect(r.marginFor.states).toBe(12);
    expect(r.marginFor.population).toBeCloseTo(35.0035, 10);
    expect(r.marginAgainst.states).toBe(-15);
    expect(r.marginAgainst.population).toBeCloseTo(-65.0065, 10);
  });

  it('exactly 15 states holding ≥ 65%: the 15 largest (91.87%)', () => {
    const big15 = CODES.slice(0, 15);
    const r = qualifiedMajority(table('against', { for: big15 }), POP_2025);
    expect(r.for.states).toBe(15);
    expect(r.for.population).toBeCloseTo(91.87, 10);
    expect(r.qualifiedMajorityFor).toBe(true);
    expect(r.deemedFor).toBe(false);
    expect(r.marginFor.states).toBe(0);
    expect(r.marginFor.population).toBeCloseTo(26.8635, 10);
    expect(r.blockingMinority).toBe(false);
  });

  it('14 states with 90.44% fail on the state count, without a blocking minority by population', () => {
    const big14 = CODES.slice(0, 14);
    const r = qualifiedMajority(table('abstain', { for: big14 }), POP_2025);
    expect(r.for).toEqual({ states: 14, population: 90.44 });
    expect(r.qualifiedMajorityFor).toBe(false);
    expect(r.marginFor.states).toBe(-1);
    // 13 states not for hold 9.57% — not > 35%, so they are not a blocking minority.
    expect(r.blockingMinority).toBe(false);
  });

  it('the 16 smallest states (16.03%) fail on population; the 11 largest block', () => {
    const small16 = CODES.slice(11);
    expect(small16).toHaveLength(16);
    const r = qualifiedMajority(table('against', { for: small16 }), POP_2025);
    expect(r.for.states).toBe(16);
    expect(r.for.population).toBeCloseTo(16.03, 10);
    expect(r.qualifiedMajorityFor).toBe(false);
    expect(r.marginFor.states).toBe(1);
    expect(r.marginFor.population).toBeCloseTo(16.03 - 65.0065, 10);
    expect(r.blockingMinority).toBe(true);
    // The 11 against hold 83.98% but are only 11 states: no QM against.
    expect(r.against).toEqual({ states: 11, population: 83.98 });
    expect(r.qualifiedMajorityAgainst).toBe(false);
    expect(r.marginAgainst.states).toBe(-4);
  });

  it('only DE, FR and IT not for (46.89%): deemed reached — three states cannot block', () => {
    const r = qualifiedMajority(table('for', { against: ['DE'], abstain: ['FR'], absent: ['IT'] }), POP_2025);
    expect(r.for.states).toBe(24);
    expect(r.for.population).toBeCloseTo(53.12, 10);
    expect(r.against).toEqual({ states: 1, population: 18.49 });
    expect(r.abstain).toEqual({ states: 1, population: 15.17 });
    expect(r.absent).toEqual({ states: 1, population: 13.23 });
    expect(r.qualifiedMajorityFor).toBe(true);
    expect(r.deemedFor).toBe(true);
    expect(r.blockingMinority).toBe(false);
    expect(r.marginFor.population).toBeCloseTo(53.12 - 65.0065, 10);
  });

  it('DE, FR, IT and ES not for (57.67%): a blocking minority of four', () => {
    const r = qualifiedMajority(table('for', { abstain: ['DE', 'FR', 'IT', 'ES'] }), POP_2025);
    expect(r.for.states).toBe(23);
    expect(r.for.population).toBeCloseTo(42.34, 10);
    expect(r.qualifiedMajorityFor).toBe(false);
    expect(r.deemedFor).toBe(false);
    expect(r.blockingMinority).toBe(true);
  });

  it('four states not for with ≤ 35% are no blocking minority: QM for on population', () => {
    // DE, LU, MT, CY: 18.97% not for; 23 for with 81.04%.
    const r = qualifiedMajority(table('for', { against: ['DE', 'LU', 'MT', 'CY'] }), POP_2025);
    expect(r.qualifiedMajorityFor).toBe(true);
    expect(r.deemedFor).toBe(false);
    expect(r.blockingMinority).toBe(false);
  });

  it('65.00 of a 100.01 table fails; 65.01 passes (thresholds taken of the total)', () => {
    // These 15 sum to 65.00 — and to 64.99999999999999 when added in floating point.
    const at6500 = ['DE', 'FR', 'PL', 'RO', 'NL', 'BE', 'CZ', 'SE', 'HU', 'BG', 'DK', 'IE', 'LT', 'SI', 'CY'];
    const r0 = qualifiedMajority(table('abstain', { for: at6500 }), POP_2025);
    expect(r0.for).toEqual({ states: 15, population: 65 });
    expect(r0.qualifiedMajorityFor).toBe(false);
    expect(r0.marginFor.population).toBeLessThan(0);
    expect(r0.blockingMinority).toBe(true); // 12 states with 35.01 > 35.0035

    const at6501 = ['DE', 'FR', 'IT', 'RO', 'BE', 'EL', 'AT', 'BG', 'FI', 'SK', 'IE', 'HR', 'LT', 'CY', 'LU'];
    const r1 = qualifiedMajority(table('abstain', { for: at6501 }), POP_2025);
    expect(r1.for).toEqual({ states: 15, population: 65.01 });
    expect(r1.qualifiedMajorityFor).toBe(true);
    expect(r1.marginFor.population).toBeGreaterThanOrEqual(0);
    expect(r1.blockingMinority).toBe(false);
  });

  it('65.00 exactly of a table summing to 100.00 passes, despite floating-point sums', () => {
    const pop100 = { ...POP_2025, MT: 0.11 }; // sums to 100.00
    expect(populationTotal(pop100)).toBe(100);
    const at6500 = ['DE', 'FR', 'PL', 'RO', 'NL', 'BE', 'CZ', 'SE', 'HU', 'BG', 'DK', 'IE', 'LT', 'SI', 'CY'];
    const r = qualifiedMajority(table('against', { for: at6500 }), pop100);
    expect(r.for.population).toBe(65);
    expect(r.qualifiedMajorityFor).toBe(true);
    expect(r.marginFor).toEqual({ states: 0, population: 0 });
    // The other 12 hold exactly 35.00: not more than 35%, so no blocking minority.
    expect(r.blockingMinority).toBe(false);
  });

  it('QM against: 15 states with ≥ 65% against', () => {
    const big15 = CODES.slice(0, 15);
    const r = qualifiedMajority(table('abstain', { against: big15 }), POP_2025);
    expect(r.qualifiedMajorityAgainst).toBe(true);
    expect(r.deemedAgainst).toBe(false);
    expect(r.qualifiedMajorityFor).toBe(false);
    expect(r.marginAgainst.states).toBe(0);
    expect(r.marginAgainst.population).toBeCloseTo(91.87 - 65.0065, 10);
    expect(r.blockingMinority).toBe(true);
  });

  it('QM against deemed reached when only DE, FR and IT do not vote against', () => {
    const r = qualifiedMajority(table('against', { for: ['DE', 'FR', 'IT'] }), POP_2025);
    expect(r.against.states).toBe(24);
    expect(r.qualifiedMajorityAgainst).toBe(true);
    expect(r.deemedAgainst).toBe(true);
    expect(r.qualifiedMajorityFor).toBe(false);
  });

  it('no QM against when the against-group is short of states or of population', () => {
    const small16 = CODES.slice(11);
    const r = qualifiedMajority(table('for', { against: small16 }), POP_2025);
    expect(r.qualifiedMajorityAgainst).toBe(false);
    expect(r.qualifiedMajorityFor).toBe(false); // 11 for: too few states
    const r2 = qualifiedMajority(table('abstain', { against: CODES.slice(0, 14) }), POP_2025);
    expect(r2.qualifiedMajorityAgainst).toBe(false);
    expect(r2.marginAgainst.states).toBe(-1);
  });

  it('states missing from the votes are absent; a Map works like a record', () => {
    const votes = new Map<string, Vote>([
      ['DE', 'for'],
      ['FR', 'against'],
    ]);
    const r = qualifiedMajority(votes, POP_2025);
    expect(r.for).toEqual({ states: 1, population: 18.49 });
    expect(r.against).toEqual({ states: 1, population: 15.17 });
    expect(r.absent.states).toBe(25);
    expect(r).toEqual(qualifiedMajority({ DE: 'for', FR: 'against' }, POP_2025));
  });

  it('throws on an unknown state, a bad vote or a bad table', () => {
    expect(() => qualifiedMajority({ GR: 'for' }, POP_2025)).toThrow(/unknown member state "GR"/);
    expect(() => qualifiedMajority({ DE: 'yes' as Vote }, POP_2025)).toThrow(/invalid vote/);
    expect(() => qualifiedMajority({}, {})).toThrow(/empty/);
    expect(() => qualifiedMajority({}, { XX: Number.NaN })).toThrow(/finite/);
  });

  it('needs ceil(55%) of states for other Council sizes', () => {
    expect([1, 4, 20, 26, 27, 28, 30].map(statesNeeded)).toEqual([1, 3, 11, 15, 15, 16, 17]);
    // 20 equal states: 11 for pass on states, 10 do not.
    const pop20 = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`S${i}`, 5]));
    const votes = (k: number) =>
      Object.fromEntries(Object.keys(pop20).map((c, i) => [c, (i < k ? 'for' : 'against') as Vote]));
    // 11 × 5% = 55% < 65% and 9 against can block: fails; 13 × 5% = 65% passes.
    expect(qualifiedMajority(votes(11), pop20).qualifiedMajorityFor).toBe(false);
    expect(qualifiedMajority(votes(13), pop20).qualifiedMajorityFor).toBe(true);
    expect(qualifiedMajority(votes(13), pop20).marginFor).toEqual({ states: 2, population: 0 });
  });
});

// ---------------------------------------------------------------------------
// Property: compare with a brute-force reference written independently here.
// The reference reads each share's decimal digits into BigInt hundredths,
// counts states by looping, and states the rule as "enough states and no
// blocking minority among the others" (the implementation states it as "65%
// or fewer than 4 others").

function hundredths(share: number): bigint {
  const [whole, frac = ''] = String(share).split('.');
  return BigInt(whole as string) * 100n + BigInt(`${frac}00`.slice(0, 2));
}

interface Reference {
  forStates: number;
  forHundredths: bigint;
  againstStates: number;
  againstHundredths: bigint;
  qmFor: boolean;
  qmAgainst: boolean;
  blocking: boolean;
  deemedFor: boolean;
  deemedAgainst: boolean;
}

function reference(votes: Record<string, Vote>, pop: Record<string, number>): Reference {
  const codes = Object.keys(pop);
  const n = codes.length;
  let needed = 0;
  while (needed * 100 < 55 * n) needed++;
  let total = 0n;
  const inGroup = (vote: Vote) => {
    let states = 0;
    let h = 0n;
    for (const c of codes) {
      if ((votes[c] ?? 'absent') === vote) {
        states++;
        h += hundredths(pop[c] as number);
      }
    }
    return { states, h };
  };
  for (const c of codes) total += hundredths(pop[c] as number);
  const f = inGroup('for');
  const a = inGroup('against');
  const isBlocking = (states: number, h: bigint) => states >= 4 && h * 100n > total * 35n;
  const qmFor = f.states >= needed && !isBlocking(n - f.states, total - f.h);
  const qmAgainst = a.states >= needed && !isBlocking(n - a.states, total - a.h);
  return {
    forStates: f.states,
    forHundredths: f.h,
    againstStates: a.states,
    againstHundredths: a.h,
    qmFor,
    qmAgainst,
    blocking: isBlocking(n - f.states, total - f.h),
    deemedFor: qmFor && f.h * 100n < total * 65n,
    deemedAgainst: qmAgainst && a.h * 100n < total * 65n,
  };
}

const voteArb = fc.constantFrom<Vote>('for', 'against', 'abstain', 'absent');
/** Uniform random votes for all 27. */
const uniformTable = fc
  .tuple(...CODES.map(() => voteArb))
  .map((vs) => Object.fromEntries(CODES.map((c, i) => [c, vs[i] as Vote])));
/** Nearly unanimous tables (0–5 dissenters), where the deemed rule matters. */
const nearUnanimous = fc
  .record({
    majority: fc.constantFrom<Vote>('for', 'against'),
    // Biased toward the five largest states: three of them can hold > 35% without being able to block.
    dissent: fc.uniqueArray(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('DE', 'FR', 'IT', 'ES', 'PL') },
        { weight: 1, arbitrary: fc.constantFrom(...CODES) },
      ),
      { maxLength: 5 },
    ),
    dissentVotes: fc.array(voteArb, { minLength: 5, maxLength: 5 }),
  })
  .map(({ majority, dissent, dissentVotes }) => {
    const votes: Record<string, Vote> = Object.fromEntries(CODES.map((c) => [c, majority]));
    dissent.forEach((c, i) => {
      votes[c] = dissentVotes[i] as Vote;
    });
    return votes;
  });
/** Tables that drop some states (they are absent). */
const partial = uniformTable.chain((t) =>
  fc.subarray(CODES).map((keep) => Object.fromEntries(keep.map((c) => [c, t[c] as Vote]))),
);

describe('qualifiedMajority — property against the brute-force reference', () => {
  test.prop([fc.oneof(uniformTable, nearUnanimous, partial)], { numRuns: 2000 })(
    'agrees with the reference on every random vote table over the 27',
    (votes) => {
      const r = qualifiedMajority(votes, POP_2025);
      const ref = reference(votes, POP_2025);
      expect(r.for.states).toBe(ref.forStates);
      expect(Math.round(r.for.population * 100)).toBe(Number(ref.forHundredths));
      expect(r.against.states).toBe(ref.againstStates);
      expect(Math.round(r.against.population * 100)).toBe(Number(ref.againstHundredths));
      expect(r.qualifiedMajorityFor).toBe(ref.qmFor);
      expect(r.qualifiedMajorityAgainst).toBe(ref.qmAgainst);
      expect(r.blockingMinority).toBe(ref.blocking);
      expect(r.deemedFor).toBe(ref.deemedFor);
      expect(r.deemedAgainst).toBe(ref.deemedAgainst);
      // Tallies cover the Council; margins agree in sign with each test.
      expect(r.for.states + r.against.states + r.abstain.states + r.absent.states).toBe(27);
      expect(r.marginFor.states >= 0).toBe(ref.forStates >= 15);
      expect(r.marginFor.population >= 0).toBe(ref.forHundredths * 100n >= 10001n * 65n);
      expect(r.qualifiedMajorityFor && r.qualifiedMajorityAgainst).toBe(false);
    },
  );

  it('the near-unanimous generator reaches the deemed case', () => {
    // Guard against a generator that never exercises the rule under test.
    const samples = fc.sample(nearUnanimous, { numRuns: 500, seed: 42 });
    expect(samples.some((v) => qualifiedMajority(v, POP_2025).deemedFor)).toBe(true);
    expect(samples.some((v) => qualifiedMajority(v, POP_2025).deemedAgainst)).toBe(true);
  });
});
