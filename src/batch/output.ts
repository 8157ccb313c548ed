// A batch's output files. Rows are appended in run-id order to FILE.tmp (for
// Parquet: a journal of JSON arrays, turned into Parquet at the end), with a
// partial manifest beside it; at the end FILE.tmp is renamed to FILE and the
// manifest written. Because rows are always appended in plan order, an
// interrupted FILE.tmp holds a prefix of the shard's runs: --resume keeps its
// complete lines and continues after them.
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { publishFile, tempBeside } from '../io/atomic.js';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { errnoCode, fsDiag } from '../io/fs-errors.js';
import { acquireLock, type Lock } from '../io/lock.js';
import { err, ok, type Result } from '../io/result.js';
import type { Cell, Column, Format } from '../io/writers/columns.js';
import { csvHeader, parseCsvRow } from '../io/writers/csv.js';
import { parseJsonlRow } from '../io/writers/jsonl.js';
import { readLines } from '../io/writers/lines.js';
import { type Manifest, manifestPath, readManifest, writeJsonAtomic } from '../io/writers/manifest.js';
import { writeParquet } from '../io/writers/parquet.js';

export interface OutputFiles {
  readonly file: string;
  readonly format: Format;
  readonly tmp: string;
  /** The manifest while the batch runs (FILE.tmp.manifest.json). */
  readonly partial: string;
  readonly manifest: string;
  readonly series: { readonly file: string; readonly tmp: string } | null;
}

/** `out.csv` → series in `out.series.csv`. */
export const seriesPath = (file: string): string => file.replace(/(\.[^./\\]+)$/, '.series$1');

export function outputFiles(file: string, format: Format, series: boolean): OutputFiles {
  const s = seriesPath(file);
  return {
    file,
    format,
    tmp: `${file}.tmp`,
    partial: `${file}.tmp.manifest.json`,
    manifest: manifestPath(file),
    series: series ? { file: s, tmp: `${s}.tmp` } : null,
  };
}

/** The header line of a file being written (CSV: the header; Parquet journal: the column names). */
export function headerOf(format: Format, columns: readonly Column[]): string {
  if (format === 'csv') return csvHeader(columns);
  if (format === 'parquet') return `${JSON.stringify(columns.map((c) => c.name))}\n`;
  return '';
}

/** Parses one line of a file being written back into cells. */
export function parseLine(format: Format, line: string, columns: readonly Column[]): Cell[] {
  if (format === 'csv') return parseCsvRow(line, columns);
  if (format === 'jsonl') return parseJsonlRow(line, columns);
  const a = JSON.parse(line) as unknown;
  if (!Array.isArray(a) || a.length !== columns.length) throw new Error('not a journal row');
  return a as Cell[];
}

/** Makes the output's folder, refuses an output that is a folder, and takes the output's lock. */
export function claimOutput(file: string): Result<Lock, Diagnostic[]> {
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
  } catch (e) {
    // mkdir -p says EEXIST when a part of the path is a file.
    const why = errnoCode(e) === 'EEXIST' ? { code: 'ENOTDIR' } : e;
    return err([fsDiag(why, dirname(file), 'cannot create the output folder')]);
  }
  if (existsSync(file) && statSync(file).isDirectory())
    return err([
      fileDiag(file, 'batch/output', 'is a folder; name a file for --out (.csv, .jsonl or .parquet)'),
    ]);
  return acquireLock(file);
}

export type Prepared =
  | { readonly state: 'complete'; readonly manifest: Manifest }
  | { readonly state: 'ready'; readonly done: number; readonly partial: Manifest | null };

export interface PrepareOptions {
  readonly resume: boolean;
  readonly force: boolean;
  readonly planHash: string;
  readonly columns: readonly Column[];
  readonly seriesColumns: readonly Column[] | null;
  /** Run id of the shard's j-th run. */
  readonly expectedId: (j: number) => string;
  /** Sees each row already written, in order (to rebuild the summary). */
  readonly onRow: (row: Cell[]) => void;
}

/** Checks what is already on disk; with --resume, keeps the complete rows of FILE.tmp. */
export function prepareOutput(o: OutputFiles, opts: PrepareOptions): Result<Prepared, Diagnostic[]> {
  const bad = (file: string, message: string) => err([fileDiag(file, 'batch/output', message)]);
  if (existsSync(o.file)) {
    const m = readManifest(o.manifest);
    if (opts.resume && m.ok && m.value.plan.hash === opts.planHash && m.value.finished !== null)
      return ok({ state: 'complete', manifest: m.value });
    if (!opts.force) return bad(o.file, 'already exists; add --force to overwrite it');
  }
  const leftovers = [o.tmp, o.partial, ...(o.series ? [o.series.tmp] : [])];
  if (!opts.resume || !existsSync(o.tmp)) {
    if (existsSync(o.tmp) && !opts.force)
      return bad(
        o.tmp,
        'an unfinished batch was writing here; add --resume to continue it or --force to start over',
      );
    for (const f of leftovers) rmSync(f, { force: true });
    return ok({ state: 'ready', done: 0, partial: null });
  }
  const m = readManifest(o.partial);
  if (!m.ok || m.value.plan.hash !== opts.planHash)
    return bad(
      o.tmp,
      `was written by a different plan${m.ok ? ` (plan ${m.value.plan.hash.slice(0, 12)})` : ''}; use --force to start over`,
    );
  const kept = keepRows(o.tmp, o.format, opts.columns, opts.expectedId, opts.onRow);
  if (!kept.ok) return bad(o.tmp, `${kept.error}; use --force to start over`);
  if (kept.value.done === 0) {
    // Nothing kept, but the batch's start time and sessions are (the manifest is read already).
    for (const f of leftovers) rmSync(f, { force: true });
    return ok({ state: 'ready', done: 0, partial: m.value });
  }
  if (o.series && opts.seriesColumns) {
    const cut = kept.value.done;
    const s = cutSeries(o.series.tmp, o.format, opts.seriesColumns, (id) => id >= opts.expectedId(cut));
    if (!s.ok) return bad(o.series.tmp, `${s.error}; use --force to start over`);
  }
  return ok({ state: 'ready', done: kept.value.done, partial: m.value });
}

function keepRows(
  tmp: string,
  format: Format,
  columns: readonly Column[],
  expectedId: (j: number) => string,
  onRow: (row: Cell[]) => void,
): Result<{ done: number }, string> {
  const header = headerOf(format, columns);
  let end = 0;
  let done = 0;
  for (const line of readLines(tmp)) {
    if (end === 0 && header !== '') {
      if (`${line.text}\n` !== header) return err('its header does not match this experiment');
      end = line.end;
      continue;
    }
    let row: Cell[];
    try {
      row = parseLine(format, line.text, columns);
    } catch (e) {
      return err(`row ${done + 1} cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
    if (row[0] !== expectedId(done))
      return err(`row ${done + 1} is run ${String(row[0])}, expected ${expectedId(done)}`);
    onRow(row);
    done++;
    end = line.end;
  }
  truncate(tmp, end);
  return ok({ done });
}

function cutSeries(
  tmp: string,
  format: Format,
  columns: readonly Column[],
  drop: (runId: string) => boolean,
): Result<void, string> {
  if (!existsSync(tmp)) return err('is missing');
  const header = headerOf(format, columns);
  let end = 0;
  for (const line of readLines(tmp)) {
    if (end === 0 && header !== '') {
      end = line.end;
      continue;
    }
    try {
      const id = parseLine(format, line.text, columns)[0];
      if (typeof id !== 'string' || drop(id)) break;
    } catch {
      break;
    }
    end = line.end;
  }
  truncate(tmp, end);
  return ok(undefined);
}

function truncate(file: string, size: number): void {
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

/** Appends text to a file descriptor, all of it. */
export function appendAll(fd: number, text: string | Uint8Array): void {
  if (text.length === 0) return;
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off);
}

/** Opens FILE.tmp (and the series journal) for appending; a fresh file gets its header. */
export function openOutput(
  o: OutputFiles,
  fresh: boolean,
  columns: readonly Column[],
  seriesColumns: readonly Column[] | null,
) {
  const open = (path: string, cols: readonly Column[]) => {
    const fd = openSync(path, fresh ? 'w' : 'a');
    if (fresh) appendAll(fd, headerOf(o.format, cols));
    return fd;
  };
  return {
    rows: open(o.tmp, columns),
    series: o.series && seriesColumns ? open(o.series.tmp, seriesColumns) : null,
  };
}

/** Turns the temporary files into the outputs and writes the manifest. */
export async function finishOutput(
  o: OutputFiles,
  columns: readonly Column[],
  seriesColumns: readonly Column[] | null,
  manifest: Manifest,
  kv: Readonly<Record<string, string>>,
  createdBy: string,
): Promise<void> {
  const publish = async (tmp: string, file: string, cols: readonly Column[]) => {
    if (o.format !== 'parquet') return publishFile(tmp, file);
    const rows = function* () {
      let first = true;
      for (const line of readLines(tmp)) {
        if (first) {
          first = false;
          continue;
        }
        yield JSON.parse(line.text) as Cell[];
      }
    };
    const part = tempBeside(file);
    try {
      await writeParquet(part, cols, rows(), kv, createdBy);
      publishFile(part, file);
    } catch (e) {
      rmSync(part, { force: true });
      throw e;
    }
    rmSync(tmp);
  };
  await publish(o.tmp, o.file, columns);
  if (o.series && seriesColumns) await publish(o.series.tmp, o.series.file, seriesColumns);
  writeJsonAtomic(o.manifest, manifest);
  rmSync(o.partial, { force: true });
}

export { writeJsonAtomic };
