// Writes the report's files all or nothing (src/io/atomic.ts): a new folder
// appears whole; with --force an existing one gets every report file replaced,
// or none of them.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AtomicFs, writeGroupAtomic } from '../io/atomic.js';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { fsDiag } from '../io/fs-errors.js';
import { err, ok, type Result } from '../io/result.js';

export interface OutFile {
  name: string;
  content: string;
}

/** Whether the folder may be written: absent, or present and `force`. */
export function checkOutDir(outDir: string, force: boolean): Result<void, Diagnostic[]> {
  if (!existsSync(outDir)) return ok(undefined);
  if (!statSync(outDir).isDirectory())
    return err([
      fileDiag(
        outDir,
        'report/out-not-dir',
        'the output path exists and is not a folder; nothing was written',
      ),
    ]);
  if (!force)
    return err([
      fileDiag(
        outDir,
        'report/out-exists',
        'the output folder already exists; nothing was written',
        '',
        'add --force to replace the report in it, or choose another folder with --out',
      ),
    ]);
  return ok(undefined);
}

export function writeOutputs(
  outDir: string,
  files: readonly OutFile[],
  force: boolean,
  fs?: AtomicFs,
): Result<void, Diagnostic[]> {
  const checked = checkOutDir(outDir, force);
  if (!checked.ok) return checked;
  try {
    writeGroupAtomic(resolve(outDir), files, fs);
    return ok(undefined);
  } catch (e) {
    return err([fsDiag(e, outDir, 'cannot write the report, nothing was changed')]);
  }
}
