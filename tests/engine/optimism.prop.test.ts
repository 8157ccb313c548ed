// The landing zone's bounds under `optimism` (docs/MODEL.md §12): at 1 they
// are the model as built (cost over stakes), and at any value the zone opens
// exactly when the two costs of going on, each over its stakes, add up to it,
// wherever the contest's expected terms lie.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/engine/init.js';
import {
  coercerMin,
  contestTerms,
  expectedTerms,
  optimismAt,
  rawBounds,
  targetMax,
} from '../../src/engine/negotiation.js';
import { miniScenario } from '../helpers/mini-scenario.js';

const cost = fc.double({ min: 0, max: 500, noNaN: true });
const stakes = fc.double({ min: 0.1, max: 500, noNaN: true });
const share = fc.double({ min: 0, max: 1, noNaN: true });

function scenario(optimism: number, sT: number, sC: number) {
  const base = miniScenario();
  return miniScenario({
    params: { ...base.params, optimism },
    blocs: {
      target: { ...base.blocs.target, stakes: sT },
      coercer: { ...base.blocs.coercer, stakes: sC },
    },
  });
}
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

describe('landing-zone bounds', () => {
  test.prop([cost, cost, stakes, stakes, share])(
    'at optimism 1 they are cost over stakes, whatever the expected terms',
    (cT, cC, sT, sC, p) => {
      const sc = scenario(1, sT, sC);
      expect(targetMax(sc, cT, p, 1)).toBeCloseTo(clamp01(cT / sT), 12);
      expect(coercerMin(sc, cC, p, 1)).toBeCloseTo(clamp01(1 - cC / sC), 12);
    },
  );

  test.prop([cost, cost, stakes, stakes, share, share])(
    'the zone opens exactly when the two shares of the stakes add up to optimism',
    (cT, cC, sT, sC, o, p) => {
      const sc = scenario(o, sT, sC);
      const b = rawBounds(sc, cT, cC, p, o);
      const sum = cT / sT + cC / sC;
      if (Math.abs(sum - o) > 1e-9) expect(b.coercerMin <= b.targetMax).toBe(sum >= o);
    },
  );

  test.prop([cost, cost, stakes, stakes, share, share, share])(
    'a side accepts worse terms when it expects to pay more, or the contest to go against it',
    (c1, c2, sT, sC, o, p1, p2) => {
      const sc = scenario(o, sT, sC);
      const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
      const [pLo, pHi] = p1 <= p2 ? [p1, p2] : [p2, p1];
      expect(targetMax(sc, hi, pLo, o)).toBeGreaterThanOrEqual(targetMax(sc, lo, pLo, o) - 1e-12);
      expect(coercerMin(sc, hi, pLo, o)).toBeLessThanOrEqual(coercerMin(sc, lo, pLo, o) + 1e-12);
      expect(targetMax(sc, lo, pHi, o)).toBeGreaterThanOrEqual(targetMax(sc, lo, pLo, o) - 1e-12);
      expect(coercerMin(sc, lo, pHi, o)).toBeGreaterThanOrEqual(coercerMin(sc, lo, pLo, o) - 1e-12);
    },
  );

  it('expects the side that pays more for what it stands to gain to give more', () => {
    const sc = scenario(0.5, 10, 10);
    expect(expectedTerms(sc, 0, 0)).toBe(0.5);
    expect(expectedTerms(sc, 3, 1)).toBeCloseTo(0.75, 12);
    expect(expectedTerms(sc, 1, 3)).toBeCloseTo(0.25, 12);
    expect(expectedTerms(sc, 5, 0)).toBe(1);
  });

  it('pins one zone: a halt that will cost Japan 0.8 bn and China nothing, stakes 1 bn each', () => {
    // Japan cannot hurt China, so both expect Japan to give everything (1);
    // at optimism 0.2 the zone is [1, 1], a concession at once.
    expect(rawBounds(scenario(0.2, 1, 1), 0.8, 0, 1, 0.2)).toEqual({ targetMax: 1.6, coercerMin: 1 });
    // At optimism 1 Japan accepts only 0.8: no zone until its costs pass its stakes.
    expect(rawBounds(scenario(1, 1, 1), 0.8, 0, 1, 1)).toEqual({ targetMax: 0.8, coercerMin: 1 });
  });

  it('expects of the full contest that the side with less at stake for its cost gives more', () => {
    const at = (o: number, sT: number) => {
      const sc = scenario(o, sT, 30);
      return contestTerms(sc, initialState(sc, 1), false, 1);
    };
    // At optimism 1 the bounds do not read it, and it is not projected.
    expect(at(1, 50)).toBeNull();
    const p = at(0.3, 50)!;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    // Halving the target's stakes doubles its cost per unit at stake: it is expected to give more.
    expect(at(0.3, 25)).toBeGreaterThan(p);
  });
});

describe('optimism that fades (optimism_half_life)', () => {
  const at = (o: number, h: number, months: number) => {
    const base = miniScenario();
    return miniScenario({
      params: { ...base.params, optimism: o, optimismHalfLife: h },
      roundMonths: months,
    });
  };
  it('is sure of everything at the outset and halves its distance to optimism every half-life', () => {
    const sc = at(0.3, 6, 3);
    expect(optimismAt(sc, 0)).toBe(1);
    expect(optimismAt(sc, 2)).toBeCloseTo(0.3 + 0.7 / 2, 12);
    expect(optimismAt(sc, 4)).toBeCloseTo(0.3 + 0.7 / 4, 12);
  });
  it('with no half-life is optimism throughout, the model before the fade', () => {
    expect(optimismAt(at(0.3, 0, 1), 0)).toBe(0.3);
    expect(optimismAt(at(0.3, 0, 1), 40)).toBe(0.3);
  });
  test.prop([share, fc.double({ min: 0.1, max: 100, noNaN: true }), fc.integer({ min: 0, max: 60 })])(
    'never rises from one round to the next and stays between optimism and 1',
    (o, h, r) => {
      const sc = at(o, h, 1);
      expect(optimismAt(sc, r + 1)).toBeLessThanOrEqual(optimismAt(sc, r) + 1e-12);
      expect(optimismAt(sc, r)).toBeGreaterThanOrEqual(o - 1e-12);
      expect(optimismAt(sc, r)).toBeLessThanOrEqual(1 + 1e-12);
    },
  );
  it('does not project the contest at the outset, where the bounds do not read it', () => {
    const sc = at(0.3, 6, 1);
    expect(contestTerms(sc, initialState(sc, 1), false, 0)).toBeNull();
    expect(contestTerms(sc, initialState(sc, 1), false, 1)).not.toBeNull();
  });
});
