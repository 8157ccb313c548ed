// `aci-sim sensitivity` at scale, in-process: a grouped Sobol' design, several
// metrics from one run of the design, `--from` an output already written (the
// same indices as the direct analysis), convergence against N (table and
// HTML), the same bytes on 1 or 2 workers, and the refusals.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/io/writers/manifest.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-sens-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = (name: string) => join(dir, name);
const GROUPS = 'tests/fixtures/experiments/sobol-groups.yaml';
const run = (workers: string, name: string, extra: string[] = []) =>
  cli([
    ...['sensitivity', GROUPS, '--method', 'sobol', '--metric', 'landing,pain_eu,rounds_played'],
    ...['--workers', workers, '--quiet', '--out', out(`${name}.csv`), ...extra],
  ]);

let direct: Awaited<ReturnType<typeof cli>>;
beforeAll(async () => {
  direct = await run('2', 'w2', ['--save-runs', out('runs.csv'), '--html', out('conv.html')]);
}, 60_000);

describe('grouped sensitivity, several metrics from one design', () => {
  it('runs the N·(g + 2) rows once and analyses every metric from them', async () => {
    // The fixture's runs all end in a stalemate.
    expect(direct.stderr).toBe(
      'warning: landing: the output does not vary over the design: indices are undefined\n',
    );
    expect(direct.code).toBe(0);
    // 8 base rows × (2 groups + the ungrouped g7_alignment as `other` + 2) = 40 runs, one row each.
    expect(readFileSync(out('runs.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(1 + 40);
    const heads = direct.stdout.split('\n').filter((l) => l.startsWith("Sobol' indices of"));
    expect(heads).toEqual(
      ['landing', 'pain_eu', 'rounds_played'].map(
        (m) =>
          `Sobol' indices of ${m} — fixture-sobol-groups: 3 groups of 5 numbers, N = 8 base rows, 40 runs, 95% bootstrap intervals`,
      ),
    );
    const m = readManifest(`${out('runs.csv')}.manifest.json`);
    expect(m.ok && m.value.plan.design.groups).toEqual([
      { name: 'eu', parameters: ['blocs.EU.stakes', 'blocs.EU.pain_tolerance'] },
      {
        name: 'magnets',
        parameters: [
          'dependencies.mini_magnets.substitution_years',
          'dependencies.mini_magnets.buffer_months',
        ],
      },
      { name: 'other', parameters: ['parameters.g7_alignment'] },
    ]);
    const csv = readFileSync(out('w2.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('metric,package,policy_eu,policy_cn,group,members,S1,S1_conf,ST,ST_conf,rank');
    // Golden: the grouped indices of pain_eu (its whole variance is the magnets').
    const golden = (l: string) => {
      const c = l.split(',');
      return [...c.slice(4, 6), ...c.slice(6, 10).map((x) => Number(x).toFixed(4))].join(' ');
    };
    expect(csv.filter((l) => l.startsWith('pain_eu,')).map(golden)).toEqual([
      'magnets 2 1.0435 0.8934 1.0479 0.8044',
      'eu 2 0.0010 0.0018 0.0000 0.0000',
      'other 1 0.0000 0.0000 0.0000 0.0000',
    ]);
  });

  it('prints the convergence of the indices and the outcome shares, and draws them in HTML', () => {
    const lines = direct.stdout.split('\n');
    const at = lines.indexOf(
      'Convergence: indices on the first 2, 4, 8 base rows (ST), outcome shares over their A and B rows',
    );
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at).find((l) => l.startsWith('ST of pain_eu'))).toBe(
      'ST of pain_eu    N=2    N=4    N=8',
    );
    expect(lines.slice(at).some((l) => l.startsWith('outcome share'))).toBe(true);
    const html = readFileSync(out('conv.html'), 'utf8');
    expect(html.match(/<svg/g)).toHaveLength(4); // three metrics' ST, the outcome shares
    expect(html).toContain('Total Sobol&#39; indices of pain_eu');
  });

  it('gives the same bytes on one worker', async () => {
    const one = await run('1', 'w1');
    expect(one.stdout).toBe(direct.stdout);
    expect(readFileSync(out('w1.csv'))).toEqual(readFileSync(out('w2.csv')));
  });

  it('--from the saved runs gives the same indices without running anything', async () => {
    const r = await cli([
      ...['sensitivity', '--from', out('runs.csv'), '--metric', 'landing,pain_eu,rounds_played'],
      ...['--out', out('from.csv'), '--quiet'],
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(out('from.csv'))).toEqual(readFileSync(out('w2.csv')));
    expect(r.stdout.replaceAll(out('runs.csv'), 'fixture-sobol-groups')).toBe(direct.stdout);
  });
});

describe('--from merged shards', () => {
  it('gives the bytes of the direct analysis (the g + 2 rows of a base row share a seed in every shard)', async () => {
    const shards = out('shards');
    for (const i of [1, 2]) {
      const b = await cli([
        ...['batch', GROUPS, '--shard', `${i}/2`, '--workers', '1', '--quiet'],
        ...['--out', join(shards, `shard-${i}.csv`)],
      ]);
      expect(b.code).toBe(0);
    }
    const m = await cli(['merge', shards, '--out', out('merged.csv')]);
    expect(m.code).toBe(0);
    const r = await cli([
      ...['sensitivity', '--from', out('merged.csv'), '--metric', 'landing,pain_eu,rounds_played'],
      ...['--out', out('merged-sobol.csv'), '--quiet'],
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(out('merged-sobol.csv'))).toEqual(readFileSync(out('w2.csv')));
  });
});

describe('--from a morris design', () => {
  it('rebuilds the trajectories from the manifest and gives the indices of the direct run', async () => {
    const args = [
      'sensitivity',
      'tests/fixtures/experiments/sobol.yaml',
      '--method',
      'morris',
      '--runs',
      '6',
    ];
    const r = await cli([
      ...args,
      '--metric',
      'pain_eu',
      '--quiet',
      '--out',
      out('m.csv'),
      '--save-runs',
      out('m.parquet'),
    ]);
    expect(r.code).toBe(0);
    const from = await cli([
      'sensitivity',
      '--from',
      out('m.parquet'),
      '--metric',
      'pain_eu',
      '--out',
      out('mf.csv'),
    ]);
    expect(from.code).toBe(0);
    expect(readFileSync(out('mf.csv'))).toEqual(readFileSync(out('m.csv')));
    const wrong = await cli(['sensitivity', '--from', out('m.parquet'), '--method', 'sobol']);
    expect(wrong.stderr).toBe(
      `--method: ${out('m.parquet')} holds a morris design; leave out --method or give morris\n`,
    );
  });
});

describe('sensitivity refusals', () => {
  it('refuses --from a file that is not a sobol or morris design', async () => {
    const mc = out('mc.csv');
    const b = await cli([
      'batch',
      'tests/fixtures/scenarios/mini.yaml',
      '--runs',
      '4',
      '--quiet',
      '--out',
      mc,
    ]);
    expect(b.code).toBe(0);
    const r = await cli(['sensitivity', '--from', mc]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${mc}: holds a mc design; sensitivity --from needs the output of a sobol or morris design (batch an experiment with design type sobol or morris)\n`,
    );
  });

  it('refuses groups or charts for morris, and --from with run options', async () => {
    const m = await cli([
      'sensitivity',
      GROUPS,
      '--method',
      'morris',
      '--groups',
      'kind',
      '--html',
      out('x.html'),
    ]);
    expect([m.code, m.stderr]).toEqual([
      2,
      '--html: the convergence charts are for a sobol analysis\n--groups: groups are for a sobol analysis (morris moves one number at a time)\n',
    ]);
    const f = await cli(['sensitivity', '--from', out('runs.csv'), '--runs', '4']);
    expect([f.code, f.stderr]).toEqual([
      2,
      '--from: --runs does not apply: --from analyses rows already run\n',
    ]);
  });

  it('names an unknown metric, with a suggestion', async () => {
    const r = await cli(['sensitivity', GROUPS, '--method', 'sobol', '--metric', 'landing,pian_eu']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--metric: unknown metric "pian_eu" — did you mean "pain_eu"\?/);
  });

  it('places a group pattern that matches nothing in the experiment file', async () => {
    const r = await cli(['sensitivity', 'tests/fixtures/experiments/bad-groups.yaml', '--method', 'sobol']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'tests/fixtures/experiments/bad-groups.yaml:11:10: design.groups.eu[0]: "blocs.EU.stake" matches no uncertain number — did you mean "blocs.EU.stakes"?\n',
    );
  });
});
