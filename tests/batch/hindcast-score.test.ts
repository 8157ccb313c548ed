// An episode's score from its runs: modal outcome, round band, ballots, series.
import { describe, expect, it } from 'vitest';
import { type EpisodeRun, scoreEpisode } from '../../src/batch/hindcast/score.js';
import type { ExpectDef } from '../../src/io/schemas/expect.js';

const run = (outcome: EpisodeRun['outcome'], round: number, extra: Partial<EpisodeRun> = {}): EpisodeRun => ({
  outcome,
  round,
  ballots: null,
  series: null,
  ...extra,
});

const expectOf = (over: Partial<ExpectDef> = {}): ExpectDef => ({
  outcome: 'target_backs_down',
  rounds: [1, 2],
  source: '[x] y',
  in_sample: false,
  ...over,
});

describe('scoreEpisode', () => {
  it('passes when the modal outcome is the expected one and the median round is in the band', () => {
    const s = scoreEpisode('e', 'E', expectOf(), [
      run('target_backs_down', 1),
      run('target_backs_down', 2),
      run('landing_zone', 5),
    ]);
    expect(s).toMatchObject({
      modalOutcome: 'target_backs_down',
      shareOutcome: 2 / 3,
      shareRounds: 2 / 3,
      medianRound: 2,
      pass: true,
      reasons: [],
    });
  });

  it('says why it fails', () => {
    const s = scoreEpisode('e', 'E', expectOf(), [
      run('stalemate', 4),
      run('stalemate', 4),
      run('target_backs_down', 1),
    ]);
    expect(s.pass).toBe(false);
    expect(s.reasons).toEqual([
      'most runs end in stalemate, not target_backs_down',
      'median round 4 outside [1, 2]',
    ]);
  });

  it('scores each other coding by class and band, never counting it in pass', () => {
    const alternatives: ExpectDef['alternatives'] = [
      { outcome: 'stalemate', rounds: [4, 4], why: 'r1' },
      { outcome: 'stalemate', rounds: [1, 2], why: 'r2' },
      { outcome: 'landing_zone', rounds: [4, 4], why: 'r3' },
    ];
    const s = scoreEpisode('e', 'E', expectOf({ alternatives }), [
      run('stalemate', 4),
      run('stalemate', 4),
      run('target_backs_down', 1),
    ]);
    expect(s.pass).toBe(false);
    expect(s.alternatives).toEqual([
      { outcome: 'stalemate', rounds: [4, 4], pass: true },
      { outcome: 'stalemate', rounds: [1, 2], pass: false },
      { outcome: 'landing_zone', rounds: [4, 4], pass: false },
    ]);
    expect(scoreEpisode('e', 'E', expectOf(), [run('stalemate', 4)]).alternatives).toEqual([]);
  });

  it('an other coding still needs the ballots the episode records', () => {
    const s = scoreEpisode(
      'e',
      'E',
      expectOf({
        alternatives: [{ outcome: 'stalemate', rounds: [4, 4], why: 'r' }],
        ballots: { measure: 'm', round: 1, votes: { DE: 'for' }, source: '[x] y' },
      }),
      [run('stalemate', 4, { ballots: { DE: 'against' } })],
    );
    expect(s.alternatives[0]!.pass).toBe(false);
  });

  it('a tie goes to the expected outcome', () => {
    const s = scoreEpisode('e', 'E', expectOf({ rounds: [1, 9] }), [
      run('stalemate', 4),
      run('target_backs_down', 1),
    ]);
    expect(s.modalOutcome).toBe('target_backs_down');
  });

  it('counts ballots by each state’s modal prediction, and needs 20 of 27', () => {
    const votes = Object.fromEntries(
      Array.from({ length: 27 }, (_, i) => [`S${String.fromCharCode(65 + i)}`.slice(-2), 'for' as const]),
    );
    const some = Object.fromEntries(
      Object.keys(votes).map((s, i) => [s, i < 19 ? 'for' : 'against'] as const),
    );
    const s = scoreEpisode(
      'e',
      'E',
      expectOf({ ballots: { measure: 'm', round: 1, votes, source: '[x]' } }),
      [run('target_backs_down', 1, { ballots: some })],
    );
    expect(s.ballots).toMatchObject({ right: 19, of: 27 });
    expect(s.reasons).toEqual(['19 of 27 ballots right (need 20)']);
  });

  it('compares a series by the median run, month by month (mean absolute error)', () => {
    const series = {
      dependency: 'd',
      quantity: 'volume_index' as const,
      values: { '2025-04': 50, '2025-05': 20 },
      tolerance: 10,
      source: '[x]',
    };
    const s = scoreEpisode('e', 'E', expectOf({ series }), [
      run('target_backs_down', 1, { series: { '2025-04': 60, '2025-05': 30 } }),
      run('target_backs_down', 1, { series: { '2025-04': 40, '2025-05': 50 } }),
      run('target_backs_down', 1, { series: { '2025-04': 55, '2025-05': 40 } }),
    ]);
    expect(s.series).toEqual({ error: (5 + 20) / 2, tolerance: 10, model: { '2025-04': 55, '2025-05': 40 } });
    expect(s.pass).toBe(false);
  });
});
