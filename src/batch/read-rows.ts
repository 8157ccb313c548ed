// Reads a finished output back as rows of cells, in constant memory: CSV,
// JSON Lines or Parquet. Columns come from the manifest when there is one,
// else from the file itself (types guessed by column name).
import { existsSync } from 'node:fs';
import type { Cell, Column, ColumnType, Format } from '../io/writers/columns.js';
import { parseCsvRow, splitCsvLine } from '../io/writers/csv.js';
import { parseJsonlRow } from '../io/writers/jsonl.js';
import { readLines } from '../io/writers/lines.js';
import { manifestPath, readManifest } from '../io/writers/manifest.js';
import { readParquet } from '../io/writers/parquet.js';

const TEXT = new Set(['run_id', 'seed', 'package', 'outcome', 'error']);
const typeOf = (name: string): ColumnType =>
  TEXT.has(name) || name.startsWith('policy_') ? 'string' : 'double';

/** The columns of an output file. */
export async function columnsOf(file: string, format: Format): Promise<Column[]> {
  const m = existsSync(manifestPath(file)) ? readManifest(manifestPath(file)) : null;
  if (m?.ok && m.value.output.format === format) {
    const series = m.value.output.series;
    return series && file.endsWith(series.file) && !file.endsWith(m.value.output.file)
      ? series.columns
      : m.value.output.columns;
  }
  if (format === 'parquet') {
    const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
    const meta = await parquetMetadataAsync(await asyncBufferFromFile(file));
    return meta.schema.slice(1).map((s) => ({
      name: s.name,
      type: s.type === 'BYTE_ARRAY' ? 'string' : s.type === 'INT32' ? 'int' : 'double',
    }));
  }
  for (const line of readLines(file)) {
    const names = format === 'csv' ? splitCsvLine(line.text) : Object.keys(JSON.parse(line.text) as object);
    return names.map((name) => ({ name, type: typeOf(name) }));
  }
  return [];
}

/** The rows of a CSV, JSON Lines or Parquet file. */
export async function* readRows(
  file: string,
  format: Format,
  columns: readonly Column[],
): AsyncGenerator<Cell[]> {
  if (format === 'parquet') {
    yield* readParquet(file, columns);
    return;
  }
  let first = format === 'csv';
  let n = 0;
  for (const line of readLines(file)) {
    n++;
    if (first) {
      first = false;
      continue;
    }
    try {
      yield format === 'csv' ? parseCsvRow(line.text, columns) : parseJsonlRow(line.text, columns);
    } catch (e) {
      throw new RowError(`${file}:${n}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** A row that cannot be read; the message starts with file:line. */
export class RowError extends Error {}
