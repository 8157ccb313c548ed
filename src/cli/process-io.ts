// The real process as a CliIo, for bin/aci-sim.js: the one place the command
// line touches `process` (the bin sets the exit code).
import type { CliEvent, CliIo } from './io.js';
import { guardStreams } from './stream-errors.js';

export function processIo(): CliIo {
  guardStreams(
    process.stdout,
    process.stderr,
    (code) => process.exit(code),
    (text) => process.stderr.write(text),
  );
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Lazily: creating process.stdin opens a handle, which only `play` needs.
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
    // The object itself, not a copy: `play` removes CI from it before ink reads it at import.
    env: process.env,
    on: (event: CliEvent, listener: () => void) => {
      process.on(event, listener);
      return () => {
        process.off(event, listener);
      };
    },
    exit: (code: number) => process.exit(code),
  };
}
