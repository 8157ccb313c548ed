// One writer per output: `<out>.lock`, created exclusively (O_EXCL), holds the
// pid and host of the process writing `<out>`. A second writer is refused
// while the holder lives; a lock whose process is gone on this host (killed,
// crashed) is stale and is taken over, with a note. A lock from another host
// is never guessed stale: its holder may be alive there (a shared file system
// under Slurm).
import * as nodeFs from 'node:fs';
import { hostname } from 'node:os';
import { type Diagnostic, fileDiag } from './diagnostics.js';
import { fsDiag } from './fs-errors.js';
import { err, ok, type Result } from './result.js';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

export interface Lock {
  readonly file: string;
  /** Set when a stale lock was taken over: one sentence for the user. */
  readonly note: string | null;
  release(): void;
}

export interface LockEnv {
  readonly pid: number;
  readonly host: string;
  /** Whether process `pid` runs on this host. */
  readonly alive: (pid: number) => boolean;
  readonly fs: Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'closeSync' | 'readFileSync' | 'rmSync'>;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const here = (): LockEnv => ({ pid: process.pid, host: hostname(), alive: isAlive, fs: nodeFs });

export const lockPath = (out: string): string => `${out}.lock`;

function readHolder(env: LockEnv, file: string): LockHolder | null {
  try {
    const v = JSON.parse(env.fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof v.pid === 'number' && typeof v.host === 'string'
      ? { pid: v.pid, host: v.host, started: String(v.started ?? '?') }
      : null;
  } catch {
    return null;
  }
}

/** Takes the lock of `out`; refused (one diagnostic naming the holder) while another process holds it. */
export function acquireLock(out: string, env: LockEnv = here()): Result<Lock, Diagnostic[]> {
  const file = lockPath(out);
  const me: LockHolder = { pid: env.pid, host: env.host, started: new Date().toISOString() };
  let note: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = env.fs.openSync(file, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        return err([fsDiag(e, file, 'cannot create the lock')]);
      const h = readHolder(env, file);
      if (h === null || h.host !== env.host || env.alive(h.pid) || attempt > 0)
        return err([
          fileDiag(
            out,
            'lock/held',
            h === null
              ? `is locked by ${file}, which cannot be read`
              : `is being written by process ${h.pid} on ${h.host} (since ${h.started})`,
            '',
            `wait for it to finish; if that process is gone, remove ${file}`,
          ),
        ]);
      env.fs.rmSync(file, { force: true });
      note = `took over the lock of process ${h.pid} on ${h.host}, which is no longer running`;
      continue;
    }
    try {
      const text = `${JSON.stringify(me)}\n`;
      env.fs.writeSync(fd, text);
    } catch (e) {
      env.fs.closeSync(fd);
      env.fs.rmSync(file, { force: true });
      return err([fsDiag(e, file, 'cannot write the lock')]);
    }
    env.fs.closeSync(fd);
    return ok({
      file,
      note,
      release: () => {
        const h = readHolder(env, file);
        if (h !== null && h.pid === me.pid && h.host === me.host) env.fs.rmSync(file, { force: true });
      },
    });
  }
  // Not reached: the second attempt either takes the lock or is refused above.
  return err([fileDiag(file, 'lock/held', 'cannot be taken')]);
}
