// Sharding and merging: for any split, the merged shards are the bytes of the
// unsharded batch, in every format; a missing or duplicated shard is refused
// and nothing is written.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeInputs, mergeOutputs } from '../../src/batch/merge.js';
import { makePlan, type Plan, type Shard, WHOLE } from '../../src/batch/plan.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { type LoadedExperiment, loadExperiment } from '../../src/io/load-experiment.js';
import type { Format } from '../../src/io/writers/columns.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let exp: LoadedExperiment;
let plan: Plan;
const whole: Partial<Record<Format, string>> = {};

async function batch(file: string, format: Format, shard: Shard): Promise<void> {
  const r = await runBatch({
    experiment: exp,
    plan,
    shard,
    workers: 1,
    out: { file, format },
    resume: false,
    force: true,
    progress: 'quiet',
    version: 'test',
    cwd: process.cwd(),
  });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
}

beforeAll(async () => {
  const r = await loadExperiment('tests/fixtures/experiments/series.yaml', { cwd: process.cwd() });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  exp = r.value;
  plan = makePlan(exp);
  for (const f of ['csv', 'jsonl', 'parquet'] as const) {
    whole[f] = join(dir, `whole.${f}`);
    await batch(whole[f]!, f, WHOLE);
  }
});

let case_ = 0;
describe('merge', () => {
  test.prop([fc.integer({ min: 1, max: 5 }), fc.constantFrom<Format>('csv', 'jsonl', 'parquet')], {
    numRuns: 8,
  })('merged shards equal the unsharded output (rows and series)', async (count, format) => {
    const d = join(dir, `split-${case_++}`);
    mkdirSync(d);
    for (let index = 1; index <= count; index++)
      await batch(join(d, `s${index}.${format}`), format, { index, count });
    const out = join(dir, `merged-${case_}.${format}`);
    const files = mergeInputs([d]);
    if (!files.ok) throw new Error(formatDiagnostics(files.error));
    const r = await mergeOutputs(files.value, { file: out, format }, { force: false });
    if (!r.ok) throw new Error(formatDiagnostics(r.error));
    expect(readFileSync(out)).toEqual(readFileSync(whole[format]!));
    const series = (f: string) => f.replace(/(\.\w+)$/, '.series$1');
    expect(readFileSync(series(out))).toEqual(readFileSync(series(whole[format]!)));
  });

  it('can change the format on the way', async () => {
    const out = join(dir, 'from-csv.parquet');
    const r = await mergeOutputs([whole.csv!], { file: out, format: 'parquet' }, { force: false });
    expect(r.ok).toBe(true);
    expect(readFileSync(out)).toEqual(readFileSync(whole.parquet!));
  });

  it('refuses a missing shard and writes nothing', async () => {
    const d = join(dir, 'missing');
    mkdirSync(d);
    for (const index of [1, 3]) await batch(join(d, `s${index}.csv`), 'csv', { index, count: 3 });
    const out = join(dir, 'missing.csv');
    const files = mergeInputs([d]);
    const r = files.ok
      ? await mergeOutputs(files.value, { file: out, format: 'csv' }, { force: false })
      : files;
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatDiagnostics(r.error)).toBe(
        'merge: 10 of 30 planned runs are missing: p01-l0-r0, p04-l0-r0, p07-l0-r0, p10-l0-r0, p13-l0-r0, …\n  hint: no input is shard 2/3',
      );
    expect(existsSync(out) || existsSync(`${out}.tmp`)).toBe(false);
  });

  it('refuses a duplicated shard and writes nothing', async () => {
    const d = join(dir, 'dup');
    mkdirSync(d);
    for (const index of [1, 2]) await batch(join(d, `s${index}.csv`), 'csv', { index, count: 2 });
    copyFileSync(join(d, 's2.csv'), join(d, 's2-again.csv'));
    copyFileSync(join(d, 's2.csv.manifest.json'), join(d, 's2-again.csv.manifest.json'));
    const out = join(dir, 'dup.csv');
    const files = mergeInputs([d]);
    const r = files.ok
      ? await mergeOutputs(files.value, { file: out, format: 'csv' }, { force: false })
      : files;
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(formatDiagnostics(r.error).replaceAll(d, 'D')).toBe(
        'merge: 15 runs appear more than once: p01-l0-r0 (in D/s2-again.csv and D/s2.csv), p03-l0-r0 (in D/s2-again.csv and D/s2.csv), p05-l0-r0 (in D/s2-again.csv and D/s2.csv), p07-l0-r0 (in D/s2-again.csv and D/s2.csv), p09-l0-r0 (in D/s2-again.csv and D/s2.csv), …\n  hint: give each shard once',
      );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses shards of another plan', async () => {
    const other = await loadExperiment('tests/fixtures/experiments/series.yaml', {
      cwd: process.cwd(),
      seed: 2,
    });
    if (!other.ok) throw new Error('load');
    const f = join(dir, 'other-seed.csv');
    const r0 = await runBatch({
      experiment: other.value,
      plan: makePlan(other.value),
      shard: WHOLE,
      workers: 1,
      out: { file: f, format: 'csv' },
      resume: false,
      force: true,
      progress: 'quiet',
      version: 'test',
      cwd: process.cwd(),
    });
    expect(r0.ok).toBe(true);
    const r = await mergeOutputs(
      [whole.csv!, f],
      { file: join(dir, 'x.csv'), format: 'csv' },
      { force: false },
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error[0]!.message).toMatch(
        /^comes from a different plan than .*whole\.csv \(plan [0-9a-f]{12} vs [0-9a-f]{12}\)/,
      );
  });
});
