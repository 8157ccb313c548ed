// What merge and batch refuse about their files: rows that do not belong to
// the plan whatever the manifest beside them says, an output that is one of
// the inputs, shards without a manifest or with a wrong header, unreadable
// rows; two batches on one output; an output that cannot be created, found
// before any run.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeInputs, mergeOutputs } from '../../src/batch/merge.js';
import { makePlan, type Plan, type Shard, WHOLE } from '../../src/batch/plan.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { type Diagnostic, formatDiagnostics } from '../../src/io/diagnostics.js';
import { type LoadedExperiment, loadExperiment } from '../../src/io/load-experiment.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-merge-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIXTURE = 'tests/fixtures/experiments/series.yaml';
let seed1: { exp: LoadedExperiment; plan: Plan };
let seed7: { exp: LoadedExperiment; plan: Plan };

async function load(seed: number) {
  const r = await loadExperiment(FIXTURE, { cwd: process.cwd(), seed });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  return { exp: r.value, plan: makePlan(r.value) };
}

const batch = (which: typeof seed1, file: string, shard: Shard = WHOLE, onStart?: () => void) =>
  runBatch({
    experiment: which.exp,
    plan: which.plan,
    shard,
    workers: 1,
    out: { file, format: 'csv' },
    resume: false,
    force: true,
    progress: 'quiet',
    version: 'test',
    cwd: process.cwd(),
    ...(onStart ? { onStart } : {}),
  });

async function shards(which: typeof seed1, d: string): Promise<string[]> {
  mkdirSync(d, { recursive: true });
  const files = [1, 2].map((index) => join(d, `s${index}.csv`));
  for (const [i, f] of files.entries()) {
    const r = await batch(which, f, { index: i + 1, count: 2 });
    if (!r.ok) throw new Error(formatDiagnostics(r.error));
  }
  return files;
}

const messages = (r: { ok: boolean; error?: Diagnostic[] } | { ok: true }) =>
  'error' in r && r.error ? r.error.map((d) => `${d.code}: ${d.message}`) : [];
const merge = (files: string[], out: string, force = false) =>
  mergeOutputs(files, { file: out, format: 'csv' }, { force });

beforeAll(async () => {
  seed1 = await load(1);
  seed7 = await load(7);
});

describe('merge checks every row against the plan', () => {
  it('a seed-7 shard beside a seed-1 manifest is refused, and nothing is written', async () => {
    const [a, b] = await shards(seed1, join(dir, 'one'));
    const [, b7] = await shards(seed7, join(dir, 'seven'));
    copyFileSync(b7!, b!); // the rows of seed 7, the manifest of seed 1
    const out = join(dir, 'forged.csv');
    const r = await merge([a!, b!], out);
    expect(messages(r)).toHaveLength(1);
    expect(messages(r)[0]).toMatch(
      /^merge\/forged: rows that do not belong to the plan of their manifest \(seed 1\): p01-l0-r0 in .*s2\.csv: seed [0-9a-f]+ \(the plan has [0-9a-f]+\)/,
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('forged'))).toEqual([]);
  });

  it('a manifest edited to another seed is refused by its own plan hash or its rows', async () => {
    const [a, b] = await shards(seed1, join(dir, 'edited'));
    const m = JSON.parse(readFileSync(`${b}.manifest.json`, 'utf8'));
    m.seed = 7;
    writeFileSync(`${b}.manifest.json`, JSON.stringify(m));
    expect(messages(await merge([a!, b!], join(dir, 'edited.csv')))[0]).toMatch(
      /^merge\/seed: has master seed 7/,
    );
  });

  it('refuses an output that is one of its inputs, even with --force, and leaves the input alone', async () => {
    const [a, b] = await shards(seed1, join(dir, 'self'));
    const before = readFileSync(a!, 'utf8');
    expect(messages(await merge([a!, b!], a!, true))).toEqual([
      `merge/out-is-input: is one of the inputs (${a}); choose another --out`,
    ]);
    expect(readFileSync(a!, 'utf8')).toBe(before);
  });

  it('refuses a shard without a manifest in a folder, and a wrong header', async () => {
    const d = join(dir, 'bare');
    const [a, b] = await shards(seed1, d);
    copyFileSync(a!, join(d, 'stray.csv'));
    expect(
      mergeInputs([d]).ok ? [] : (mergeInputs([d]) as { error: Diagnostic[] }).error.map((e) => e.message),
    ).toEqual([`has no manifest (${join(d, 'stray.csv')}.manifest.json): was it written by aci-sim batch?`]);
    const text = readFileSync(b!, 'utf8');
    writeFileSync(b!, text.replace(/^run_id,point/, 'id,point'));
    expect(messages(await merge([a!, b!], join(dir, 'hdr.csv')))[0]).toMatch(
      /^merge\/header: its header \(id,point,replication,seed,…\) is not the columns of its manifest \(run_id,point,replication,seed,…\)/,
    );
    writeFileSync(b!, '');
    expect(messages(await merge([a!, b!], join(dir, 'hdr.csv')))).toEqual([
      'merge/header: is empty (no header line)',
    ]);
  });

  it('an unreadable row is one diagnostic with its file and line (no "unexpected error")', async () => {
    const [a, b] = await shards(seed1, join(dir, 'row'));
    const lines = readFileSync(b!, 'utf8').split('\n');
    lines[3] = 'p0001-l0-r0,"unterminated';
    writeFileSync(b!, lines.join('\n'));
    const r = await merge([a!, b!], join(dir, 'row.csv'));
    expect(r.ok ? [] : r.error.map((d) => [d.file, d.line, d.code])).toEqual([[b, 4, 'merge/row']]);
    expect(existsSync(join(dir, 'row.csv.tmp'))).toBe(false);
  });

  it('a byte-order mark before the header does not shift the columns', async () => {
    const [a, b] = await shards(seed1, join(dir, 'bom'));
    const clean = await merge([a!, b!], join(dir, 'bom-clean.csv'));
    writeFileSync(b!, `\uFEFF${readFileSync(b!, 'utf8')}`);
    const r = await merge([a!, b!], join(dir, 'bom.csv'));
    expect(messages(r)).toEqual([]);
    expect(readFileSync(join(dir, 'bom.csv'), 'utf8')).toBe(readFileSync(join(dir, 'bom-clean.csv'), 'utf8'));
    expect(clean.ok && r.ok && r.value.summary).toEqual(clean.ok && clean.value.summary);
    const s = await cli(['summarize', b!]);
    expect([s.code, s.stderr]).toEqual([0, '']);
  });
});

describe('one writer per batch output, checked before any run', () => {
  it('two batches on one output: the second is refused while the first runs', async () => {
    const out = join(dir, 'twice.csv');
    const [first, second] = await Promise.all([batch(seed1, out), batch(seed1, out)]);
    expect([first.ok, second.ok]).toEqual([true, false]);
    expect(messages(second)[0]).toMatch(/^lock\/held: is being written by process \d+ on /);
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('--out naming a folder or a path under a file is refused before any run (exit 2)', async () => {
    mkdirSync(join(dir, 'adir.csv'));
    writeFileSync(join(dir, 'afile'), 'x');
    let started = 0;
    const asDir = await batch(seed1, join(dir, 'adir.csv'), WHOLE, () => started++);
    const under = await batch(seed1, join(dir, 'afile', 'x.csv'), WHOLE, () => started++);
    expect([...messages(asDir), ...messages(under)]).toEqual([
      'batch/output: is a folder; name a file for --out (.csv, .jsonl or .parquet)',
      'fs/enotdir: cannot create the output folder: a part of the path is not a folder (ENOTDIR)',
    ]);
    expect(started).toBe(0);
    const c = await cli(['batch', FIXTURE, '--quiet', '--out', join(dir, 'adir.csv')]);
    expect([c.code, c.stdout, c.stderr]).toEqual([
      2,
      '',
      `${join(dir, 'adir.csv')}: is a folder; name a file for --out (.csv, .jsonl or .parquet)\n`,
    ]);
  });
});

describe('summarize', () => {
  it('refuses a file that is not a batch output', async () => {
    for (const [name, text] of [
      ['garbage.csv', 'hello,world\n1,2\n'],
      ['runid.csv', 'run_id,x\nfoo,bar\n'],
      ['empty.csv', ''],
    ]) {
      writeFileSync(join(dir, name!), text!);
      const r = await cli(['summarize', join(dir, name!)]);
      expect([r.code, r.stdout, r.stderr]).toEqual([
        2,
        '',
        `${join(dir, name!)}: is not a batch output: its columns do not begin with run_id, point, replication, seed and end with error\n`,
      ]);
    }
  });
});
