// The atomic writers: a failure at any step (a full disk, a folder where the
// file should go, a rename refused) leaves the old files as they were and no
// temporary file behind; a group is published all or nothing; one writer per
// output through the lock.
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AtomicFs, writeFileAtomic, writeGroupAtomic } from '../../src/io/atomic.js';
import { writeJournal } from '../../src/io/journal.js';
import { acquireLock, type LockEnv } from '../../src/io/lock.js';
import { writeJsonAtomic } from '../../src/io/writers/manifest.js';
import { writeOutputs } from '../../src/report/write.js';

const root = mkdtempSync(join(tmpdir(), 'aci-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = join(root, `d${n++}`);
  mkdirSync(d);
  return d;
};

const fail = (code: string, syscall: string) =>
  Object.assign(new Error(`${code}: injected`), { code, syscall });

/** node:fs with one call failing: the `nth` call of `name` (counting from 1). */
function faulty(name: 'writeSync' | 'renameSync' | 'fsyncSync', code: string, nth = 1): AtomicFs {
  const real = { writeSync: fs.writeSync, renameSync: fs.renameSync, fsyncSync: fs.fsyncSync }[name] as (
    ...a: unknown[]
  ) => unknown;
  let calls = 0;
  return {
    ...fs,
    [name]: (...args: unknown[]) => {
      if (++calls === nth) throw fail(code, name.replace('Sync', ''));
      return real(...args);
    },
  } as AtomicFs;
}

/** Every file under `d`, with its content. */
const snapshot = (d: string): Record<string, string> =>
  Object.fromEntries(
    (readdirSync(d, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => fs.statSync(join(d, f)).isFile())
      .sort()
      .map((f) => [f, readFileSync(join(d, f), 'utf8')]),
  );

describe('writeFileAtomic', () => {
  it('replaces the file, and leaves nothing else', () => {
    const d = fresh();
    writeFileSync(join(d, 'f.json'), 'old');
    writeFileAtomic(join(d, 'f.json'), 'new');
    expect(snapshot(d)).toEqual({ 'f.json': 'new' });
  });

  it.each([
    ['a full disk while writing', faulty('writeSync', 'ENOSPC'), 'ENOSPC'],
    ['a failed flush', faulty('fsyncSync', 'EIO'), 'EIO'],
    ['a refused rename', faulty('renameSync', 'EACCES'), 'EACCES'],
  ])('%s: the old file is intact and no temporary file is left', (_, injected, code) => {
    const d = fresh();
    writeFileSync(join(d, 'f.json'), 'old');
    expect(() => writeFileAtomic(join(d, 'f.json'), 'new', injected)).toThrow(
      expect.objectContaining({ code }),
    );
    expect(snapshot(d)).toEqual({ 'f.json': 'old' });
  });

  it('a folder where the file should be (EISDIR), for the journal and manifest writers too', () => {
    const d = fresh();
    mkdirSync(join(d, 'j.json'));
    mkdirSync(join(d, 'm.json'));
    expect(() => writeFileAtomic(join(d, 'j.json'), 'x')).toThrow(
      expect.objectContaining({ code: 'EISDIR' }),
    );
    expect(() => writeJsonAtomic(join(d, 'm.json'), {})).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    expect(() => writeJournal(join(d, 'j.json'), {} as Parameters<typeof writeJournal>[1])).toThrow(
      expect.objectContaining({ code: 'EISDIR' }),
    );
    expect(readdirSync(d).sort()).toEqual(['j.json', 'm.json']);
  });
});

describe('writeGroupAtomic', () => {
  const files = [
    { name: 'a.txt', content: 'A2' },
    { name: 'b.txt', content: 'B2' },
    { name: 'c.txt', content: 'C2' },
  ];

  it('a new folder appears whole; an existing one gets its files replaced and keeps the others', () => {
    const d = fresh();
    writeGroupAtomic(join(d, 'new'), files);
    expect(snapshot(d)).toEqual({ 'new/a.txt': 'A2', 'new/b.txt': 'B2', 'new/c.txt': 'C2' });
    writeFileSync(join(d, 'new', 'mine.txt'), 'mine');
    writeGroupAtomic(
      join(d, 'new'),
      files.map((f) => ({ ...f, content: `${f.content}!` })),
    );
    expect(snapshot(join(d, 'new'))).toEqual({
      'a.txt': 'A2!',
      'b.txt': 'B2!',
      'c.txt': 'C2!',
      'mine.txt': 'mine',
    });
  });

  it.each([
    ['the disk fills while the second file is written', faulty('writeSync', 'ENOSPC', 2)],
    // Renames: 1 moves a.txt aside, 2 puts the new a.txt, 3 moves b.txt aside, 4 fails.
    ['the fourth rename is refused, after a.txt was replaced', faulty('renameSync', 'EACCES', 4)],
  ])('%s: all old files are back, none new, no temporary files', (_, injected) => {
    const d = fresh();
    const out = join(d, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.txt'), 'A1');
    writeFileSync(join(out, 'b.txt'), 'B1');
    writeFileSync(join(out, 'mine.txt'), 'mine');
    expect(() => writeGroupAtomic(out, files, injected)).toThrow(/injected/);
    expect(snapshot(d)).toEqual({ 'out/a.txt': 'A1', 'out/b.txt': 'B1', 'out/mine.txt': 'mine' });
  });

  it('the report: a failing write is one diagnostic and changes nothing (report --force is all or nothing)', () => {
    const d = fresh();
    mkdirSync(join(d, 'r'));
    writeFileSync(join(d, 'r', 'report.html'), 'old html');
    writeFileSync(join(d, 'r', 'report.md'), 'old md');
    const r = writeOutputs(
      join(d, 'r'),
      [
        { name: 'report.html', content: 'new html' },
        { name: 'report.md', content: 'new md' },
      ],
      true,
      faulty('renameSync', 'ENOSPC', 3),
    );
    expect(r.ok ? null : r.error.map((e) => `${e.code} ${e.message}`)).toEqual([
      'fs/enospc cannot write the report, nothing was changed: no space left on the device (ENOSPC)',
    ]);
    expect(snapshot(d)).toEqual({ 'r/report.html': 'old html', 'r/report.md': 'old md' });
  });
});

describe('the lock of an output', () => {
  const env = (pid: number, alive: (pid: number) => boolean, host = 'h1'): LockEnv => ({
    pid,
    host,
    alive,
    fs,
  });

  it('a second writer is refused while the first holds it, and may take it once released', () => {
    const out = join(fresh(), 'o.csv');
    const first = acquireLock(
      out,
      env(100, () => true),
    );
    expect(first.ok).toBe(true);
    const second = acquireLock(
      out,
      env(200, () => true),
    );
    expect(
      second.ok
        ? null
        : second.error.map((e) => [e.file, e.code, e.message.replace(/\(since .*\)/, '(since T)')]),
    ).toEqual([[out, 'lock/held', 'is being written by process 100 on h1 (since T)']]);
    if (first.ok) first.value.release();
    expect(
      acquireLock(
        out,
        env(200, () => true),
      ).ok,
    ).toBe(true);
  });

  it('a stale lock (its process gone on this host) is taken over with a note; one of another host never is', () => {
    const out = join(fresh(), 'o.csv');
    expect(
      acquireLock(
        out,
        env(100, () => true),
      ).ok,
    ).toBe(true);
    const taken = acquireLock(
      out,
      env(200, (pid) => pid !== 100),
    );
    expect(taken.ok && taken.value.note).toBe(
      'took over the lock of process 100 on h1, which is no longer running',
    );
    expect(JSON.parse(readFileSync(`${out}.lock`, 'utf8'))).toMatchObject({ pid: 200, host: 'h1' });
    const elsewhere = acquireLock(
      out,
      env(300, () => false, 'h2'),
    );
    expect(elsewhere.ok).toBe(false);
  });

  it('a folder that cannot hold the lock is one diagnostic naming the lock file', () => {
    const d = fresh();
    writeFileSync(join(d, 'file'), 'x');
    const r = acquireLock(join(d, 'file', 'o.csv'));
    expect(r.ok ? null : r.error.map((e) => [e.file, e.message])).toEqual([
      [join(d, 'file', 'o.csv.lock'), 'cannot create the lock: a part of the path is not a folder (ENOTDIR)'],
    ]);
  });
});
