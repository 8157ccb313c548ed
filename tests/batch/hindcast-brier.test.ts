// The scorecard's Brier scores (src/batch/hindcast/brier.ts): the runs' outcome
// shares and the in-sample base rates, each scored against the recorded class.
import { describe, expect, it } from 'vitest';
import { baseRates } from '../../src/batch/hindcast/baseline.js';
import { brier, brierScores, type Forecast, formatBrier } from '../../src/batch/hindcast/brier.js';
import type { OutcomeClass } from '../../src/io/schemas/expect.js';

const f = (over: Partial<Forecast>): Forecast => ({
  landing_zone: 0,
  target_backs_down: 0,
  coercer_backs_down: 0,
  spiral: 0,
  stalemate: 0,
  ...over,
});
const ep = (recorded: OutcomeClass, outcomes: Forecast, inSample: boolean) => ({
  expected: { outcome: recorded, rounds: [1, 1] as const },
  outcomes,
  inSample,
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
      ep('landing_zone', f({ landing_zone: 1 }), true),
      ep('stalemate', f({ landing_zone: 1 }), true),
      ep('landing_zone', f({ stalemate: 1 }), false),
    ];
    expect(baseRates(eps.filter((e) => e.inSample))).toEqual(f({ landing_zone: 0.5, stalemate: 0.5 }));
    const b = brierScores(eps)!;
    // model: 0, 2, 2; base rates (0.5, 0.5): 0.5 each
    expect(b.all).toEqual({ model: 4 / 3, baseRates: 0.5, of: 3 });
    expect(b.outOfSample).toEqual({ model: 2, baseRates: 0.5, of: 1 });
    expect(formatBrier(b)).toBe(
      'Brier score of the outcome shares (0 best, 2 worst): model 1.33, base rates of the in-sample records 0.50; out of sample 2.00 against 0.50.',
    );
  });

  it('has no scores when no episode is in sample', () => {
    expect(brierScores([ep('stalemate', f({ stalemate: 1 }), false)])).toBeNull();
  });
});
