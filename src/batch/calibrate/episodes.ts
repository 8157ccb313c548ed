// The calibration's simulator and distance: a parameter set is played
// through the hindcast's own episode runner (the episode's uncertain numbers
// sampled as `hindcast` samples them) and scored as `hindcast` scores it.
//
// Distance (documented in docs/RESEARCH.md): the mean over episodes of the
// episode's misfit,
//   (1 − share of runs in the expected outcome class)
// + (1 − share of runs ending inside the expected round band)
// + (1 − share of recorded ballots predicted right)          where ballots are given
// + min(1, mean absolute error of the series / 100)          where a series is given
// so 0 is a perfect fit and each term lies in [0, 1].
import type { CalibrationEpisode } from '../../io/load-calibration.js';
import { withPosterior } from '../../io/load-experiment.js';
import type { PosteriorTable } from '../../io/posterior.js';
import { parameterApplier } from '../apply-values.js';
import { runEpisode } from '../hindcast/run-episode.js';
import { type EpisodeScore, scoreEpisode } from '../hindcast/score.js';
import { makePlan } from '../plan.js';

export function misfit(s: EpisodeScore): number {
  let m = 1 - s.shareOutcome + (1 - s.shareRounds);
  if (s.ballots) m += s.ballots.of > 0 ? 1 - s.ballots.right / s.ballots.of : 1;
  if (s.series) m += Number.isFinite(s.series.error) ? Math.min(1, s.series.error / 100) : 1;
  return m;
}

export const meanMisfit = (scores: readonly EpisodeScore[]): number =>
  scores.reduce((a, s) => a + misfit(s), 0) / scores.length;

/** Scores of the chosen episodes for one parameter set, their runs seeded by `seed`. */
export function episodeScorer(episodes: readonly CalibrationEpisode[], paths: readonly string[]) {
  const appliers = episodes.map((e) => parameterApplier(e.exp.loaded.scenario, paths));
  return (theta: readonly number[], seed: number, which: readonly number[]): EpisodeScore[] =>
    which.map((i) => {
      const e = episodes[i]!;
      const scenario = appliers[i]!(theta);
      const exp = { ...e.exp, seed, loaded: { ...e.exp.loaded, scenario } };
      return scoreEpisode(e.id, e.title, e.expect, runEpisode(exp, makePlan(exp), e.expect));
    });
}

/** An episode scored with its runs drawing their parameters from a posterior, as `hindcast --posterior` does. */
export function scoreUnderPosterior(e: CalibrationEpisode, t: PosteriorTable): EpisodeScore {
  const exp = withPosterior(e.exp, t);
  return scoreEpisode(e.id, e.title, e.expect, runEpisode(exp, makePlan(exp), e.expect));
}
