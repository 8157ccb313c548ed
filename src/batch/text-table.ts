// Plain-text tables for the terminal: columns padded to their widest cell.

export type Align = 'l' | 'r';

export function textTable(rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths: number[] = [];
  for (const r of rows) for (const [i, c] of r.entries()) widths[i] = Math.max(widths[i] ?? 0, [...c].length);
  return rows
    .map((r) =>
      r
        .map((c, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - [...c].length);
          return align[i] === 'r' ? pad + c : c + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Four significant digits; '—' for a missing value. */
export const fmt = (x: number): string =>
  !Number.isFinite(x) ? '—' : Math.abs(x) >= 1e5 ? x.toFixed(0) : String(Number(x.toPrecision(4)));

/** A bar of `width` characters for a value in [0, 1] (eighths of a block). */
export function bar(x: number, width = 20): string {
  if (!Number.isFinite(x) || x <= 0) return '';
  const eighths = Math.round(Math.min(1, x) * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  return '█'.repeat(full) + (part > 0 ? ' ▏▎▍▌▋▊▉'[part]! : '');
}
