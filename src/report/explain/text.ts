// Plain-text building blocks for `aci-sim explain`: wrapping to the terminal
// width, aligned rows, and one line on where a number comes from.
import type { Provenance } from '../../io/provenance.js';

/** Words of `text` wrapped to `width`, every line after the first indented by `hang`. */
export function wrap(text: string, width: number, indent = '', hang = indent): string[] {
  const out: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = hang + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  out.push(line);
  return out;
}

/** A heading, wrapped, with a rule under it. */
export function heading(title: string, width: number): string[] {
  const lines = wrap(title, width, '', '  ');
  const longest = Math.max(...lines.map((l) => l.length));
  return ['', ...lines, '─'.repeat(Math.min(width, Math.max(longest, 20)))];
}

/** Columns padded to the widest cell; the last column is not padded. */
export function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
  );
}

/** A number for a table: up to 3 significant decimals, no trailing zeros. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const s = abs >= 100 ? x.toFixed(1) : abs >= 1 ? x.toFixed(2) : x.toFixed(3);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** "source: …", "assumed: why", "default", or "no source written", then (file:line). */
export function provenanceText(p: Provenance | undefined): string {
  if (!p) return 'no provenance recorded';
  if (p.file === '--set') return 'set on the command line (--set)';
  const at = p.line > 0 ? ` (${p.file}:${p.line})` : ` (${p.file})`;
  if (p.source) return `source: ${p.source}${at}`;
  if (p.assumed) return `assumed: ${p.why ?? 'no reason given'}${at}`;
  if (p.why === 'default') return `default of the schema, not written in the file${at}`;
  return `written without a source${at}`;
}

/** A parameter as a row, then its provenance wrapped under it. */
export function paramLines(
  name: string,
  value: string,
  unit: string,
  prov: Provenance | undefined,
  width: number,
): string[] {
  const head = `  ${name.padEnd(24)}${value.padStart(8)}  ${unit}`;
  return [head.trimEnd(), ...wrap(provenanceText(prov), width, '        ', '          ')];
}

/** How sentences name each side of a loaded scenario, by side id ("the EU", "China"). */
export function sideNames(l: {
  readonly def: {
    readonly blocs: Readonly<Record<string, { readonly name: string; readonly short?: string }>>;
  };
}): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(l.def.blocs).map(([id, b]) => [id, b.short ?? b.name]));
}
