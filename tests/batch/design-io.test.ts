// Designs in and out: `batch --design-only` writes the plan's runs, `batch
// --points FILE` runs given points (a round trip gives the batch's own
// bytes), and `correlation:` re-pairs an mc or lhs design by Iman–Conover.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { designPoints } from '../../src/batch/design-points.js';
import { loadExperiment } from '../../src/io/load-experiment.js';
import { readManifest } from '../../src/io/writers/manifest.js';
import { cli, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-design-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PACKAGES = 'tests/fixtures/experiments/packages.yaml';
const CORRELATED = 'tests/fixtures/experiments/correlated.yaml';
const out = (name: string) => join(dir, name);
const batch = (...args: string[]) => cli(['batch', PACKAGES, '--quiet', '--workers', '1', ...args]);

describe('batch --design-only and --points', () => {
  it('writes one row per run: run columns, hex seed, package, every sampled value by its path', async () => {
    const r = await batch('--design-only', '--out', out('d.csv'));
    expect(r.code).toBe(0);
    const lines = readFileSync(out('d.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'run_id,point,replication,seed,package,policy_eu,policy_cn,dependencies.mini_magnets.substitution_years,parameters.g7_alignment',
    );
    expect(lines).toHaveLength(1 + 96);
    expect(lines[1]).toMatch(/^p0-l0-r0,0,0,[0-9a-f]{16},baseline,graduated,hold,[\d.]+,[\d.]+$/);
    const again = await batch('--design-only', '--out', out('d.csv'));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; add --force to overwrite it');
  });

  it('round trip: the design run with --points gives the bytes of the batch itself (CSV and Parquet designs)', async () => {
    await batch('--design-only', '--out', out('rt.csv'));
    await batch('--design-only', '--out', out('rt.parquet'));
    const runs = await Promise.all([
      batch('--out', out('direct.csv')),
      batch('--points', out('rt.csv'), '--out', out('from-csv.csv')),
      batch('--points', out('rt.parquet'), '--out', out('from-parquet.csv')),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const direct = readFileSync(out('direct.csv'));
    expect(readFileSync(out('from-csv.csv')).equals(direct)).toBe(true);
    expect(readFileSync(out('from-parquet.csv')).equals(direct)).toBe(true);
    const m = readManifest(`${out('from-csv.csv')}.manifest.json`);
    if (!m.ok) throw new Error(m.error);
    const hash = createHash('sha256')
      .update(readFileSync(out('rt.csv')))
      .digest('hex');
    expect(m.value.plan.design).toMatchObject({ type: 'points', n: 8, hash });
    expect(m.value.invocation?.options.points).toBe(out('rt.csv'));
    // The row replays from the manifest, points file included.
    const replay = await cli(['run', '--from', out('from-csv.csv'), '--row', 'p5-l3-r1']);
    expect(replay.code).toBe(0);
    expect(replay.stderr).toContain('the 10 metrics equal the row');
  });

  it('runs a points file in shards that merge into the whole, and resumes a complete output', async () => {
    await batch('--design-only', '--out', out('sh.csv'));
    const shards = await Promise.all(
      [1, 2, 3].map((i) =>
        batch('--points', out('sh.csv'), '--shard', `${i}/3`, '--out', out(`sh-${i}.csv`)),
      ),
    );
    expect(shards.map((r) => r.code)).toEqual([0, 0, 0]);
    const merged = await cli([
      'merge',
      ...[1, 2, 3].map((i) => out(`sh-${i}.csv`)),
      '--out',
      out('sh-all.csv'),
    ]);
    expect(merged.code).toBe(0);
    const whole = await batch('--points', out('sh.csv'), '--out', out('sh-whole.csv'));
    expect(whole.code).toBe(0);
    expect(readFileSync(out('sh-all.csv')).equals(readFileSync(out('sh-whole.csv')))).toBe(true);
    const resumed = await batch('--points', out('sh.csv'), '--out', out('sh-whole.csv'), '--resume');
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('is already complete; nothing to do');
    // A Slurm array runs the points too.
    const slurm = await batch('--points', out('sh.csv'), '--print-slurm', '3');
    expect(slurm.stdout).toContain(`--seed 7 --points ${out('sh.csv')} \\\n`);
  });

  it('resumes a points batch stopped after some rows, to the bytes of an uninterrupted one', async () => {
    await batch('--design-only', '--out', out('re.csv'));
    const f = out('re-runs.csv');
    expect((await batch('--points', out('re.csv'), '--out', f)).code).toBe(0);
    const whole = readFileSync(f, 'utf8');
    // As if stopped after 30 rows (the manifest so far beside the partial file).
    const m = JSON.parse(readFileSync(`${f}.manifest.json`, 'utf8')) as Record<string, unknown>;
    writeFileSync(`${f}.tmp.manifest.json`, JSON.stringify({ ...m, finished: null }));
    writeFileSync(`${f}.tmp`, `${whole.split('\n').slice(0, 31).join('\n')}\n`);
    rmSync(f);
    rmSync(`${f}.manifest.json`);
    const r = await batch('--points', out('re.csv'), '--out', f, '--resume');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe(whole);
    // Another points file is another plan: its resume is refused.
    const design = readFileSync(out('re.csv'), 'utf8');
    const g7 = design.split('\n')[1]!.split(',').at(-1)!;
    writeFileSync(out('re2.csv'), design.replaceAll(g7, '0.5'));
    writeFileSync(`${f}.tmp.manifest.json`, JSON.stringify({ ...m, finished: null }));
    writeFileSync(`${f}.tmp`, `${whole.split('\n').slice(0, 31).join('\n')}\n`);
    rmSync(f);
    rmSync(`${f}.manifest.json`);
    const other = await batch('--points', out('re2.csv'), '--out', f, '--resume');
    expect([other.code, other.stderr]).toEqual([
      2,
      `${f}.tmp: was written by a different plan (plan ${String((m.plan as { hash: string }).hash).slice(0, 12)}); use --force to start over\n`,
    ]);
    // Rows of one point that disagree are an error at the first row that differs, once per point.
    writeFileSync(out('re3.csv'), design.replace(`,${g7}\n`, ',0.5\n'));
    const split = await batch('--points', out('re3.csv'), '--out', out('never.csv'));
    expect([split.code, split.stderr]).toEqual([
      2,
      `${out('re3.csv')}:3:73: parameters.g7_alignment: rows of point 0 must agree: ${g7} here, 0.5 on line 2\n`,
    ]);
  });

  it('reports each bad column and value at its line and column, exit 2', async () => {
    writeFileSync(
      out('bad.csv'),
      'dependencies.mini_magnets.substitution_years,parameters.g7_alignmnt,parameters.nothing\n7,0.3,1\n',
    );
    const cols = await batch('--points', out('bad.csv'));
    expect(cols.code).toBe(2);
    const f = out('bad.csv');
    expect(cols.stderr.trimEnd().split('\n')).toEqual([
      `${f}:1:1: no column for 1 uncertain parameter of the experiment: parameters.g7_alignment (every one needs a value; leave the scenario's own out with use_scenario_uncertain: false)`,
      `${f}:1:46: parameters.g7_alignmnt: "parameters.g7_alignmnt" is not an uncertain parameter of this experiment — did you mean "parameters.g7_alignment"?`,
      `${f}:1:69: parameters.nothing: "parameters.nothing" is not an uncertain parameter of this experiment`,
    ]);
    writeFileSync(
      out('values.csv'),
      'parameters.g7_alignment,dependencies.mini_magnets.substitution_years\n1.3,7\n0.2,x\n0.2,-1\n',
    );
    const values = await batch('--points', out('values.csv'));
    expect(values.code).toBe(2);
    const v = out('values.csv');
    expect(values.stderr.trimEnd().split('\n')).toEqual([
      `${v}:2:1: parameters.g7_alignment: 1.3 is outside the allowed range (a number from 0 to 1)`,
      `${v}:3:5: dependencies.mini_magnets.substitution_years: expected a number, got "x"`,
      `${v}:4:5: dependencies.mini_magnets.substitution_years: -1 is outside the allowed range (a number > 0)`,
    ]);
    writeFileSync(out('empty.csv'), '');
    const empty = await batch('--points', out('empty.csv'));
    expect(empty.stderr).toBe(`${out('empty.csv')}:1:1: empty file: expected a header of parameter paths\n`);
    const both = await batch('--points', out('values.csv'), '--runs', '4');
    expect(both.stderr).toContain('--runs: the points file gives the design: leave out --runs');
  });
});

/** Spearman's rank correlation of two columns (no ties in a continuous design). */
function spearman(a: readonly number[], b: readonly number[]): number {
  const rank = (v: readonly number[]) => {
    const r = new Array<number>(v.length);
    [...v.keys()]
      .sort((i, j) => v[i]! - v[j]!)
      .forEach((i, k) => {
        r[i] = k;
      });
    return r;
  };
  const [x, y] = [rank(a), rank(b)];
  const n = a.length;
  const mean = (n - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mean) * (y[i]! - mean);
    sxx += (x[i]! - mean) ** 2;
  }
  return sxy / sxx;
}

describe('correlation: (Iman–Conover)', () => {
  const column = (d: ReturnType<typeof designPoints>, j: number) =>
    Array.from({ length: d.points }, (_, i) => d.unit(i)[j]!);

  it.each(['lhs', 'mc'] as const)(
    '%s: rank correlations near the target, marginals unchanged',
    async (type) => {
      const r = await loadExperiment(CORRELATED, { cwd: ROOT });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const exp = { ...r.value, design: { ...r.value.design, type } };
      const paths = exp.uncertain.map((u) => u.path);
      const [years, g7, tol] = [
        'dependencies.mini_magnets.substitution_years',
        'parameters.g7_alignment',
        'blocs.EU.pain_tolerance',
      ].map((p) => paths.indexOf(p));
      const with_ = designPoints(exp);
      const without = designPoints({ ...exp, correlation: null });
      expect(with_.points).toBe(4000);
      expect(spearman(column(with_, g7!), column(with_, years!))).toBeCloseTo(0.7, 1);
      expect(Math.abs(spearman(column(with_, g7!), column(with_, years!)) - 0.7)).toBeLessThan(0.02);
      expect(Math.abs(spearman(column(with_, g7!), column(with_, tol!)) + 0.3)).toBeLessThan(0.02);
      expect(Math.abs(spearman(column(with_, years!), column(with_, tol!)))).toBeLessThan(0.03);
      // Without the matrix the same columns are independent; with it only their pairing changed.
      expect(Math.abs(spearman(column(without, g7!), column(without, years!)))).toBeLessThan(0.05);
      for (const j of [years!, g7!, tol!])
        expect(column(with_, j).sort((a, b) => a - b)).toEqual(column(without, j).sort((a, b) => a - b));
      expect(with_.describe).toMatchObject({
        type,
        correlation: { parameters: [paths[g7!], paths[years!], paths[tol!]] },
      });
    },
  );

  it('refuses a matrix that is not a correlation matrix, each problem at its place', async () => {
    const text = readFileSync(join(ROOT, CORRELATED), 'utf8')
      .replace(
        'scenario: ../scenarios/mini.yaml',
        `scenario: ${join(ROOT, 'tests/fixtures/scenarios/mini.yaml')}`,
      )
      .replace('[parameters.g7_alignment,', '[parameters.g7_alignmnt,')
      .replace('- [1, 0.7, -0.3]', '- [1, 0.6, -0.3]')
      .replace('- [-0.3, 0, 1]', '- [-0.3, 0, 2]');
    writeFileSync(out('bad-corr.yaml'), text);
    const r = await cli(['batch', out('bad-corr.yaml'), '--design-only', '--out', out('never.csv')]);
    expect(r.code).toBe(2);
    const f = out('bad-corr.yaml');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${f}:12:16: correlation.parameters[0]: "parameters.g7_alignmnt" is not an uncertain parameter of this experiment — did you mean "parameters.g7_alignment"?`,
      `${f}:14:11: correlation.matrix[0][1]: the matrix must be symmetric: row 1 column 2 is 0.6, row 2 column 1 is 0.7`,
      `${f}:16:17: correlation.matrix[2][2]: the diagonal must be 1 (a parameter's correlation with itself), got 2`,
    ]);
    writeFileSync(
      out('not-pd.yaml'),
      readFileSync(join(ROOT, CORRELATED), 'utf8')
        .replace(
          'scenario: ../scenarios/mini.yaml',
          `scenario: ${join(ROOT, 'tests/fixtures/scenarios/mini.yaml')}`,
        )
        .replace('- [0.7, 1, 0]', '- [0.7, 1, 0.9]')
        .replace('- [-0.3, 0, 1]', '- [-0.3, 0.9, 1]')
        .replace('type: lhs', 'type: sobol'),
    );
    const pd = await cli(['batch', out('not-pd.yaml'), '--design-only', '--out', out('never.csv')]);
    expect(pd.code).toBe(2);
    expect(pd.stderr).toContain(
      'correlation: correlated inputs need an mc or lhs design (Iman–Conover rearranges its points), not sobol',
    );
    expect(pd.stderr).toContain(
      'correlation.matrix: the matrix is not positive definite: no set of inputs can have these correlations together',
    );
  });
});
