// Output formats: cells survive a write and a read unchanged (so rewriting
// gives the same bytes), a line cut short is not read, Parquet reads back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { QuantileSketch } from '../../src/batch/quantile-sketch.js';
import { quantiles } from '../../src/batch/stats/quantiles.js';
import type { Cell, Column } from '../../src/io/writers/columns.js';
import { csvHeader, csvRow, parseCsvRow, splitCsvLine } from '../../src/io/writers/csv.js';
import { jsonlRowWriter, parseJsonlRow } from '../../src/io/writers/jsonl.js';
import { readLines } from '../../src/io/writers/lines.js';
import { parquetKeyValues, readParquet, writeParquet } from '../../src/io/writers/parquet.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const columns: Column[] = [
  { name: 'run_id', type: 'string' },
  { name: 'round', type: 'int' },
  { name: 'q', type: 'double' },
  { name: 'error', type: 'string' },
];
const text = fc.string({ unit: 'grapheme', minLength: 1 }).map((s) => s.replace(/[\r\n]/g, ' '));
const row = fc.tuple(
  text,
  fc.option(fc.integer({ min: -1e6, max: 1e6 }), { nil: null }),
  fc.option(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
    { nil: null },
  ),
  fc.option(text, { nil: null }),
) as fc.Arbitrary<Cell[]>;

describe('CSV and JSON Lines', () => {
  test.prop([row])('a row reads back as the same cells', (r) => {
    const line = csvRow(r);
    expect(line.endsWith('\n')).toBe(true);
    expect(parseCsvRow(line.slice(0, -1), columns)).toEqual(r);
    const json = jsonlRowWriter(columns)(r);
    expect(parseJsonlRow(json.slice(0, -1), columns)).toEqual(r);
  });

  it('quotes what needs quoting', () => {
    expect(csvRow(['a,b', 1, null, 'say "no"'])).toBe('"a,b",1,,"say ""no"""\n');
    expect(splitCsvLine('"a,b",1,,"x"')).toEqual(['a,b', '1', '', 'x']);
    expect(csvHeader(columns)).toBe('run_id,round,q,error\n');
  });

  it('does not read a last line without its line break', () => {
    const f = join(dir, 'torn.csv');
    writeFileSync(f, 'a\nbb\nccc');
    expect([...readLines(f)]).toEqual([
      { text: 'a', end: 2 },
      { text: 'bb', end: 5 },
    ]);
  });
});

describe('Parquet', () => {
  it('reads back what was written, nulls included, with its metadata', async () => {
    const rows: Cell[][] = Array.from({ length: 20_000 }, (_, i) => [
      `p${i}`,
      i % 13,
      i % 3 === 0 ? null : i / 7,
      i % 5 === 0 ? 'boom' : null,
    ]);
    const f = join(dir, 'rows.parquet');
    expect(await writeParquet(f, columns, rows, { 'aci-sim.plan_hash': 'abc' }, 'aci-sim test')).toBe(20_000);
    const back: Cell[][] = [];
    for await (const r of readParquet(f, columns)) back.push(r);
    expect(back).toEqual(rows);
    expect((await parquetKeyValues(f))['aci-sim.plan_hash']).toBe('abc');
  });
});

describe('quantile sketch', () => {
  it('is exact (type 7) while it holds every value', () => {
    const s = new QuantileSketch();
    const xs = Array.from({ length: 1001 }, (_, i) => (i * 7919) % 1001);
    for (const x of xs) s.add(x);
    expect([0.05, 0.5, 0.95].map((p) => s.quantile(p))).toEqual(quantiles(xs, [0.05, 0.5, 0.95]));
  });

  it('stays within a small rank error beyond its capacity', () => {
    const s = new QuantileSketch();
    const n = 400_000;
    for (let i = 0; i < n; i++) s.add((i * 104_729) % n);
    for (const p of [0.05, 0.25, 0.5, 0.75, 0.95])
      expect(Math.abs(s.quantile(p) / n - p)).toBeLessThan(0.002);
  });
});
