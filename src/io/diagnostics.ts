// Diagnostics: one clear message per problem, with file:line:col where known.

export interface Diagnostic {
  /** File as the user named it (relative to the working directory), or `--set`. */
  readonly file: string;
  /** 1-based; 0 when the problem has no position (a missing file, a --set flag). */
  readonly line: number;
  readonly col: number;
  /** Dotted path of the field, e.g. `measures.x.levels[2].intensity`; empty for syntax errors. */
  readonly path: string;
  /** Namespaced code, e.g. `schema/range`, `ref/unknown-dependency`. */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

/** A diagnostic without a position in a file. */
export const fileDiag = (
  file: string,
  code: string,
  message: string,
  path = '',
  hint?: string,
): Diagnostic => ({
  file,
  line: 0,
  col: 0,
  path,
  code,
  message,
  ...(hint === undefined ? {} : { hint }),
});

/** `file:line:col: path: message`, plus a second line `  hint: …` when there is a hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const head = d.path === '' ? `${where}: ${d.message}` : `${where}: ${d.path}: ${d.message}`;
  return d.hint === undefined ? head : `${head}\n  hint: ${d.hint}`;
}

export const formatDiagnostics = (ds: readonly Diagnostic[]): string => ds.map(formatDiagnostic).join('\n');

/** Orders by file, then position, and drops exact duplicates. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const key = formatDiagnostic(d);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : 0));
}
