// The scorecard's benchmark (src/batch/hindcast/baseline.ts): the model's
// class hits against always forecasting the class most often recorded in sample.
import { describe, expect, it } from 'vitest';
import {
  classBenchmark,
  commonestClass,
  formatClassBenchmark,
  type Scored,
} from '../../src/batch/hindcast/baseline.js';
import type { OutcomeClass } from '../../src/io/schemas/expect.js';

const ep = (expected: OutcomeClass, modal: OutcomeClass, inSample: boolean): Scored => ({
  expected: { outcome: expected, rounds: [1, 2] },
  modalOutcome: modal,
  inSample,
});

describe('the class benchmark', () => {
  const eps = [
    ep('landing_zone', 'landing_zone', true),
    ep('landing_zone', 'stalemate', true),
    ep('target_backs_down', 'target_backs_down', true),
    ep('landing_zone', 'stalemate', false),
    ep('stalemate', 'stalemate', false),
    ep('coercer_backs_down', 'landing_zone', false),
  ];

  it('counts the model’s hits, all and out of sample, and chooses the baseline on the in-sample episodes only', () => {
    expect(classBenchmark(eps)).toEqual({
      model: { right: 3, of: 6, outOfSample: { right: 1, of: 3 } },
      baseline: { outcome: 'landing_zone', right: 3, of: 6, outOfSample: { right: 1, of: 3 } },
    });
    expect(formatClassBenchmark(classBenchmark(eps))).toBe(
      'Class right (most runs end in the recorded class): 3 of 6 (1 of 3 out of sample);\n' +
        '  a forecast of landing_zone every time (the class most often recorded in sample): 3 of 6 (1 of 3 out of sample).',
    );
  });

  it('breaks ties by class order, and has no baseline when nothing is in sample', () => {
    expect(commonestClass([ep('stalemate', 'stalemate', true), ep('landing_zone', 'spiral', true)])).toBe(
      'landing_zone',
    );
    const none = classBenchmark(eps.filter((e) => !e.inSample));
    expect(none.baseline).toBeNull();
    expect(formatClassBenchmark(none)).toBe(
      'Class right (most runs end in the recorded class): 1 of 3 (1 of 3 out of sample).',
    );
  });
});
