// Exact replay of batch rows: `run --from FILE --row RUN_ID` rebuilds the
// experiment and plan from the manifest and reproduces the row's seed,
// sampled values, package (start levels included) and metrics.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayRow } from '../../src/batch/replay-row.js';
import { parseCsvRow, splitCsvLine } from '../../src/io/writers/csv.js';
import { readManifest } from '../../src/io/writers/manifest.js';
import { cli, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CSV = join(dir, 'packages.csv');
const PARQUET = join(dir, 'packages.parquet');

beforeAll(async () => {
  for (const f of [CSV, PARQUET]) {
    const r = await cli([
      'batch',
      'tests/fixtures/experiments/packages.yaml',
      '--quiet',
      '--workers',
      '1',
      '--out',
      f,
    ]);
    expect(r.code, r.stderr).toBe(0);
  }
});

const rowsOf = (file: string) => {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const names = splitCsvLine(head!);
  const cols = names.map((name) => ({ name, type: 'string' as const }));
  return lines.map((l) => Object.fromEntries(names.map((n, i) => [n, parseCsvRow(l, cols)[i] ?? ''])));
};

describe('run --from FILE --row RUN_ID', () => {
  it('records how the batch was asked for in the manifest', () => {
    const m = readManifest(`${CSV}.manifest.json`);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.value.invocation?.target).toBe(join(ROOT, 'tests/fixtures/experiments/packages.yaml'));
    expect(m.value.invocation?.command.slice(0, 3)).toEqual([
      'aci-sim',
      'batch',
      'tests/fixtures/experiments/packages.yaml',
    ]);
    expect(m.value.sessions).toHaveLength(1);
    expect(m.value.distributions?.map((d) => d.path)).toEqual([
      'dependencies.mini_magnets.substitution_years',
      'parameters.g7_alignment',
    ]);
  });

  it('rebuilds rows of every package bit for bit: seed, sampled values, metrics', async () => {
    const rows = rowsOf(CSV);
    // One row of each package × policy, at different points and replications.
    const ids = ['p0-l0-r0', 'p3-l1-r1', 'p5-l2-r0', 'p7-l3-r1', 'p2-l4-r1', 'p6-l5-r0'];
    for (const id of ids) {
      const row = rows.find((r) => r.run_id === id)!;
      const r = await replayRow(CSV, id, { cwd: ROOT });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.seed).toBe(row.seed);
      expect(r.value.lever.package).toBe(row.package);
      for (const v of r.value.values) expect(String(v.value)).toBe(row[v.path]);
      const { runGame } = await import('../../src/engine/index.js');
      expect(r.value.differences(runGame(r.value.scenario, r.value.seed, r.value.policies))).toEqual([]);
      expect(r.value.recorded.map((c) => (c.cell === null ? '' : String(c.cell)))).toEqual(
        r.value.recorded.map((c) => row[c.name]),
      );
    }
  });

  it('prints the run and says the metrics equal the row (CSV and Parquet)', async () => {
    for (const f of [CSV, PARQUET]) {
      const r = await cli(['run', '--from', f, '--row', 'p4-l2-r1']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe(`replay of p4-l2-r1 from ${f}: the 10 metrics equal the row's\n`);
      const seed = rowsOf(CSV).find((x) => x.run_id === 'p4-l2-r1')!.seed!;
      expect(r.stdout).toContain(`seed ${seed}`);
    }
    const j = await cli(['run', '--from', CSV, '--row', 'p1-l3-r0', '--json']);
    const out = JSON.parse(j.stdout) as { replay: { package: string; matches: boolean } };
    expect(out.replay).toMatchObject({ package: 'low_stakes', matches: true });
  });

  it('a row whose file changed is reported, not silently replayed', async () => {
    const bad = join(dir, 'edited.csv');
    const text = readFileSync(CSV, 'utf8');
    const row = rowsOf(CSV).find((x) => x.run_id === 'p0-l0-r0')!;
    const { writeFileSync, copyFileSync } = await import('node:fs');
    writeFileSync(bad, text.replace(`,${row.pain_eu},`, `,${Number(row.pain_eu) + 1},`));
    copyFileSync(`${CSV}.manifest.json`, `${bad}.manifest.json`);
    const r = await cli(['run', '--from', bad, '--row', 'p0-l0-r0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `replay of p0-l0-r0 from ${bad}: pain_eu is ${row.pain_eu}, the row says ${Number(row.pain_eu) + 1}\n`,
    );
  });

  it('replays from a manifest written before invocations were recorded', async () => {
    const { copyFileSync, writeFileSync } = await import('node:fs');
    const old = join(dir, 'old.csv');
    copyFileSync(CSV, old);
    const m = JSON.parse(readFileSync(`${CSV}.manifest.json`, 'utf8')) as Record<string, unknown>;
    const { invocation: _, sessions: __, ...rest } = m;
    writeFileSync(
      `${old}.manifest.json`,
      JSON.stringify({
        ...rest,
        experiment: { ...(rest.experiment as object), file: 'tests/fixtures/experiments/packages.yaml' },
      }),
    );
    const r = await cli(['run', '--from', old, '--row', 'p6-l4-r1']);
    expect([r.code, r.stderr]).toEqual([
      0,
      `replay of p6-l4-r1 from ${old}: the 10 metrics equal the row's\n`,
    ]);
  });

  it('refuses what it cannot replay, one line each', async () => {
    const none = await cli(['run', '--from', CSV, '--row', 'p9-l0-r0']);
    expect([none.code, none.stderr]).toEqual([2, `${CSV}: has no row "p9-l0-r0"\n`]);
    const both = await cli(['run', '--from', CSV, '--row', 'p0-l0-r0', '--seed', '3']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('replay takes --from FILE and --row RUN_ID together');
    const lone = await cli(['run', '--row', 'p0-l0-r0']);
    expect(lone.code).toBe(2);
  });
});

describe('a package that sets a start level', () => {
  it('is replayed from its own scenario, and its start level changes the hashes', async () => {
    const exp = join(dir, 'levels.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      exp,
      [
        'kind: experiment',
        'id: levels',
        `scenario: ${join(ROOT, 'tests/fixtures/scenarios/mini.yaml')}`,
        'use_scenario_uncertain: false',
        'uncertain:',
        '  parameters.g7_alignment: { type: uniform, min: 0.1, max: 0.6 }',
        'levers:',
        '  packages:',
        '    none: {}',
        '    licensing_on: { set: { start.levels.mini_magnet_licensing: 2 } }',
        'design: { type: mc, n: 6, seed: 3 }',
        'metrics: [outcome, round, pain_eu, pain_cn, peak_rung]',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'levels.jsonl');
    const b = await cli(['batch', exp, '--quiet', '--workers', '1', '--out', out]);
    expect(b.code, b.stderr).toBe(0);
    const m = readManifest(`${out}.manifest.json`);
    const [none, on] = m.ok ? m.value.scenario.packages.map((p) => p.hash) : [];
    expect(none).not.toBe(on);
    for (const id of ['p2-l0-r0', 'p2-l1-r0', 'p5-l1-r0']) {
      const r = await cli(['run', '--from', out, '--row', id]);
      expect([r.code, r.stderr]).toEqual([0, `replay of ${id} from ${out}: the 5 metrics equal the row's\n`]);
    }
  });
});

describe('run --seed', () => {
  it('takes a row’s hex seed as the run’s own seed, and a whole number as a master seed', async () => {
    const hex = await cli(['run', 'tutorial', '--seed', '00ab12cd34ef5678', '--json']);
    expect(hex.code, hex.stderr).toBe(0);
    expect((JSON.parse(hex.stdout) as { seed: string }).seed).toBe('00ab12cd34ef5678');
    const bad = await cli(['run', 'tutorial', '--seed', 'x1']);
    expect(bad.stderr).toBe(`--seed: expected a whole number or a run's 16-digit hex seed, got "x1"\n`);
  });
});
