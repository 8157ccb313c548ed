// The design's points on the unit cube. Monte Carlo points are drawn from a
// stream per point (so a point never depends on n and nothing is stored);
// the other designs are built whole by designs/ and kept as one Float64Array
// on shared memory, which worker threads read without a copy.

import { type FactorGroup, factorGroups } from '../io/factor-groups.js';
import { MAX_DESIGN_VALUES } from '../io/limits.js';
import type { LoadedExperiment } from '../io/load-experiment.js';
import { normalizePath } from '../io/paths.js';
import { deriveKey, makeRng } from '../rng/streams.js';
import { imanConover } from './designs/iman-conover.js';
import {
  grid,
  latinHypercube,
  type MorrisMeta,
  monteCarlo,
  morris,
  type SaltelliMeta,
  saltelli,
} from './designs/index.js';

/** A design as plain data: what a worker thread rebuilds it from. */
export interface DesignData {
  readonly points: number;
  readonly k: number;
  /** The points, point-major (k numbers each), on shared memory; null for Monte Carlo. */
  readonly units: Float64Array | null;
  readonly saltelli: SaltelliMeta | null;
  readonly morris: MorrisMeta | null;
  readonly warnings: readonly string[];
  /** The points are the parameters' values themselves (--points), not unit-cube coordinates. */
  readonly direct?: boolean;
  /** What the manifest records about the design. */
  readonly describe: Readonly<Record<string, unknown>>;
}

export interface DesignPoints extends DesignData {
  /** The unit-cube coordinates of a point. */
  unit(point: number): number[];
}

/** What a design is built from. */
export type DesignSource = Pick<LoadedExperiment, 'design' | 'uncertain' | 'seed'> &
  Partial<Pick<LoadedExperiment, 'correlation' | 'points'>>;

export const GRID_LEVELS = 3;
export const MORRIS_LEVELS = 4;

function packed(rows: readonly (readonly number[])[], k: number): Float64Array {
  const flat = new Float64Array(new SharedArrayBuffer(Math.max(1, rows.length * k) * 8), 0, rows.length * k);
  rows.forEach((r, i) => {
    flat.set(r, i * k);
  });
  return flat;
}

/** The design's unit function over its data (Monte Carlo: a stream per point, seeded from `seed`). */
export function designFromData(d: DesignData, seed: number): DesignPoints {
  const { k, units } = d;
  const unit = units
    ? (point: number) => Array.from(units.subarray(point * k, point * k + k))
    : (point: number) =>
        k === 0 ? [] : monteCarlo(k, 1, makeRng(deriveKey(seed, 'design', 'mc', point)))[0]!;
  return { ...d, unit };
}

/** The design's data alone (its unit function dropped), to send to a worker. */
export const designData = ({ unit: _, ...d }: DesignPoints): DesignData => d;

/** Levels per factor of a grid: the design's, else a discrete distribution's values, else GRID_LEVELS. */
function gridLevels(exp: DesignSource): number[] {
  const d = exp.design;
  return exp.uncertain.map((u) => {
    if (typeof d.levels === 'number') return d.levels;
    const entry = Object.entries(d.levels ?? {}).find(([key]) => normalizePath(key) === u.path);
    return entry?.[1] ?? (u.dist.type === 'discrete' ? u.dist.values.length : GRID_LEVELS);
  });
}

/** The design's groups of uncertain numbers (a sobol design with `groups:`). */
function groupsOf(exp: DesignSource): FactorGroup[] {
  const r = factorGroups(exp.design.groups!, exp.uncertain);
  if (r.problems.length > 0) throw new RangeError(r.problems[0]!.message);
  return r.groups;
}

/** The rows a design built in memory would have, refused (RangeError) before it is built if too many. */
function checkDesignSize(exp: DesignSource): void {
  const d = exp.design;
  const k = exp.uncertain.length;
  const n = d.n ?? 0;
  let rows: number;
  if (exp.points) return;
  if (d.type === 'lhs' || (d.type === 'mc' && exp.correlation)) rows = n;
  else if (d.type === 'sobol') rows = n * ((d.groups ? groupsOf(exp).length : k) + 2);
  else if (d.type === 'morris') rows = n * (k + 1);
  else if (d.type === 'grid') rows = gridLevels(exp).reduce((a, b) => a * b, 1);
  else return;
  if (rows * Math.max(1, k) > MAX_DESIGN_VALUES)
    throw new RangeError(
      `a ${d.type} design of ${rows.toPrecision(3)} rows × ${k} parameters is too large to build (at most ${MAX_DESIGN_VALUES} values); use a smaller n or fewer levels, or type mc, which is not built in memory`,
    );
}

/** Builds the design; throws RangeError with a readable message on an impossible one. */
export function designPoints(exp: DesignSource): DesignPoints {
  const d = exp.design;
  const k = exp.uncertain.length;
  checkDesignSize(exp);
  const rng = makeRng(deriveKey(exp.seed, 'design', d.type));
  const base = { saltelli: null, morris: null, warnings: [] as string[] };
  const made = (data: DesignData) => designFromData(data, exp.seed);
  if (exp.points) {
    const { rows, hash } = exp.points;
    const describe = { type: 'points', n: rows.length, hash };
    return made({ ...base, points: rows.length, k, units: packed(rows, k), direct: true, describe });
  }
  switch (d.type) {
    case 'mc':
      if (exp.correlation) {
        // The points an uncorrelated mc design has (a stream each), re-paired.
        const rows = Array.from({ length: d.n! }, (_, i) =>
          k === 0 ? [] : monteCarlo(k, 1, makeRng(deriveKey(exp.seed, 'design', 'mc', i)))[0]!,
        );
        return correlated(exp, rows, { type: 'mc', n: d.n });
      }
      return made({ ...base, points: d.n!, k, units: null, describe: { type: 'mc', n: d.n } });
    case 'lhs': {
      const rows = latinHypercube(k, d.n!, rng);
      if (exp.correlation) return correlated(exp, rows, { type: 'lhs', n: d.n });
      return made({
        ...base,
        points: rows.length,
        k,
        units: packed(rows, k),
        describe: { type: 'lhs', n: d.n },
      });
    }
    case 'grid': {
      const per = gridLevels(exp);
      const rows = grid(per);
      return made({
        ...base,
        points: rows.length,
        k,
        units: packed(rows, k),
        describe: { type: 'grid', levels: per },
      });
    }
    case 'sobol': {
      const groups = d.groups ? groupsOf(exp) : null;
      const s = saltelli(k, d.n!, rng, groups ? { groups: groups.map((g) => g.members) } : {});
      const named = groups?.map((g) => ({
        name: g.name,
        parameters: g.members.map((i) => exp.uncertain[i]!.path),
      }));
      return made({
        ...base,
        points: s.rows.length,
        k,
        units: packed(s.rows, k),
        saltelli: s.meta,
        warnings: s.warnings,
        describe: {
          ...{ type: 'sobol', n: d.n, layout: s.meta.layout },
          ...(s.meta.base ? { base: s.meta.base } : {}),
          ...(named ? { groups: named } : {}),
        },
      });
    }
    case 'morris': {
      const p = typeof d.levels === 'number' ? d.levels : MORRIS_LEVELS;
      const m = morris(k, d.n!, p, rng);
      return made({
        ...base,
        points: m.rows.length,
        k,
        units: packed(m.rows, k),
        morris: m.meta,
        describe: { type: 'morris', r: d.n, p, layout: m.meta.layout },
      });
    }
  }
}

/** An mc or lhs design's points re-paired towards the experiment's rank correlation (Iman–Conover). */
function correlated(
  exp: DesignSource,
  rows: number[][],
  describe: Readonly<Record<string, unknown>>,
): DesignPoints {
  const c = exp.correlation!;
  const k = exp.uncertain.length;
  const cols = c.parameters.map((p) => exp.uncertain.findIndex((u) => u.path === p));
  const out = imanConover(rows, cols, c.matrix, makeRng(deriveKey(exp.seed, 'design', 'iman-conover')));
  return designFromData(
    {
      ...{ saltelli: null, morris: null, warnings: [], points: out.length, k, units: packed(out, k) },
      describe: { ...describe, correlation: { parameters: c.parameters, matrix: c.matrix } },
    },
    exp.seed,
  );
}
