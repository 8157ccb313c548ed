// A batch output named on the command line (summarize, plot, discover,
// sensitivity --from): a known format, and a file that exists.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { type Format, formatOf } from '../io/writers/columns.js';

/** The file's format and absolute path, or the one problem with it. */
export function batchOutputFile(cwd: string, file: string): { format: Format; at: string } | Diagnostic {
  const format = formatOf(file);
  if (format === null) return fileDiag(file, 'cli/format', 'expected a .csv, .jsonl or .parquet file');
  const at = resolve(cwd, file);
  if (!existsSync(at)) return fileDiag(file, 'file/unreadable', 'cannot read file (no such file)');
  return { format, at };
}
