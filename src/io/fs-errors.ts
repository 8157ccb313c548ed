// Failures of the file system and of the streams a command writes to, in
// words: one sentence naming the path, for users, instead of an errno stack.
import { type Diagnostic, fileDiag } from './diagnostics.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'it already exists',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  EBUSY: 'the file is busy',
  EFBIG: 'the file is too large',
  ENOTEMPTY: 'the folder is not empty',
  EXDEV: 'it is on another device',
  EPIPE: 'the reader has gone away',
};

/** The errno code of a Node system error, or null for anything else. */
export function errnoCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/** Whether `e` is a file-system failure this module can put in words. */
export const isFsFailure = (e: unknown): boolean => {
  const code = errnoCode(e);
  return code !== null && code in REASONS;
};

/** `no space left on the device (ENOSPC)`. */
export function fsReason(e: unknown): string {
  const code = errnoCode(e) ?? 'error';
  return `${REASONS[code] ?? (e instanceof Error ? e.message.split('\n')[0] : String(e))} (${code})`;
}

/** The path a system error names (a rename's destination first), else `fallback`. */
export function errorPath(e: unknown, fallback: string): string {
  const own = (e as { path?: unknown; dest?: unknown } | null) ?? {};
  return typeof own.dest === 'string' ? own.dest : typeof own.path === 'string' ? own.path : fallback;
}

/** One diagnostic for a failed file operation on `path` (as the user named it): what failed, and why. */
export const fsDiag = (e: unknown, path: string, doing = 'cannot write'): Diagnostic =>
  fileDiag(path, `fs/${(errnoCode(e) ?? 'error').toLowerCase()}`, `${doing}: ${fsReason(e)}`);
