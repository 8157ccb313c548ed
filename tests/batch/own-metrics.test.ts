// An experiment's own metrics: the formula language's checks (pinned
// messages), its values against the per-round series the batch writes, and
// its use in summarize --metric and sensitivity --metric.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMetric, seriesNames } from '../../src/io/metric-formula.js';
import { parseCsvRow } from '../../src/io/writers/csv.js';
import { cli } from '../helpers/cli.js';

const SERIES = seriesNames(['EU', 'CN'], ['duv']);
const problem = (text: string) => {
  const r = parseMetric(text, SERIES);
  return 'offset' in r ? `${r.offset}: ${r.message}` : 'ok';
};

describe('metric formulas', () => {
  it('accept the documented forms', () => {
    for (const f of [
      'pain.CN[6]',
      'first(aci_measures > 0)',
      'count(zone and not (rung >= 3))',
      'last(pain.EU) / (last(pain.EU) + last(pain.cn))',
      'max(round_pain.target) - min(level.duv) * 2.5e-1',
      '-mean(support)',
    ])
      expect([f, problem(f)]).toEqual([f, 'ok']);
  });

  it('name each problem, at its place', () => {
    expect(problem('pian.CN[6]')).toBe('0: unknown series "pian.CN" — did you mean "pain.CN"?');
    expect(problem('1 + pian')).toBe('4: unknown series "pian" — did you mean "pain"?');
    expect(problem('last(pain)')).toBe(
      '5: unknown series "pain" (pain.<…>: pain.EU, pain.eu, pain.CN, pain.cn, pain.target, pain.coercer)',
    );
    expect(problem('pain.EU')).toBe(
      '0: gives a series (a value per round), not a number: take one with s[r], first( ), last( ), max( ), …',
    );
    expect(problem('frist(rung > 2)')).toBe(
      '0: unknown function "frist" — did you mean "first"? (functions: first, count, last, max, min, sum, mean)',
    );
    expect(problem('max(3)')).toBe('0: max( ) takes a series (a value per round), not a number');
    expect(problem('pain.EU[2')).toBe('9: expected "]" at the end');
    expect(problem('rung $ 2')).toBe('5: unexpected "$"');
    expect(problem('  ')).toBe('2: the formula is empty');
  });
});

const dir = mkdtempSync(join(tmpdir(), 'aci-own-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OWN = 'tests/fixtures/experiments/own-metrics.yaml';
const file = join(dir, 'own.csv');

describe('own metrics in a batch', () => {
  beforeAll(async () => {
    const r = await cli(['batch', OWN, '--workers', '1', '--quiet', '--out', file]);
    if (r.code !== 0) throw new Error(r.stderr);
  });

  it('are columns, computed from the rounds the series file holds', () => {
    const lines = (f: string) => readFileSync(f, 'utf8').trimEnd().split('\n');
    const header = lines(file)[0]!.split(',');
    expect(header.slice(-8)).toEqual([
      'outcome',
      'pain_eu',
      'pain_cn_r3',
      'first_eu_measure',
      'peak_round_pain',
      'rounds_in_zone',
      'pain_share',
      'error',
    ]);
    const cols = (h: string[]) => h.map((name) => ({ name, type: 'string' as const }));
    const rows = lines(file)
      .slice(1)
      .map((l) => parseCsvRow(l, cols(header)));
    const sHead = lines(join(dir, 'own.series.csv'))[0]!.split(',');
    const series = lines(join(dir, 'own.series.csv'))
      .slice(1)
      .map((l) => parseCsvRow(l, cols(sHead)));
    const at = (h: string[], name: string) => h.indexOf(name);
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      const mine = series.filter((s) => s[0] === row[0]);
      const r3 = mine.find((s) => s[at(sHead, 'round')] === '3')!;
      expect(Number(row[at(header, 'pain_cn_r3')])).toBe(Number(r3[at(sHead, 'pain_cn')]));
      const peak = Math.max(...mine.map((s) => Number(s[at(sHead, 'round_pain_eu')])));
      expect(Number(row[at(header, 'peak_round_pain')])).toBe(peak);
      const zone = mine.filter((s) => s[at(sHead, 'zone')] === '1').length;
      expect(Number(row[at(header, 'rounds_in_zone')])).toBe(zone);
      // No EU measure is ever taken in this fixture: first( ) of a condition never met is missing.
      expect(row[at(header, 'first_eu_measure')]).toBe(null);
    }
  });

  it('summarize --metric gives their distribution; an unknown one is named', async () => {
    const r = await cli(['summarize', file, '--metric', 'pain_share,rounds_in_zone']);
    expect(r.code).toBe(0);
    const table = r.stdout.split('Metrics (')[1]!.split('\n');
    expect(table[1]).toBe('metric          runs    mean      p5     p25  median     p75     p95');
    expect(table[2]).toMatch(/^pain_share {8}16 {2}0\.95\d* /);
    expect(table[3]).toBe('rounds_in_zone    16       0       0       0       0       0       0');
    const bad = await cli(['summarize', file, '--metric', 'pain_shar']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `--metric: ${file} has no numeric metric "pain_shar" — did you mean "pain_share"?\n`,
    );
  });

  it('sensitivity --metric analyses one, from a file or from the experiment', async () => {
    const r = await cli([
      ...['sensitivity', OWN, '--method', 'sobol', '--metric', 'pain_share'],
      ...['--workers', '1', '--quiet', '--out', join(dir, 's.csv')],
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      "Sobol' indices of pain_share — fixture-own-metrics: 2 parameters, N = 4 base rows, 16 runs, 95% bootstrap intervals",
    );
    const from = await cli([
      'sensitivity',
      '--from',
      file,
      '--metric',
      'pain_share',
      '--out',
      join(dir, 'f.csv'),
    ]);
    expect(from.code).toBe(0);
    expect(readFileSync(join(dir, 'f.csv'))).toEqual(readFileSync(join(dir, 's.csv')));
  });

  it('point at the fault inside a formula, plain or quoted', async () => {
    const f = join(dir, 'cols.yaml');
    const mini = join(process.cwd(), 'tests/fixtures/scenarios/mini.yaml');
    const yaml = `kind: experiment\nid: cols\nscenario: ${mini}\nmetrics:\n  - a: 1 + pian.CN[6]\n  - b: "2 * rugn"\ndesign: { type: mc, n: 2 }\n`;
    writeFileSync(f, yaml);
    const r = await cli(['batch', f]);
    expect(r.stderr).toBe(
      `${f}:5:12: metrics.a: unknown series "pian.CN" — did you mean "pain.CN"?\n${f}:6:13: metrics.b: unknown series "rugn" — did you mean "rung"?\n`,
    );
  });

  it('are checked when the experiment loads', async () => {
    const r = await cli(['batch', 'tests/fixtures/experiments/bad-own-metrics.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'tests/fixtures/experiments/bad-own-metrics.yaml:6:17: metrics.pain_cn_r6: unknown series "pian.CN" — did you mean "pain.CN"?',
        'tests/fixtures/experiments/bad-own-metrics.yaml:7:12: metrics.whole: gives a series (a value per round), not a number: take one with s[r], first( ), last( ), max( ), …',
        'tests/fixtures/experiments/bad-own-metrics.yaml:8:10: metrics.odd: unknown function "frist" — did you mean "first"? (functions: first, count, last, max, min, sum, mean)',
        'tests/fixtures/experiments/bad-own-metrics.yaml:9:14: metrics.pain_eu: "pain_eu" is already a metric; name yours differently',
        '',
      ].join('\n'),
    );
  });
});
