// A points file for `batch --points FILE` (CSV or Parquet): one column per
// parameter path, one design point a row. A file `batch --design-only`
// wrote reads back as is: its run columns (run_id, point, replication, seed,
// package, policy_*) are not parameters, and rows sharing a `point` are one
// point (their values must agree). Every problem at its line and column.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Diagnostic, fileDiag } from './diagnostics.js';
import { didYouMean } from './did-you-mean.js';
import { displayPath } from './files.js';
import { canonicalPath } from './path-vocabulary.js';
import { err, ok, type Result } from './result.js';
import { inRange, type Range, rangeText } from './schemas/range.js';
import { splitCsvLine } from './writers/csv.js';

/** Columns of a batch output or design that describe a run, not a parameter. */
const RUN_COLUMNS = new Set(['run_id', 'point', 'replication', 'seed', 'package']);
const isRunColumn = (name: string) => RUN_COLUMNS.has(name) || name.startsWith('policy_');

export interface PointsTable {
  /** The file as the user named it. */
  readonly file: string;
  /** SHA-256 of the file's bytes. */
  readonly hash: string;
  /** Parameter paths (canonical) in the order of `rows`' values. */
  readonly paths: readonly string[];
  /** One row of values per design point, in the file's order. */
  readonly rows: readonly (readonly number[])[];
}

interface RawTable {
  readonly header: readonly { name: string; line: number; col: number }[];
  /** Cells as text; where each row starts (line, 0 for Parquet) and each cell's column. */
  readonly rows: readonly { line: number; cells: readonly string[]; cols: readonly number[] }[];
}

const at = (file: string, line: number, col: number, path: string, code: string, message: string) => ({
  ...{ file, line, col, path, code, message },
});

function parseCsv(text: string, file: string): Result<RawTable, Diagnostic[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const split = (l: number): string[] | Diagnostic => {
    try {
      return splitCsvLine(lines[l]!);
    } catch (e) {
      return at(file, l + 1, 1, '', 'points/syntax', (e as Error).message);
    }
  };
  const colsOf = (cells: readonly string[]) => {
    let c = 1;
    return cells.map((s) => {
      const here = c;
      c += s.length + 1;
      return here;
    });
  };
  const empty = at(file, 1, 1, '', 'points/empty', 'empty file: expected a header of parameter paths');
  if (lines.length === 0) return err([empty]);
  const head = split(0);
  if (!Array.isArray(head)) return err([head]);
  if (head.every((h) => h === '')) return err([empty]);
  const hcols = colsOf(head);
  const rows: RawTable['rows'][number][] = [];
  const diags: Diagnostic[] = [];
  for (let l = 1; l < lines.length; l++) {
    const cells = split(l);
    if (!Array.isArray(cells)) diags.push(cells);
    else if (cells.length !== head.length)
      diags.push(
        at(file, l + 1, 1, '', 'points/columns', `${cells.length} values for ${head.length} columns`),
      );
    else rows.push({ line: l + 1, cells, cols: colsOf(cells) });
  }
  if (diags.length > 0) return err(diags);
  return ok({ header: head.map((name, i) => ({ name, line: 1, col: hcols[i]! })), rows });
}

async function parseParquet(abs: string, file: string): Promise<Result<RawTable, Diagnostic[]>> {
  try {
    const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await import('hyparquet');
    const buffer = await asyncBufferFromFile(abs);
    const metadata = await parquetMetadataAsync(buffer);
    const names = metadata.schema.slice(1).map((s) => s.name);
    const objs = await parquetReadObjects({ file: buffer, metadata });
    const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    return ok({
      header: names.map((name) => ({ name, line: 0, col: 0 })),
      rows: objs.map((o) => ({ line: 0, cells: names.map((n) => text(o[n])), cols: names.map(() => 0) })),
    });
  } catch (e) {
    return err([
      fileDiag(file, 'points/unreadable', `not a readable Parquet file (${(e as Error).message})`),
    ]);
  }
}

/** Where a cell is: `file:line:col` for CSV; Parquet has no lines, so the row is named in the message. */
const cellAt = (file: string, t: RawTable, r: number, j: number, path: string, code: string, m: string) => {
  const row = t.rows[r]!;
  return row.line > 0
    ? at(file, row.line, row.cols[j]!, path, code, m)
    : fileDiag(file, code, `row ${r + 1}: ${m}`, path);
};

/**
 * Reads and checks a points file against the experiment's uncertain parameters: each
 * column must be one of them (did-you-mean otherwise), each of them needs a column, and
 * each value must be a number in its parameter's range.
 */
export async function readPoints(
  abs: string,
  file: string,
  params: readonly { path: string; range: Range | undefined }[],
): Promise<Result<PointsTable, Diagnostic[]>> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch {
    return err([fileDiag(file, 'file/unreadable', 'cannot read file (no such file)')]);
  }
  const isParquet = /\.parquet$/i.test(file);
  if (!isParquet && !/\.csv$/i.test(file))
    return err([fileDiag(file, 'points/format', 'expected a .csv or .parquet points file')]);
  const raw = isParquet ? await parseParquet(abs, file) : parseCsv(bytes.toString('utf8'), file);
  if (!raw.ok) return raw;
  const t = raw.value;
  const diags: Diagnostic[] = [];
  const known = params.map((p) => p.path);
  const index = new Map<string, number>(); // path → column
  t.header.forEach((h, j) => {
    if (isRunColumn(h.name)) return;
    const path = canonicalPath(h.name);
    const where = (m: string) =>
      h.line > 0
        ? at(file, h.line, h.col, h.name, 'points/column', m)
        : fileDiag(file, 'points/column', m, h.name);
    if (path === undefined || !known.includes(path))
      diags.push(
        where(`"${h.name}" is not an uncertain parameter of this experiment${didYouMean(h.name, known)}`),
      );
    else if (index.has(path)) diags.push(where(`"${h.name}" is a second column for ${path}`));
    else index.set(path, j);
  });
  const missing = known.filter((p) => !index.has(p));
  if (missing.length > 0)
    diags.push(
      at(
        file,
        isParquet ? 0 : 1,
        isParquet ? 0 : 1,
        '',
        'points/missing-column',
        `no column for ${missing.length} uncertain parameter${missing.length > 1 ? 's' : ''} of the experiment: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} (every one needs a value; leave the scenario's own out with use_scenario_uncertain: false)`,
      ),
    );
  if (t.rows.length === 0)
    diags.push(
      at(file, isParquet ? 0 : 1, isParquet ? 0 : 1, '', 'points/empty', 'no rows: no point to run'),
    );
  if (diags.length > 0) return err(diags);
  const pointCol = t.header.findIndex((h) => h.name === 'point');
  const rows: number[][] = [];
  const byPoint = new Map<string, { row: number; at: number; reported: boolean }>();
  t.rows.forEach((row, r) => {
    const values = params.map(({ path, range }) => {
      const j = index.get(path)!;
      const text = row.cells[j]!;
      const v = Number(text);
      if (text.trim() === '' || !Number.isFinite(v))
        diags.push(cellAt(file, t, r, j, path, 'points/value', `expected a number, got "${text}"`));
      else if (range && !inRange({ ...range, int: false }, v))
        diags.push(
          cellAt(
            file,
            t,
            r,
            j,
            path,
            'points/range',
            `${v} is outside the allowed range (${rangeText(range)})`,
          ),
        );
      return v;
    });
    const key = pointCol < 0 ? null : row.cells[pointCol]!;
    const first = key === null ? undefined : byPoint.get(key);
    if (first === undefined) {
      if (key !== null) byPoint.set(key, { row: rows.length, at: r, reported: false });
      rows.push(values);
      return;
    }
    const j = values.findIndex((v, i) => !Object.is(v, rows[first.row]![i]));
    if (j < 0 || first.reported) return;
    // Once per point: its later rows would repeat the same news.
    first.reported = true;
    const line = t.rows[first.at]!.line;
    const where = line > 0 ? `line ${line}` : `row ${first.at + 1}`;
    diags.push(
      cellAt(
        file,
        t,
        r,
        index.get(params[j]!.path)!,
        params[j]!.path,
        'points/value',
        `rows of point ${key} must agree: ${values[j]} here, ${rows[first.row]![j]} on ${where}`,
      ),
    );
  });
  if (diags.length > 0) return err(diags);
  return ok({
    file,
    hash: createHash('sha256').update(bytes).digest('hex'),
    paths: known,
    rows,
  });
}

/** `--points FILE` for an experiment: read, checked against its uncertain parameters and their numbers' ranges. */
export async function loadPoints(
  file: string,
  uncertain: readonly string[],
  o: { cwd: string; scenarioAbs: string; modelDirs: readonly string[] },
): Promise<Result<PointsTable, Diagnostic[]>> {
  const { numberRanges } = await import('./own-uncertain.js');
  const ranges = await numberRanges(uncertain, o.scenarioAbs, o.cwd, o.modelDirs);
  if (!ranges.ok) return ranges;
  const abs = resolve(o.cwd, file);
  return readPoints(
    abs,
    displayPath(abs, o.cwd),
    uncertain.map((path, i) => ({ path, range: ranges.value[i] })),
  );
}
