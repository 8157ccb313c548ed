// The saved state of a calibration (FILE.state.json): every population of
// every fit (the main fit and each cross-validation fold), keyed by what the
// fit depends on. Written through a temporary file and a rename after each
// population, so a stopped run loses at most the population under way.
import { existsSync, readFileSync } from 'node:fs';
import { writeJsonAtomic } from '../../io/writers/manifest.js';
import type { Population, StopReason } from './abc-smc.js';

export interface SavedFit {
  readonly populations: readonly Population[];
  readonly stop: StopReason | null;
}

export interface CalibrationState {
  readonly format: 1;
  /** Hash of the calibration (episodes, priors, settings, seed). */
  readonly hash: string;
  readonly fits: Record<string, SavedFit>;
}

const revive = (p: Population): Population => ({
  ...p,
  epsilon: p.epsilon === null ? Number.POSITIVE_INFINITY : p.epsilon,
});

/** The state in `file`, or a sentence saying why it cannot be used. */
export function readState(file: string, hash: string): CalibrationState | string {
  if (!existsSync(file)) return `no saved state ${file} to resume from`;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as CalibrationState;
    if (s.format !== 1 || typeof s.fits !== 'object') return `${file} is not a calibration state`;
    if (s.hash !== hash)
      return `${file} belongs to another calibration (its episodes, priors, settings or seed differ)`;
    const fits: Record<string, SavedFit> = {};
    for (const [k, f] of Object.entries(s.fits)) fits[k] = { ...f, populations: f.populations.map(revive) };
    return { ...s, fits };
  } catch {
    return `${file} is not valid JSON`;
  }
}

export function writeState(file: string, s: CalibrationState): void {
  // JSON has no Infinity: the prior population's tolerance is written as null.
  writeJsonAtomic(file, {
    ...s,
    fits: Object.fromEntries(
      Object.entries(s.fits).map(([k, f]) => [
        k,
        {
          ...f,
          populations: f.populations.map((p) => ({
            ...p,
            epsilon: Number.isFinite(p.epsilon) ? p.epsilon : null,
          })),
        },
      ]),
    ),
  });
}
