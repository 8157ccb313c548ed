// What happens when standard output or error cannot be written: a reader that
// went away (`aci-sim … | head -1`, EPIPE) ends the program quietly with exit
// code 0, as `head` expects; any other failure (`> /dev/full`: ENOSPC) is one
// line on stderr naming standard output, exit code 2. Without this, Node
// throws the stream's 'error' event with a stack.
import { fsReason } from '../io/fs-errors.js';

interface ErrorSource {
  on(event: 'error', listener: (e: unknown) => void): unknown;
}

/** Installs the handlers; `exit` ends the process, `report` writes to stderr (it may fail too). */
export function guardStreams(
  stdout: ErrorSource,
  stderr: ErrorSource,
  exit: (code: number) => void,
  report: (text: string) => void,
): void {
  let ended = false;
  stdout.on('error', (e) => {
    if (ended) return;
    ended = true;
    if ((e as { code?: unknown }).code === 'EPIPE') return exit(0);
    try {
      report(`standard output: cannot write: ${fsReason(e)}\n`);
    } catch {
      // stderr is gone as well: the exit code is all that is left.
    }
    exit(2);
  });
  // Nowhere is left to say that stderr failed: ignore it, the exit code still tells.
  stderr.on('error', () => {});
}
