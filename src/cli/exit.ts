// Exit codes and the program's error handling: 0 ok, 1 unexpected failure,
// 2 bad input (diagnostics) or bad usage. No stack traces for users.
import { Command } from 'commander';
import { type Diagnostic, formatDiagnostic, formatDiagnostics } from '../io/diagnostics.js';
import { errorPath, fsDiag, isFsFailure } from '../io/fs-errors.js';
import type { CliIo } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Prints diagnostics to stderr; returns exit code 2 for the command to return. */
export function reportDiagnostics(io: CliIo, ds: readonly Diagnostic[]): number {
  if (ds.length > 0) io.stderr.write(`${formatDiagnostics(ds)}\n`);
  return EXIT_USAGE;
}

/** One line for an unexpected error (the stack only with ACI_SIM_DEBUG=1). */
export function describeError(e: unknown, env: Readonly<Record<string, string | undefined>>): string {
  if (env.ACI_SIM_DEBUG && e instanceof Error && e.stack) return e.stack;
  const msg = e instanceof Error ? e.message : String(e);
  return `aci-sim: unexpected error: ${msg.split('\n')[0]} (set ACI_SIM_DEBUG=1 for details)`;
}

const DOING: Readonly<Record<string, string>> = {
  open: 'cannot open',
  write: 'cannot write',
  fsync: 'cannot write',
  close: 'cannot write',
  rename: 'cannot put the file in place',
  mkdir: 'cannot create the folder',
  unlink: 'cannot remove',
  rmdir: 'cannot remove',
  read: 'cannot read',
  scandir: 'cannot list',
  opendir: 'cannot list',
  stat: 'cannot read',
  lstat: 'cannot read',
  copyfile: 'cannot copy',
};

/**
 * What to print and which exit code to give for an error nothing else
 * caught: a failure of the file system (full disk, no permission, a folder
 * where a file should be…) is one diagnostic naming the path, exit code 2;
 * anything else an "unexpected error", exit code 1.
 */
export function describeFailure(
  e: unknown,
  env: Readonly<Record<string, string | undefined>>,
): { text: string; code: number } {
  if (isFsFailure(e) && !env.ACI_SIM_DEBUG) {
    const syscall = (e as { syscall?: unknown }).syscall;
    const doing = (typeof syscall === 'string' && DOING[syscall]) || 'cannot access';
    return { text: formatDiagnostic(fsDiag(e, errorPath(e, 'aci-sim'), doing)), code: EXIT_USAGE };
  }
  return { text: describeError(e, env), code: EXIT_FAILURE };
}

/** The root command, writing through `io`, with usage errors turned into exit code 2; register commands after this. */
export function createProgram(name: string, version: string, description: string, io: CliIo): Command {
  const colors = (out: CliIo['stdout']) => () => Boolean(out.isTTY) && !io.env.NO_COLOR;
  return new Command(name)
    .description(description)
    .version(version)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander's own default: the terminal's width, else 80.
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns) || 80,
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns) || 80,
      getOutHasColors: colors(io.stdout),
      getErrHasColors: colors(io.stderr),
    });
}
