// JSON Lines: one object per row, keys in column order; null for missing values.
import type { Cell, Column } from './columns.js';

/** A row writer for fixed columns (the keys are encoded once). */
export function jsonlRowWriter(columns: readonly Column[]): (row: readonly Cell[]) => string {
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  return (row) => {
    let out = '';
    for (let i = 0; i < keys.length; i++) out += keys[i]! + JSON.stringify(row[i] ?? null);
    return `${out}}\n`;
  };
}

/** One JSON line as cells in column order. */
export function parseJsonlRow(line: string, columns: readonly Column[]): Cell[] {
  const o = JSON.parse(line) as Record<string, unknown>;
  return columns.map((c) => {
    const v = o[c.name];
    if (v === null || v === undefined) return null;
    if (c.type === 'string') return String(v);
    return typeof v === 'number' ? v : null;
  });
}
