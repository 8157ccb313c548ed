// Clustered means and shares against a direct computation over the
// clusters, and the design-aware summary on rows built by hand.
import { describe, expect, it } from 'vitest';
import { DesignStats, designInfo } from '../../src/batch/design-stats.js';
import { Clustered, wilsonOf } from '../../src/batch/stats/cluster.js';
import { wilson } from '../../src/batch/stats/wilson.js';

/** The cluster-robust variance of a ratio mean, written out over the clusters. */
function directVariance(clusters: number[][]): number {
  const n = clusters.reduce((a, c) => a + c.length, 0);
  const m = clusters.flat().reduce((a, b) => a + b, 0) / n;
  const C = clusters.length;
  const ss = clusters.reduce((a, c) => a + (c.reduce((x, y) => x + y, 0) - m * c.length) ** 2, 0);
  return ((C / (C - 1)) * ss) / (n * n);
}

const fill = (clusters: number[][]) => {
  const acc = new Clustered(1);
  for (const c of clusters) {
    for (const y of c) acc.add([y]);
    acc.close();
  }
  return acc;
};

describe('Clustered', () => {
  const clusters = [[1, 1, 1], [0, 0], [1, 0, 1, 1], [0], [1, 1], [0, 0, 0]];

  it('gives the cluster-robust variance of the mean', () => {
    const acc = fill(clusters);
    expect(acc.rows).toBe(15);
    expect(acc.count).toBe(6);
    expect(acc.variance(0)).toBeCloseTo(directVariance(clusters), 14);
    const m = acc.mean(0);
    expect(m.mean).toBeCloseTo(8 / 15, 14);
    expect(m.hi - m.mean).toBeCloseTo(1.959963985 * Math.sqrt(directVariance(clusters)), 12);
  });

  it('widens a share by the design effect, and is Wilson exactly when rows are independent', () => {
    const acc = fill(clusters);
    const p = 8 / 15;
    const deff = directVariance(clusters) / ((p * (1 - p)) / 15);
    expect(deff).toBeGreaterThan(1);
    expect(acc.share(0)).toEqual(wilsonOf(p, 15 / deff));
    expect(acc.share(0).hi - acc.share(0).lo).toBeGreaterThan(wilson(8, 15).hi - wilson(8, 15).lo);
    const singles = fill([[1], [0], [1], [1], [0]]);
    expect(singles.independent).toBe(true);
    expect(singles.share(0)).toEqual(wilson(3, 5));
    // No variation at all: each cluster counts as one observation.
    expect(
      fill([
        [0, 0],
        [0, 0],
        [0, 0, 0],
      ]).share(0),
    ).toEqual(wilsonOf(0, 3));
  });

  it('knows nothing of the variance from one cluster', () => {
    const one = fill([[1, 0, 1]]);
    expect(one.mean(0).lo).toBeNaN();
    expect(one.share(0)).toMatchObject({ lo: 0, hi: 1 });
  });
});

describe('DesignStats', () => {
  const columns = [
    'run_id',
    'point',
    'replication',
    'seed',
    'package',
    'policy_eu',
    'policy_cn',
    'outcome',
    'pain_eu',
    'pain_cn',
    'error',
  ].map((name) => ({ name, type: 'string' as const }));
  const OUT = ['landing_zone', 'stalemate'];

  it('pairs each package with the first under the same policies, on the same futures', () => {
    const d = new DesignStats(columns, OUT, ['eu', 'cn'], { type: 'mc', group: 1 });
    // Package B lands exactly where A does not, and costs EU 1 less, at every point.
    for (let p = 0; p < 10; p++) {
      const aLands = p % 3 === 0;
      for (const [pkg, lands, pain] of [
        ['A', aLands, 5 + p],
        ['B', !aLands, 4 + p],
      ] as const)
        d.add([
          `p${p}`,
          p,
          0,
          's',
          pkg,
          'graduated',
          'hold',
          lands ? 'landing_zone' : 'stalemate',
          pain,
          1,
          null,
        ]);
    }
    const r = d.result();
    expect(r.blocks.map((b) => [b.package, b.shares[0]!.n])).toEqual([
      ['A', 4],
      ['B', 6],
    ]);
    const pair = r.paired![0]!;
    expect([pair.lever.package, pair.reference.package, pair.pairs]).toEqual(['B', 'A', 10]);
    expect(pair.landing.mean).toBeCloseTo(0.2, 14);
    expect(pair.painTarget).toEqual({ mean: -1, lo: -1, hi: -1 });
    // Differences ±1 in 10 clusters of one: the interval is the clustered one of their mean.
    const direct = directVariance([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((p) => [p % 3 === 0 ? -1 : 1]));
    expect(pair.landing.hi - pair.landing.mean).toBeCloseTo(1.959963985 * Math.sqrt(direct), 12);
  });

  it('clusters the rows of a Morris trajectory and warns that they do not represent the inputs', () => {
    const info = designInfo({ type: 'morris', r: 2, p: 4 }, 3);
    expect(info.group).toBe(4);
    const d = new DesignStats(columns, OUT, ['eu', 'cn'], info);
    for (let p = 0; p < 8; p++)
      d.add([
        `p${p}`,
        p,
        0,
        's',
        null,
        'graduated',
        'hold',
        p < 4 ? 'landing_zone' : 'stalemate',
        1,
        1,
        null,
      ]);
    const r = d.result();
    expect([r.clusters, r.independent]).toEqual([2, false]);
    expect(r.warning).toMatch(/^a Morris design puts its points on a few grid levels/);
    // Two trajectories, one all landing, one not: V = 2/1 · (2² + 2²)/8² = 1/4 against 1/32 for 8
    // independent rows, so deff = 8 and the share rests on one effective observation.
    expect(r.blocks[0]!.shares[0]!.share).toEqual(wilsonOf(0.5, 1));
  });
});

describe('summarize of a Sobol batch', () => {
  it('clusters by Saltelli base row, as the end of the batch did', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { cli } = await import('../helpers/cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'aci-cluster-'));
    try {
      const f = join(dir, 'sobol.csv');
      const b = await cli([
        'batch',
        'tests/fixtures/experiments/sobol.yaml',
        '--quiet',
        '--workers',
        '1',
        '--out',
        f,
      ]);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stdout).toMatch(
        /^Runs: \d+ \(none failed\) in \d+ futures shared by several rows \(intervals clustered by future: a Saltelli base row/,
      );
      const s = await cli(['summarize', f]);
      expect(s.stdout).toBe(b.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
