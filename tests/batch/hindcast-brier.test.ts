// The scorecard's Brier scores (src/batch/hindcast/brier.ts): the runs' outcome
// shares and the in-sample base rates, each scored against the recorded class.
import { describe, expect, it } from 'vitest';
import { baseRates } from '../../src/batch/hindcast/baseline.js';
import { brier, brierScores, type Forecast, formatBrier } from '../../src/batch/hindcast/brier.js';
import { type EpisodeRun, jointBrier } from '../../src/batch/hindcast/score.js';
import type { OutcomeClass } from '../../src/io/schemas/expect.js';

const f = (over: Partial<Forecast>): Forecast => ({
  landing_zone: 0,
  target_backs_down: 0,
  coercer_backs_down: 0,
  spiral: 0,
  stalemate: 0,
  ...over,
});
const ep = (recorded: OutcomeClass, outcomes: Forecast, inSample: boolean, brierJoint = 0) => ({
  expected: { outcome: recorded, rounds: [1, 1] as const },
  outcomes,
  inSample,
  brierJoint,
});

describe('Brier scores', () => {
  it('is 0 for a sure, right forecast, 2 for a sure, wrong one, and sums the squared gaps', () => {
    expect(brier(f({ stalemate: 1 }), 'stalemate')).toBe(0);
    expect(brier(f({ stalemate: 1 }), 'spiral')).toBe(2);
    // (0.6 − 1)² + 0.4² = 0.32
    expect(brier(f({ landing_zone: 0.6, stalemate: 0.4 }), 'landing_zone')).toBeCloseTo(0.32, 12);
  });

  it('sets the base rates on the in-sample records only, and scores both forecasts over all and out of sample', () => {
    const eps = [
      ep('landing_zone', f({ landing_zone: 1 }), true, 0.5),
      ep('stalemate', f({ landing_zone: 1 }), true, 1.5),
      ep('landing_zone', f({ stalemate: 1 }), false, 2),
    ];
    expect(baseRates(eps.filter((e) => e.inSample))).toEqual(f({ landing_zone: 0.5, stalemate: 0.5 }));
    const b = brierScores(eps)!;
    // model: 0, 2, 2; base rates (0.5, 0.5): 0.5 each
    expect(b.all).toEqual({ model: 4 / 3, baseRates: 0.5, of: 3 });
    expect(b.outOfSample).toEqual({ model: 2, baseRates: 0.5, of: 1 });
    expect(b.joint).toEqual({ inSample: 1, outOfSample: 2 });
    expect(formatBrier(b)).toBe(
      'Brier score of the outcome shares (0 best, 2 worst): model 1.33, base rates of the in-sample records 0.50; out of sample 2.00 against 0.50.',
    );
  });

  it('has no scores when no episode is in sample', () => {
    expect(brierScores([ep('stalemate', f({ stalemate: 1 }), false)])).toBeNull();
  });

  it('scores class and timing together: the joint Brier over class × inside or outside the band', () => {
    const run = (outcome: OutcomeClass, round: number): EpisodeRun => ({
      outcome,
      round,
      ballots: null,
      series: null,
    });
    // All runs in the recorded class and band: 0; all in the class but out of the band: 2.
    expect(jointBrier([run('landing_zone', 3), run('landing_zone', 4)], 'landing_zone', 3, 4)).toBe(0);
    expect(jointBrier([run('landing_zone', 2), run('landing_zone', 2)], 'landing_zone', 3, 4)).toBe(2);
    // Half right and in band, half right class too early: 0.5² + 0.5² − 2·0.5 + 1 = 0.5.
    expect(jointBrier([run('landing_zone', 3), run('landing_zone', 1)], 'landing_zone', 3, 4)).toBeCloseTo(
      0.5,
      12,
    );
    // A quarter in each of four cells, one of them the record: 4·(1/16) − 2·0.25 + 1 = 0.75.
    const four = [run('landing_zone', 3), run('landing_zone', 9), run('stalemate', 3), run('stalemate', 9)];
    expect(jointBrier(four, 'landing_zone', 3, 4)).toBeCloseTo(0.75, 12);
    expect(jointBrier([], 'landing_zone', 3, 4)).toBeNaN();
  });
});
