// Parquet through hyparquet-writer (pure JS, pinned), imported only when a
// .parquet file is asked for. Row groups have a fixed size, so the same rows
// always give the same bytes, however the batch was split or resumed.
// Reading Parquet back (merge, summarize) uses hyparquet.
import type { Cell, Column } from './columns.js';

/** Rows per row group. */
export const ROW_GROUP = 16_384;

const PHYSICAL = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  int: { type: 'INT32' },
  double: { type: 'DOUBLE' },
} as const;

/** Writes rows to `file` as Parquet in constant memory (one row group buffered). */
export async function writeParquet(
  file: string,
  columns: readonly Column[],
  rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>,
  kv: Readonly<Record<string, string>>,
  createdBy: string,
): Promise<number> {
  const { ParquetWriter, fileWriter } = await import('hyparquet-writer');
  const schema = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({ name: c.name, repetition_type: 'OPTIONAL' as const, ...PHYSICAL[c.type] })),
  ];
  const writer = new ParquetWriter({
    writer: fileWriter(file),
    schema,
    kvMetadata: Object.entries(kv).map(([key, value]) => ({ key, value })),
    createdBy,
  });
  let data: Cell[][] = columns.map(() => []);
  let n = 0;
  let total = 0;
  const flush = async () => {
    if (n === 0) return;
    await writer.write({
      columnData: columns.map((c, j) => ({ name: c.name, data: data[j]! })),
      rowGroupSize: n,
    });
    data = columns.map(() => []);
    total += n;
    n = 0;
  };
  for await (const row of rows) {
    for (let j = 0; j < columns.length; j++) data[j]!.push(row[j] ?? null);
    if (++n === ROW_GROUP) await flush();
  }
  await flush();
  await writer.finish();
  return total;
}

/** The rows of a Parquet file as cells in `columns` order, one row group at a time. */
export async function* readParquet(file: string, columns: readonly Column[]): AsyncGenerator<Cell[]> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await import('hyparquet');
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    const objs = await parquetReadObjects({ file: buffer, metadata, rowStart: start, rowEnd: end });
    for (const o of objs)
      yield columns.map((c) => {
        const v = o[c.name] as unknown;
        if (v === null || v === undefined) return null;
        return c.type === 'string' ? String(v) : Number(v);
      });
    start = end;
  }
}

/** The key-value metadata of a Parquet file. */
export async function parquetKeyValues(file: string): Promise<Record<string, string>> {
  const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
  return Object.fromEntries((metadata.key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? '']));
}
