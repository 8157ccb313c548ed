// The cells of a result table and how each output format writes them. A cell
// is text, a finite number or null (a missing value: no deal → q is null).
// Numbers are written in JavaScript's shortest round-trip form, so reading a
// file back gives the same doubles and rewriting it gives the same bytes.

export type Cell = string | number | null;
export type ColumnType = 'string' | 'int' | 'double';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
}

export type Format = 'csv' | 'jsonl' | 'parquet';

/** The format an output file name asks for, from its extension. */
export function formatOf(file: string): Format | null {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.jsonl$/i.test(file)) return 'jsonl';
  if (/\.parquet$/i.test(file)) return 'parquet';
  return null;
}

/** A number cell: non-finite values become null (the engine should never give them). */
export const num = (x: number | null | undefined): Cell =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

/** Text on one line (so every format stays line-based). */
export const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ');

/** A cell read back as text, typed by its column: '' → null. */
export function typedCell(type: ColumnType, raw: string | null): Cell {
  if (raw === null || raw === '') return null;
  if (type === 'string') return raw;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}
