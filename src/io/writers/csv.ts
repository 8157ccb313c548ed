// CSV (RFC 4180): a header line, then one line per row. Null is an empty
// field; fields with a comma, quote or line break are quoted.
import type { Cell, Column } from './columns.js';
import { typedCell } from './columns.js';

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const csvHeader = (columns: readonly Column[]): string =>
  `${columns.map((c) => quote(c.name)).join(',')}\n`;

export function csvRow(row: readonly Cell[]): string {
  let out = '';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) out += ',';
    if (v === null || v === undefined) continue;
    out += typeof v === 'number' ? String(v) : quote(v);
  }
  return `${out}\n`;
}

/** The fields of one CSV line (without its line break), as text; empty fields are ''. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(v);
    } else {
      const c = line.indexOf(',', i);
      out.push(line.slice(i, c < 0 ? line.length : c));
      i = c < 0 ? line.length : c;
    }
    if (i >= line.length) return out;
    if (line[i] !== ',') throw new Error(`expected a comma at character ${i + 1}`);
    i++;
  }
}

/** One CSV line as typed cells. */
export function parseCsvRow(line: string, columns: readonly Column[]): Cell[] {
  const fields = splitCsvLine(line);
  if (fields.length !== columns.length)
    throw new Error(`expected ${columns.length} fields, found ${fields.length}`);
  return columns.map((c, i) => typedCell(c.type, fields[i]!));
}
