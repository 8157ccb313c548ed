// Where a journal's scenario is. A path is written relative to the journal's
// own folder, so a game folder can be moved or reported from anywhere;
// journals written before that hold a path relative to where they were played.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

const isPath = (ref: string): boolean => /[/\\]|\.ya?ml$/.test(ref);

/** The ref to store in a journal written at `journalFile`: a path made relative to its folder, an id as it is. */
export function refForJournal(ref: string, journalFile: string, cwd: string): string {
  if (!isPath(ref)) return ref;
  const target = resolve(cwd, ref);
  const rel = relative(dirname(resolve(cwd, journalFile)), target);
  return rel === '' || isAbsolute(rel) ? target : rel.split('\\').join('/');
}

/**
 * The scenario to load for a journal: its path beside the journal, else from
 * the working directory (older journals), else its id (the hash check then
 * tells whether it is the same scenario).
 */
export function journalScenarioRef(ref: string, id: string, journalFile: string, cwd: string): string {
  if (!isPath(ref)) return ref;
  const beside = resolve(dirname(resolve(cwd, journalFile)), ref);
  if (existsSync(beside)) return beside;
  const fromCwd = resolve(cwd, ref);
  if (existsSync(fromCwd)) return fromCwd;
  return id || ref;
}
