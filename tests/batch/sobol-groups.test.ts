// Grouped Sobol' indices: one A_B matrix per group, checked against closed
// forms (Ishigami with groups {x1, x3}, {x2}; an additive model whose grouped
// index is the sum of its members'), on a Monte Carlo base past 64 factors,
// and on the first n base rows (convergence).
import { describe, expect, it } from 'vitest';
import { saltelli, saltelliRole } from '../../src/batch/designs/saltelli.js';
import { sobolIndices } from '../../src/batch/stats/sobol-indices.js';
import { factorGroups, kindOf } from '../../src/io/factor-groups.js';

const stream = (seed: number) => {
  let a = seed >>> 0;
  return {
    next(): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
};

// Ishigami (a = 7, b = 0.1): x2 enters additively, so the closed indices of
// {x1, x3} are 1 − V2/V and those of {x2} are V2/V, first order and total alike.
const a = 7;
const b = 0.1;
const pi4 = Math.PI ** 4;
const V = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi4 * pi4) / 18 + 0.5;
const S_X2 = (a * a) / 8 / V; // ≈ 0.4424
function ishigami(u: readonly number[]): number {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v) as [number, number, number];
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

describe('grouped Saltelli design', () => {
  it('takes every column of a group from B in that group’s row', () => {
    const d = saltelli(3, 4, stream(1), { groups: [[0, 2], [1]] });
    expect(d.rows).toHaveLength(4 * 4);
    expect(d.meta).toEqual({ N: 4, k: 3, layout: 'saltelli-2010', groups: [[0, 2], [1]] });
    const [A, AB0, AB1, B] = d.rows.slice(4, 8) as number[][];
    expect(AB0).toEqual([B![0], A![1], B![2]]);
    expect(AB1).toEqual([A![0], B![1], A![2]]);
    expect(saltelliRole(d.meta, 6)).toEqual({ base: 1, role: 'AB', factor: 1 });
    expect(saltelliRole(d.meta, 7)).toEqual({ base: 1, role: 'B' });
  });

  it('refuses groups that do not split the factors', () => {
    expect(() => saltelli(3, 4, stream(1), { groups: [[0], [1]] })).toThrow('factor 2 is in no group');
    expect(() =>
      saltelli(3, 4, stream(1), {
        groups: [
          [0, 1],
          [1, 2],
        ],
      }),
    ).toThrow('factor 1 is in two groups');
  });

  it('gives the closed indices of Ishigami with groups {x1, x3}, {x2}', () => {
    const d = saltelli(3, 2 ** 13, stream(2010), { groups: [[0, 2], [1]] });
    const r = sobolIndices(d.meta, Float64Array.from(d.rows, ishigami), { bootstrap: 0, rng: stream(9) });
    expect(S_X2).toBeCloseTo(0.4424, 4);
    expect(r.S1[0]).toBeCloseTo(1 - S_X2, 1);
    expect(r.ST[0]).toBeCloseTo(1 - S_X2, 1);
    expect(r.S1[1]).toBeCloseTo(S_X2, 1);
    expect(r.ST[1]).toBeCloseTo(S_X2, 1);
    expect(Math.abs(r.S1[1]! - S_X2)).toBeLessThan(0.02);
    // Golden: the same design and outputs give these bytes.
    expect(r.S1.map((x) => x.toFixed(6))).toEqual(['0.556670', '0.442417']);
  });

  it('past 64 factors draws a Monte Carlo base; an additive model’s grouped S is the sum of its members’', () => {
    // y = Σ c_i u_i over 100 factors in 4 groups: S of a group = Σ_{i in group} c_i² / Σ c_i².
    const k = 100;
    const c = Array.from({ length: k }, (_, i) => 1 + (i % 7));
    const groups = [0, 1, 2, 3].map((g) => Array.from({ length: 25 }, (_, j) => g * 25 + j));
    const d = saltelli(k, 4096, stream(5), { groups });
    expect(d.meta.base).toBe('mc');
    expect(d.warnings).toEqual([]);
    const y = Float64Array.from(d.rows, (u) => u.reduce((s, x, i) => s + c[i]! * x, 0));
    const r = sobolIndices(d.meta, y, { bootstrap: 0, rng: stream(9) });
    const total = c.reduce((s, x) => s + x * x, 0);
    groups.forEach((g, i) => {
      const want = g.reduce((s, j) => s + c[j]! ** 2, 0) / total;
      expect(Math.abs(r.S1[i]! - want)).toBeLessThan(0.04);
      expect(Math.abs(r.ST[i]! - want)).toBeLessThan(0.02);
    });
  });

  it('on the first n base rows gives what a design of N = n gives', () => {
    const d = saltelli(3, 64, stream(3), { groups: [[0, 2], [1]] });
    const y = Float64Array.from(d.rows, ishigami);
    const head = sobolIndices(d.meta, y, { bootstrap: 0, rng: stream(1), baseRows: 16 });
    const cut = sobolIndices({ ...d.meta, N: 16 }, y.subarray(0, 16 * 4), { bootstrap: 0, rng: stream(1) });
    expect(head.S1).toEqual(cut.S1);
    expect(head.ST).toEqual(cut.ST);
    expect(head.baseRows).toBe(16);
  });
});

describe('factorGroups', () => {
  const params = [
    { path: 'parameters.g7_alignment', file: 'scenarios/x.yaml' },
    { path: 'dependencies.a.share', file: 'models/a.yaml' },
    { path: 'dependencies.b.share', file: 'models/b.yaml' },
    { path: 'measures.m.levels[1].intensity', file: 'models/a.yaml' },
    { path: 'measures.m.pressure.ES', file: 'models/a.yaml' },
  ];
  it('groups by file, by kind, or by named patterns with the rest in other', () => {
    const names = (r: ReturnType<typeof factorGroups>) => r.groups.map((g) => [g.name, g.members]);
    expect(names(factorGroups('file', params))).toEqual([
      ['x.yaml', [0]],
      ['a.yaml', [1, 3, 4]],
      ['b.yaml', [2]],
    ]);
    // Named by file name, with parent folders where two files share one, wherever the command runs.
    const shared = [
      { path: 'a', file: '/home/me/models/measures/eu/trade.yaml' },
      { path: 'b', file: '/home/me/models/measures/cn/trade.yaml' },
      { path: 'c', file: '/home/me/models/blocs.yaml' },
    ];
    expect(names(factorGroups('file', shared))).toEqual([
      ['eu/trade.yaml', [0]],
      ['cn/trade.yaml', [1]],
      ['blocs.yaml', [2]],
    ]);
    expect(kindOf('blocs.EU.pain_tolerance')).toBe('pain_tolerance');
    expect(names(factorGroups('kind', params))).toEqual([
      ['g7_alignment', [0]],
      ['share', [1, 2]],
      ['intensity', [3]],
      ['pressure', [4]],
    ]);
    expect(
      names(factorGroups({ supply: ['dependencies.*'], levels: ['measures.m.levels*'] }, params)),
    ).toEqual([
      ['other', [0, 4]],
      ['supply', [1, 2]],
      ['levels', [3]],
    ]);
  });
  it('says which pattern matches nothing', () => {
    expect(factorGroups({ x: ['dependencies.a.shar'] }, params).problems).toEqual([
      {
        at: ['x', 0],
        message: '"dependencies.a.shar" matches no uncertain number — did you mean "dependencies.a.share"?',
      },
    ]);
  });
});
