// The plan: design points × lever settings × replications, in run-id order.
// Nothing is stored per run: spec(k) computes run k (its id, seed and
// parameter values) on demand, so a plan of millions of runs costs nothing.
// Every run's seed is runSeed(master, point, replication): the levers share
// it, so packages and policies are compared on the same futures (for sobol
// and morris, `point` is the base row or trajectory: see seedGroup).

import { canonicalJson, sha256 } from '../io/hash.js';
import type { LoadedExperiment } from '../io/load-experiment.js';
import type { PosteriorTable } from '../io/posterior.js';
import { deriveKey, makeRng, runSeed } from '../rng/streams.js';
import {
  type DesignData,
  type DesignPoints,
  designData,
  designFromData,
  designPoints,
} from './design-points.js';
import { quantileFunction, saltelliFactors } from './designs/index.js';
import { formatRunId, type IdWidths, idWidths, splitPosition } from './run-id.js';

/** Bumped when the plan's layout or seeding changes meaning. */
export const PLAN_FORMAT = 1;

export interface RunSpec {
  /** Position in the whole plan (run-id order). */
  readonly k: number;
  readonly runId: string;
  readonly point: number;
  readonly lever: number;
  readonly replication: number;
  readonly seed: string;
  /** Sampled value of each uncertain parameter, in `Plan.paths` order. */
  readonly values: number[];
}

export interface Plan {
  readonly size: number;
  readonly points: number;
  readonly levers: number;
  readonly replications: number;
  readonly widths: IdWidths;
  readonly paths: readonly string[];
  readonly design: DesignPoints;
  readonly hash: string;
  readonly data: PlanData;
  spec(k: number): RunSpec;
  runId(k: number): string;
}

/** What a plan is made of, as plain data (a worker thread rebuilds the plan from it). */
export interface PlanData {
  readonly experiment: Pick<LoadedExperiment, 'design' | 'uncertain' | 'seed' | 'hash'> & {
    readonly levers: number;
    /** Calibrated draws (--posterior): each design point takes one row, drawn by weight. */
    readonly posterior?: PosteriorTable | null;
  };
  readonly design: DesignData;
}

export function makePlan(exp: LoadedExperiment): Plan {
  const { design, uncertain, seed, hash } = exp;
  const posterior = exp.posterior ?? null;
  return planOf({ design, uncertain, seed, hash, levers: exp.levers.length, posterior }, designPoints(exp));
}

/** The row of a posterior a design point takes: drawn by weight from a stream of (seed, point). */
export function posteriorRow(t: PosteriorTable, seed: number, point: number): number {
  let u = makeRng(deriveKey(seed, 'posterior', point)).next();
  for (let i = 0; i < t.weights.length; i++) {
    u -= t.weights[i]!;
    if (u < 0) return i;
  }
  return t.weights.length - 1;
}

/** The plan as data, to send to a worker thread (the design's points stay on shared memory). */
export const planData = (plan: Plan): PlanData => plan.data;

/** The plan again, from planData. */
export const planFromData = (d: PlanData): Plan =>
  planOf(d.experiment, designFromData(d.design, d.experiment.seed));

function planOf(exp: PlanData['experiment'], design: DesignPoints): Plan {
  const q = exp.uncertain.map((u) => (design.direct ? (x: number) => x : quantileFunction(u.dist)));
  const post = exp.posterior ?? null;
  const levers = exp.levers;
  const reps = exp.design.replications;
  const size = design.points * levers * reps;
  if (!Number.isSafeInteger(size) || size > 2 ** 40)
    throw new RangeError(`the plan has ${size} runs: too many`);
  const widths = idWidths(design.points, levers, reps);
  const dims = { points: design.points, levers, replications: reps };
  // Common random numbers inside a Saltelli base row or a Morris trajectory: the rows of one group
  // differ only in their factors, so noise from the seeded streams does not pass for an effect.
  const group = design.saltelli ? saltelliFactors(design.saltelli) + 2 : design.morris ? design.k + 1 : 1;
  const seedGroup = (point: number) => Math.floor(point / group);
  const split = (k: number) => splitPosition(dims, k);
  const hash = sha256(
    canonicalJson({ format: PLAN_FORMAT, experiment: exp.hash, design: design.describe, size }),
  );
  return {
    size,
    points: design.points,
    levers,
    replications: reps,
    widths,
    paths: [...exp.uncertain.map((u) => u.path), ...(post?.paths ?? [])],
    design,
    hash,
    data: { experiment: exp, design: designData(design) },
    runId: (k) => {
      const s = split(k);
      return formatRunId(widths, s.point, s.lever, s.replication);
    },
    spec: (k) => {
      const { point, lever, replication } = split(k);
      const u = design.unit(point);
      return {
        k,
        runId: formatRunId(widths, point, lever, replication),
        point,
        lever,
        replication,
        seed: runSeed(exp.seed, seedGroup(point), replication),
        values: post
          ? [...u.map((x, j) => q[j]!(x)), ...post.rows[posteriorRow(post, exp.seed, point)]!]
          : u.map((x, j) => q[j]!(x)),
      };
    },
  };
}

/** A part of the plan: 1-based index of count; takes runs k with k mod count = index − 1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE: Shard = { index: 1, count: 1 };

/** How many runs a shard takes. */
export const shardSize = (size: number, s: Shard): number =>
  s.index - 1 < size ? Math.ceil((size - (s.index - 1)) / s.count) : 0;

/** Plan position of the shard's j-th run. */
export const shardPosition = (s: Shard, j: number): number => s.index - 1 + j * s.count;
