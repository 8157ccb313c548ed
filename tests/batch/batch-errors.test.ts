// Bad input to batch and merge: one clear message each, exit code 2, no
// stack trace, and nothing written or overwritten. Experiment files are
// checked by the loader; the flags through the CLI (in-process), several at once.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { loadExperiment } from '../../src/io/load-experiment.js';
import { cli, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-batch-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const F = 'tests/fixtures/experiments';
const problems = async (file: string) => {
  const r = await loadExperiment(`${F}/${file}`, { cwd: ROOT });
  return r.ok ? 'loaded' : formatDiagnostics(r.error);
};

describe('bad experiment files', () => {
  it('an unknown field, with did-you-mean', async () =>
    expect(await problems('unknown-field.yaml')).toBe(
      `${F}/unknown-field.yaml:4:1: desing: unknown field "desing" — did you mean "design"?`,
    ));

  it('an unknown parameter path, with did-you-mean', async () =>
    expect(await problems('unknown-path.yaml')).toBe(
      `${F}/unknown-path.yaml:5:3: uncertain.dependencies.mini_magnet.buffer_months: unknown dependency "mini_magnet" — did you mean "mini_magnets"?`,
    ));

  it('an impossible distribution (min > max)', async () =>
    expect(await problems('min-max.yaml')).toBe(
      `${F}/min-max.yaml:5:74: uncertain.dependencies.mini_magnets.buffer_months.max: max (2) must be greater than min (5)`,
    ));

  it('unknown policies, package paths and metrics, every one', async () =>
    expect(await problems('bad-levers.yaml')).toBe(
      [
        `${F}/bad-levers.yaml:6:10: levers.policies.EU[0]: unknown policy "graduatd" — did you mean "graduated"? (policies: hold, graduated)`,
        `${F}/bad-levers.yaml:9:14: levers.packages.quick.set.procedure.examinaton: unknown field "examinaton" in procedure — did you mean "examination"?`,
        `${F}/bad-levers.yaml:11:20: metrics[1]: unknown metric "pain_euu" — did you mean "pain_eu"? (metrics: outcome, round, q, pain_eu, pain_cn, pain_eu_pct, pain_cn_pct, peak_rung, min_qm_margin, substitution_eu, substitution_cn, deals_broken, rounds_played, state:<code>, state:*)`,
        `${F}/bad-levers.yaml:11:30: metrics[2]: unknown member state "XX" (states: DE, FR, ES, NL)`,
      ].join('\n'),
    ));
});

describe('the CLI refuses bad input with exit code 2 and touches nothing', () => {
  it('bad files, bad shards, bad formats, an existing output, a missing shard', async () => {
    const never = join(dir, 'never.csv');
    const kept = join(dir, 'kept.csv');
    writeFileSync(kept, 'precious\n');
    const shards = join(dir, 'shards');
    const made = await Promise.all(
      [1, 3].map((i) =>
        cli([
          'batch',
          `${F}/series.yaml`,
          '--shard',
          `${i}/3`,
          '--quiet',
          '--workers',
          '1',
          '--out',
          join(shards, `s${i}.csv`),
        ]),
      ),
    );
    expect(made.map((r) => r.code)).toEqual([0, 0]);
    const cases: [string[], string][] = [
      [
        ['batch', `${F}/min-max.yaml`, '--out', never],
        `${F}/min-max.yaml:5:74: uncertain.dependencies.mini_magnets.buffer_months.max: max (2) must be greater than min (5)\n`,
      ],
      [
        ['batch', `${F}/series.yaml`, '--shard', '3/2', '--out', never],
        '--shard: there is no shard 3 of 2: i must be between 1 and 2\n',
      ],
      [
        ['batch', `${F}/series.yaml`, '--shard', '0/2', '--out', never],
        '--shard: shards count from 1: use 1/2 … 2/2, got 0/2\n',
      ],
      [
        ['batch', `${F}/series.yaml`, '--out', join(dir, 'x.xlsx')],
        `--out: expected a file ending in .csv, .jsonl or .parquet, got "${join(dir, 'x.xlsx')}"\n`,
      ],
      [
        ['batch', `${F}/series.yaml`, '--out', kept],
        `${kept}: already exists; add --force to overwrite it\n`,
      ],
      [
        ['merge', shards, '--out', never],
        'merge: 10 of 30 planned runs are missing: p01-l0-r0, p04-l0-r0, p07-l0-r0, p10-l0-r0, p13-l0-r0, …\n  hint: no input is shard 2/3\n',
      ],
    ];
    const got = await Promise.all(cases.map(([args]) => cli(args)));
    for (const [i, r] of got.entries()) expect([r.code, r.stderr, r.stdout]).toEqual([2, cases[i]![1], '']);
    expect(readFileSync(kept, 'utf8')).toBe('precious\n');
    for (const f of [never, `${never}.tmp`, `${kept}.tmp`, `${kept}.manifest.json`])
      expect(existsSync(f)).toBe(false);
  });
});
