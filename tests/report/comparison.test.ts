// This game against the computer-played games: percentiles, quantiles and
// the sentences the debrief writes.
import { describe, expect, it } from 'vitest';
import { type Distribution, median, percentileOf, quantile } from '../../src/report/compare.js';
import {
  compareRows,
  dealSentence,
  type GameFacts,
  painSentence,
  rungSentence,
} from '../../src/report/comparison.js';
import { count, money, ordinal, thousands } from '../../src/report/words.js';
import { miniScenario } from '../helpers/mini-scenario.js';

const dist = (over: Partial<Distribution> = {}): Distribution => ({
  runs: 1000,
  policies: { target: 'graduated', coercer: 'best_response' },
  standIns: [],
  outcomes: { landing_zone: 600, coercer_backs_down: 0, target_backs_down: 100, spiral: 0, stalemate: 300 },
  dealRounds: [...Array(300).fill(6), ...Array(300).fill(8)].map((r, i) => (i < 250 ? 7 : r)),
  pain: { target: [1, 2, 3, 4, 5], coercer: [0.1, 0.1, 0.1] },
  peakRung: [3, 4, 4, 5],
  ...over,
});

const game = (over: Partial<GameFacts> = {}): GameFacts => ({
  sc: miniScenario(),
  outcome: 'landing_zone',
  roundsPlayed: 12,
  totalRounds: 12,
  dealRound: 5,
  pain: { target: 4, coercer: 0.1 },
  peakRung: 4,
  ...over,
});

describe('percentiles', () => {
  it('counts the values below, ties as half', () => {
    expect(percentileOf([1, 2, 3, 4], 3)).toBe(62.5);
    expect(percentileOf([1, 2, 3, 4], 0)).toBe(0);
    expect(percentileOf([1, 2, 3, 4], 9)).toBe(100);
    expect(percentileOf([5, 5], 5)).toBe(50);
    expect(percentileOf([], 1)).toBeNaN();
  });

  it('interpolates quantiles between order statistics', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([0, 10], 0.1)).toBe(1);
    expect(quantile([7], 0.9)).toBe(7);
  });
});

describe('the deal sentence', () => {
  it('says how many rounds earlier than the median the deal came', () => {
    const d = dist({ dealRounds: [6, 7, 7, 7, 8], runs: 1000 });
    expect(dealSentence(game({ dealRound: 5 }), d)).toBe(
      'Your deal came two rounds earlier than the median of the 1,000 computer-played games (round 5 against round 7; 60% of them reached a deal).',
    );
  });

  it('handles later, the same round and half rounds', () => {
    const d = dist({ dealRounds: [4, 5] });
    expect(dealSentence(game({ dealRound: 9 }), d)).toContain('came 4.5 rounds later than the median');
    expect(dealSentence(game({ dealRound: 4 }), dist({ dealRounds: [3, 4, 5] }))).toContain(
      'in the same round as the median',
    );
    expect(dealSentence(game({ dealRound: 4 }), dist({ dealRounds: [5] }))).toContain(
      'came one round earlier',
    );
  });

  it('covers a deal no computer game reached, no deal, and an unfinished game', () => {
    const none = dist({
      dealRounds: [],
      outcomes: { landing_zone: 0, coercer_backs_down: 0, target_backs_down: 0, spiral: 0, stalemate: 1000 },
    });
    expect(dealSentence(game(), none)).toBe(
      'Your teams reached a deal in round 5; none of the 1,000 computer-played games did.',
    );
    expect(dealSentence(game({ outcome: 'stalemate', dealRound: null }), none)).toBe(
      'Like all 1,000 computer-played games, yours ended without a deal (stalemate).',
    );
    expect(dealSentence(game({ outcome: 'spiral', dealRound: null }), dist({ dealRounds: [6, 8] }))).toBe(
      'Your game ended without a deal (spiral); 60% of the 1,000 computer-played games reached one, at a median of round 7.',
    );
    expect(
      dealSentence(game({ outcome: null, dealRound: null, roundsPlayed: 6 }), dist({ dealRounds: [6, 8] })),
    ).toBe(
      'Your game stopped after six rounds of 12 without an outcome; 60% of the 1,000 computer-played games reached a deal, at a median of round 7.',
    );
  });
});

describe('pain, rung and the table', () => {
  it('places pain by percentile, either side of the median', () => {
    expect(painSentence('target', game({ pain: { target: 4.5, coercer: 0 } }), dist())).toBe(
      "The EU's pain, EUR 4.5 bn, was more than in 80% of the computer-played games (median EUR 3.0 bn).",
    );
    expect(painSentence('target', game({ pain: { target: 1, coercer: 0 } }), dist())).toBe(
      "The EU's pain, EUR 1.0 bn, was less than in 90% of the computer-played games (median EUR 3.0 bn).",
    );
    expect(painSentence('coercer', game(), dist())).toBe(
      "China's pain, EUR 0.10 bn, was the same as in every computer-played game.",
    );
  });

  it('compares the peak rung with the median', () => {
    expect(rungSentence(game(), dist())).toBe(
      'Escalation peaked at rung 4 (technology denial), against a median peak of rung 4 in the computer-played games.',
    );
  });

  it('tabulates the game, the median, the middle 80% and the percentile', () => {
    const rows = compareRows(game({ outcome: 'stalemate', dealRound: null }), dist({ dealRounds: [6, 8] }));
    expect(rows[0]).toEqual({
      measure: 'Round of the deal',
      game: '—',
      median: '7',
      range: '6.2 – 7.8',
      percentile: '—',
    });
    expect(rows[1]).toMatchObject({ measure: 'Pain to the EU', game: 'EUR 4.0 bn', percentile: '70%' });
  });
});

describe('words', () => {
  it('writes numbers as the report does', () => {
    expect(thousands(1234567)).toBe('1,234,567');
    expect(count(2)).toBe('two');
    expect(count(12)).toBe('12');
    expect(count(1.5)).toBe('1.5');
    expect(money(0.004)).toBe('EUR 0.004 bn');
    expect(money(123.4)).toBe('EUR 123 bn');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 83].map(ordinal).join(' ')).toBe(
      '1st 2nd 3rd 4th 11th 12th 13th 21st 83rd',
    );
  });
});
