// Defaults of the report, light enough for the CLI to import before it loads
// the report itself.
import { basename, dirname, extname, join } from 'node:path';

/** Computer-played games the report compares with. */
export const DEFAULT_RUNS = 1000;

/** `<journal-name>-report/` next to the journal. */
export function defaultReportDir(journalPath: string): string {
  const base = basename(journalPath, extname(journalPath));
  return join(dirname(journalPath), `${base}-report`);
}
