// What loading an experiment gives (LoadedExperiment) and what it takes
// (ExperimentOptions); src/io/load-experiment.ts does the loading.
import type { Correlation } from './correlation.js';
import type { LoadedScenario } from './load-scenario.js';
import type { OwnMetric } from './metric-formula.js';
import type { Loc } from './overrides.js';
import type { PathSeg } from './paths.js';
import type { PointsTable } from './points.js';
import type { PosteriorTable } from './posterior.js';
import type { UncertainParam } from './provenance.js';
import type { DesignDef } from './schemas/experiment.js';

/** One setting of the levers: a package (or none) and a policy per side, by role. */
export interface Lever {
  readonly package: string | null;
  readonly target: string;
  readonly coercer: string;
}

export interface ExperimentPackage {
  readonly name: string;
  readonly set: Readonly<Record<string, string | number>>;
  readonly loaded: LoadedScenario;
}

export interface LoadedExperiment {
  readonly id: string;
  /** The experiment file as the user named it; null for a scenario alone. */
  readonly file: string | null;
  /** Absolute path of the scenario file. */
  readonly scenarioAbs: string;
  readonly loaded: LoadedScenario;
  /** Empty when the experiment sweeps no packages. */
  readonly packages: readonly ExperimentPackage[];
  readonly uncertain: readonly UncertainParam[];
  readonly levers: readonly Lever[];
  readonly design: DesignDef & { levels?: number | Record<string, number> };
  readonly seed: number;
  /** Metric tokens, `state:*` expanded: `outcome`, `state:DE`, …, then the names of `ownMetrics`. */
  readonly metrics: readonly string[];
  /** The experiment's own metrics (`name: formula`), parsed and checked. */
  readonly ownMetrics: readonly OwnMetric[];
  readonly series: boolean;
  /** SHA-256 of the canonical definition (what the plan hash is built from). */
  readonly hash: string;
  /** Calibrated draws the runs take their parameters from (--posterior), if any. */
  readonly posterior?: PosteriorTable | null;
  /** Rank correlation imposed on the design (Iman–Conover), if any. */
  readonly correlation?: Correlation | null;
  /** Points run instead of the design (--points), if any. */
  readonly points?: PointsTable | null;
  /** Where a field of the experiment is written (for later diagnostics). */
  readonly locate: (path: readonly PathSeg[]) => Loc;
}

export interface ExperimentOptions {
  readonly cwd?: string;
  /** --runs: the design's n (points, base sample or trajectories). */
  readonly runs?: number;
  /** --seed: the master seed. */
  readonly seed?: number;
  /** --policy: players for sides the experiment does not sweep, by side id. */
  readonly players?: Readonly<Record<string, string>>;
  /** --metric (sensitivity): make sure these metrics are recorded. */
  readonly ensureMetrics?: readonly string[];
  /** sensitivity --method: use this design (keeping n and replications). */
  readonly method?: 'sobol' | 'morris';
  /** sensitivity --groups: group a sobol design's numbers by file or kind, or not at all. */
  readonly groups?: 'file' | 'kind' | 'none';
  /** Folder of the formula cache (see LoadOptions.cacheDir). */
  readonly cacheDir?: string;
  /** Extra model folders (see LoadOptions.modelDirs). */
  readonly modelDirs?: readonly string[];
  /** --points: a CSV or Parquet file of points run instead of the design. */
  readonly points?: string;
  /** --set PATH=VALUE (hindcast): applied to the scenario; a number set is no longer drawn. */
  readonly set?: Readonly<Record<string, string | number>>;
}
