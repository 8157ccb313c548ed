// A whole calibration: the main fit (every episode but the held-out ones),
// the posterior's pass share in sample and on the held-out episodes, and,
// with cross-validation, one more fit per episode left out, scored on it.
import type { CalibrationEpisode, LoadedCalibration } from '../../io/load-calibration.js';
import type { EpisodeScore } from '../hindcast/score.js';
import type { AbcSettings, Population } from './abc-smc.js';
import { episodeScorer, meanMisfit, scoreUnderPosterior } from './episodes.js';
import { type FitResult, runFit } from './fit.js';
import { type Prior, priorOf } from './prior.js';
import type { CalibrationState } from './state.js';
import { type ParameterSummary, summarize, tableOf } from './summary.js';

export interface PassShare {
  readonly passed: number;
  readonly of: number;
  readonly episodes: readonly { readonly id: string; readonly pass: boolean; readonly misfit: number }[];
}

export interface CalibrationReport {
  readonly priors: readonly Prior[];
  readonly fitted: readonly string[];
  readonly main: FitResult;
  readonly final: Population;
  readonly summaries: readonly ParameterSummary[];
  readonly inSample: PassShare;
  readonly holdout: PassShare | null;
  readonly crossValidated: PassShare | null;
}

export interface CalibrationOptions {
  readonly holdout: readonly string[];
  readonly crossValidate: boolean;
  /** Populations already made (from --resume), by fit key. */
  readonly state: CalibrationState;
  /** Called after every population with the whole state. */
  readonly save: (s: CalibrationState) => void;
  /** Called when a population is done: fit key, the population. */
  readonly progress?: (fit: string, p: Population) => void;
}

const abcSettings = (c: LoadedCalibration): AbcSettings => ({
  particles: c.settings.particles,
  generations: c.settings.generations,
  quantile: c.settings.quantile,
  minAcceptance: c.settings.min_acceptance,
  maxAttempts: c.settings.max_attempts,
});

function share(scores: readonly EpisodeScore[]): PassShare {
  return {
    passed: scores.filter((s) => s.pass).length,
    of: scores.length,
    episodes: scores.map((s) => ({ id: s.id, pass: s.pass, misfit: meanMisfit([s]) })),
  };
}

export function runCalibration(c: LoadedCalibration, o: CalibrationOptions): CalibrationReport {
  const priors = c.priors.map((p) => priorOf(p.path, p.dist));
  const paths = priors.map((p) => p.path);
  const score = episodeScorer(c.episodes, paths);
  const s = abcSettings(c);
  let state = o.state;
  const fitOn = (key: string, idx: readonly number[]): FitResult => {
    const dist = (theta: readonly number[], seed: number) => meanMisfit(score(theta, seed, idx));
    const saved = state.fits[key];
    let printed = 0;
    return runFit(priors, s, c.seed, dist, saved?.populations ?? [], (pops, stop) => {
      state = { ...state, fits: { ...state.fits, [key]: { populations: pops, stop } } };
      o.save(state);
      // A fit that gives up saves again without a new population: print each population once.
      if (pops.length > (saved?.populations.length ?? 0) + printed++)
        o.progress?.(key, pops[pops.length - 1]!);
    });
  };
  const held = new Set(o.holdout);
  const fitIdx = c.episodes.map((_, i) => i).filter((i) => !held.has(c.episodes[i]!.id));
  const main = fitOn('main', fitIdx);
  const final = main.populations[main.populations.length - 1]!;
  const table = tableOf(final, priors, '(posterior)');
  const under = (es: readonly CalibrationEpisode[]) => es.map((e) => scoreUnderPosterior(e, table));
  const inSample = share(under(fitIdx.map((i) => c.episodes[i]!)));
  const heldOut = c.episodes.filter((e) => held.has(e.id));
  const holdout = heldOut.length > 0 ? share(under(heldOut)) : null;
  let crossValidated: PassShare | null = null;
  if (o.crossValidate) {
    const scores = fitIdx.map((left) => {
      const fold = fitOn(
        `without:${c.episodes[left]!.id}`,
        fitIdx.filter((i) => i !== left),
      );
      const pop = fold.populations[fold.populations.length - 1]!;
      return scoreUnderPosterior(c.episodes[left]!, tableOf(pop, priors, '(posterior)'));
    });
    crossValidated = share(scores);
  }
  return {
    priors,
    fitted: fitIdx.map((i) => c.episodes[i]!.id),
    main,
    final,
    summaries: summarize(final, priors),
    inSample,
    holdout,
    crossValidated,
  };
}
