// Every file the program writes goes through here, so that nothing the user
// has is lost or left half-written: a file is written to a temporary name in
// its own folder, flushed to disk and renamed over the old one (a rename
// within one folder is atomic); a group of files (a report, the schemas) is
// written into a temporary folder first and then renamed into place one by
// one, putting back what was there if a rename fails. Temporary files are
// removed on every failure path. The file-system calls can be replaced (`fs`)
// to inject faults in tests.
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The synchronous calls this module makes. */
export type AtomicFs = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'renameSync'
  | 'rmSync'
  | 'mkdirSync'
  | 'mkdtempSync'
  | 'existsSync'
  | 'statSync'
>;

let counter = 0;

/** A name beside `path` no other writer uses: `.NAME.PID.N.tmp` (hidden; pid and counter make it unique). */
export const tempBeside = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);

function writeAll(fs: AtomicFs, fd: number, data: string | Uint8Array): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let off = 0;
  while (off < buf.length) off += fs.writeSync(fd, buf, off);
}

/** Writes `data` to a new file at `path` (which must not exist), flushed to disk. */
function writeNew(fs: AtomicFs, path: string, data: string | Uint8Array): void {
  const fd = fs.openSync(path, 'wx');
  try {
    writeAll(fs, fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `path` with `data` all at once: a reader sees the old file or the
 * new one, never part of either; on failure the old file is untouched and no
 * temporary file is left. Throws the file system's error.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, fs: AtomicFs = nodeFs): void {
  const tmp = tempBeside(path);
  try {
    writeNew(fs, tmp, data);
    fs.renameSync(tmp, path);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Flushes a file already written (e.g. appended to) and renames it over `path`. */
export function publishFile(tmp: string, path: string, fs: AtomicFs = nodeFs): void {
  const fd = fs.openSync(tmp, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, path);
}

export interface GroupFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/**
 * Publishes `files` into the folder `dir` all or nothing. A new folder is
 * filled under a temporary name and renamed; into an existing folder, each
 * file is written to a temporary folder beside it first, and only when all
 * are written are they renamed into place, the old files kept aside until the
 * last rename succeeds and put back if one fails. Other files in `dir` are
 * left alone. Throws the file system's error, with nothing changed.
 */
export function writeGroupAtomic(dir: string, files: readonly GroupFile[], fs: AtomicFs = nodeFs): void {
  const parent = dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  const stage = fs.mkdtempSync(join(parent, `.${basename(dir)}.${process.pid}.`));
  try {
    for (const f of files) writeNew(fs, join(stage, f.name), f.content);
    if (!fs.existsSync(dir)) {
      fs.renameSync(stage, dir);
      return;
    }
    const old = join(stage, '.old');
    fs.mkdirSync(old);
    const moved: { name: string; hadOld: boolean }[] = [];
    try {
      for (const f of files) {
        const target = join(dir, f.name);
        const hadOld = fs.existsSync(target);
        if (hadOld) fs.renameSync(target, join(old, f.name));
        moved.push({ name: f.name, hadOld });
        fs.renameSync(join(stage, f.name), target);
      }
    } catch (e) {
      // Put back what was there, newest first; a file that was absent goes away again.
      for (const m of moved.reverse()) {
        const target = join(dir, m.name);
        try {
          if (m.hadOld) fs.renameSync(join(old, m.name), target);
          else fs.rmSync(target, { force: true });
        } catch {
          // Keep restoring the others; the first error is the one to report.
        }
      }
      throw e;
    }
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
