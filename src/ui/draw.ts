// Text drawing helpers: sparklines, bars, numbers, truncation. Plain
// strings, so every meaning survives without colour.

const TICKS = '▁▂▃▄▅▆▇█';

/** The last `width` values as a sparkline scaled to their maximum, right-aligned. */
export function sparkline(values: readonly number[], width: number): string {
  const shown = values.slice(-width);
  const max = Math.max(0, ...shown);
  const line = shown
    .map((v) => (max > 0 && v > 0 ? TICKS[Math.max(1, Math.round((v / max) * 7))]! : TICKS[0]!))
    .join('');
  return line.padStart(width);
}

/** EUR bn with sensible precision. */
export function fmtBn(x: number): string {
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a < 0.005) return x > 0 ? '<0.01' : '>-0.01';
  if (a < 10) return x.toFixed(2);
  if (a < 100) return x.toFixed(1);
  return x.toFixed(0);
}

/** A signed change, e.g. "+0.12". */
export const fmtDelta = (x: number): string =>
  Math.abs(x) < 0.005 ? '±0' : `${x > 0 ? '+' : ''}${fmtBn(x)}`;

export const fmtPct = (share: number, digits = 0): string => `${(share * 100).toFixed(digits)}%`;

/** Cuts text to a width with an ellipsis. */
export const truncate = (text: string, width: number): string =>
  width <= 0 ? '' : text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;

export const padTo = (text: string, width: number): string => truncate(text, width).padEnd(width);

/** Cuts text to a width keeping its start and its end: "Additional tariff…vehicles (BEV)". */
export function truncateMiddle(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 2) return truncate(text, width);
  const head = Math.ceil((width - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (width - 1 - head))}`;
}

/**
 * Different names cut to a width, never to the same text: those plain truncation would make
 * equal are cut in the middle instead, and any still equal end in their number in the list.
 */
export function distinctNames(names: readonly string[], width: number): string[] {
  const clash = (out: string[], i: number) =>
    out.some((o, j) => j !== i && o === out[i] && names[j] !== names[i]);
  let out = names.map((n) => truncate(n, width));
  out = out.map((o, i) => (clash(out, i) ? truncateMiddle(names[i]!, width) : o));
  return out.map((o, i) => {
    if (!clash(out, i)) return o;
    const tag = `…${i + 1}`;
    return `${names[i]!.slice(0, Math.max(0, width - tag.length))}${tag}`;
  });
}

/** Zone cells on [0,1]: ═ only the EU accepts, ─ only China, █ both (the zone), · neither. */
export function zoneBar(width: number, targetMax: number, coercerMin: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    const x = (i + 0.5) / width;
    const eu = x <= targetMax;
    const cn = x >= coercerMin;
    out += eu && cn ? '█' : eu ? '═' : cn ? '─' : '·';
  }
  return out;
}

/** A marker line with ▲ under position q of a bar of this width. */
export const markerAt = (width: number, q: number): string =>
  `${' '.repeat(Math.min(width - 1, Math.max(0, Math.floor(q * width))))}▲`;

/**
 * A bar of shares in [0,1] drawn with one character each, the rest as
 * blanks; marks (at a share) overwrite their cell with ┃.
 */
export function stackBar(
  width: number,
  parts: readonly [number, string][],
  marks: readonly number[] = [],
): string {
  const cells: string[] = [];
  let acc = 0;
  for (const [share, ch] of parts) {
    acc += share;
    const upto = Math.min(width, Math.round(acc * width));
    while (cells.length < upto) cells.push(ch);
  }
  while (cells.length < width) cells.push(' ');
  for (const m of marks) cells[Math.min(width - 1, Math.max(0, Math.round(m * width)))] = '┃';
  return cells.join('');
}

/** Splits a string into runs of the same character (to colour each run). */
export function runs(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    const last = out[out.length - 1];
    if (last?.startsWith(ch)) out[out.length - 1] = last + ch;
    else out.push(ch);
  }
  return out;
}

/** A rule line with a title: "── Title ─────". */
export const rule = (title: string, width: number): string => {
  const head = `── ${truncate(title, Math.max(0, width - 4))} `;
  return head + '─'.repeat(Math.max(0, width - head.length));
};

/** Word-wraps text into lines of at most `width` characters. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => truncate(l, width));
}
