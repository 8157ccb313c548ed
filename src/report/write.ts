// Writes the report's files without ever leaving half a report: a new folder
// is filled under a temporary name and renamed; with --force an existing one
// gets each file written to a temporary name and renamed over the old.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
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
): Result<void, Diagnostic[]> {
  const checked = checkOutDir(outDir, force);
  if (!checked.ok) return checked;
  const tag = `.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    if (existsSync(outDir)) {
      for (const f of files) {
        const target = join(outDir, f.name);
        writeFileSync(target + tag, f.content);
        renameSync(target + tag, target);
      }
      return ok(undefined);
    }
    const abs = resolve(outDir);
    mkdirSync(dirname(abs), { recursive: true });
    const tmp = abs + tag;
    mkdirSync(tmp);
    try {
      for (const f of files) writeFileSync(join(tmp, f.name), f.content);
      renameSync(tmp, abs);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return ok(undefined);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return err([fileDiag(outDir, 'report/write', `cannot write the report (${code})`)]);
  }
}
