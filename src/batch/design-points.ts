// The design's points on the unit cube. Monte Carlo points are drawn from a
// stream per point (so a point never depends on n and nothing is stored);
// the other designs are built whole by designs/ and kept as one Float64Array.
import type { LoadedExperiment } from '../io/load-experiment.js';
import { normalizePath } from '../io/paths.js';
import { deriveKey, makeRng } from '../rng/streams.js';
import {
  grid,
  latinHypercube,
  type MorrisMeta,
  monteCarlo,
  morris,
  type SaltelliMeta,
  saltelli,
} from './designs/index.js';

export interface DesignPoints {
  readonly points: number;
  readonly k: number;
  /** The unit-cube coordinates of a point. */
  unit(point: number): number[];
  readonly saltelli: SaltelliMeta | null;
  readonly morris: MorrisMeta | null;
  readonly warnings: readonly string[];
  /** What the manifest records about the design. */
  readonly describe: Readonly<Record<string, unknown>>;
}

export const GRID_LEVELS = 3;
export const MORRIS_LEVELS = 4;

function packed(rows: readonly (readonly number[])[], k: number): (point: number) => number[] {
  const flat = new Float64Array(rows.length * k);
  rows.forEach((r, i) => {
    flat.set(r, i * k);
  });
  return (point) => Array.from(flat.subarray(point * k, point * k + k));
}

/** Builds the design; throws RangeError with a readable message on an impossible one. */
export function designPoints(exp: LoadedExperiment): DesignPoints {
  const d = exp.design;
  const k = exp.uncertain.length;
  const rng = makeRng(deriveKey(exp.seed, 'design', d.type));
  const base = { saltelli: null, morris: null, warnings: [] as string[] };
  switch (d.type) {
    case 'mc': {
      const n = d.n!;
      const unit = (p: number) =>
        k === 0 ? [] : monteCarlo(k, 1, makeRng(deriveKey(exp.seed, 'design', 'mc', p)))[0]!;
      return { ...base, points: n, k, unit, describe: { type: 'mc', n } };
    }
    case 'lhs': {
      const rows = latinHypercube(k, d.n!, rng);
      return { ...base, points: rows.length, k, unit: packed(rows, k), describe: { type: 'lhs', n: d.n } };
    }
    case 'grid': {
      const per = exp.uncertain.map((u) => {
        if (typeof d.levels === 'number') return d.levels;
        const entry = Object.entries(d.levels ?? {}).find(([key]) => normalizePath(key) === u.path);
        return entry?.[1] ?? (u.dist.type === 'discrete' ? u.dist.values.length : GRID_LEVELS);
      });
      const rows = grid(per);
      return {
        ...base,
        points: rows.length,
        k,
        unit: packed(rows, k),
        describe: { type: 'grid', levels: per },
      };
    }
    case 'sobol': {
      const s = saltelli(k, d.n!, rng);
      return {
        ...base,
        points: s.rows.length,
        k,
        unit: packed(s.rows, k),
        saltelli: s.meta,
        warnings: s.warnings,
        describe: { type: 'sobol', n: d.n, layout: s.meta.layout },
      };
    }
    case 'morris': {
      const p = typeof d.levels === 'number' ? d.levels : MORRIS_LEVELS;
      const m = morris(k, d.n!, p, rng);
      return {
        ...base,
        points: m.rows.length,
        k,
        unit: packed(m.rows, k),
        morris: m.meta,
        describe: { type: 'morris', r: d.n, p, layout: m.meta.layout },
      };
    }
  }
}
