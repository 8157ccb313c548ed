// What a command may use of the world outside it. main() gets one CliIo;
// bin/aci-sim.js passes the real process (process-io.ts), tests a captured
// one. Commands never touch `process` themselves.

/** Where a command writes: process.stdout / process.stderr, or a test's buffer. */
export interface CliOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** Width of the terminal, when it is one. */
  readonly columns?: number;
}

/** Signals a command may handle, and 'exit': the process is about to end. */
export type CliEvent = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'exit';

export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /**
   * Standard input. `play` needs stdin and stdout to be terminals; when both
   * say isTTY, they must be the real tty streams (ink draws on them).
   */
  readonly stdin?: { readonly isTTY?: boolean };
  /**
   * The directory scenario, model and experiment names are looked up from.
   * Files named on the command line (outputs, journals) are opened as given,
   * so a caller whose cwd is not the process's should name them absolutely.
   */
  readonly cwd: string;
  /** The environment (ACI_SIM_DEBUG, NO_COLOR, COLUMNS, SLURM_*…). */
  readonly env: Record<string, string | undefined>;
  /** Calls `listener` on the event until the returned function is called; absent in-process: none come. */
  readonly on?: (event: CliEvent, listener: () => void) => () => void;
  /** Ends the process at once (a second Ctrl-C, a killed game); absent in-process, where nothing is ended. */
  readonly exit?: (code: number) => void;
}

/** What a command's register() gets: the io, and `action` to wrap a handler returning the exit code. */
export interface CommandContext {
  readonly io: CliIo;
  // biome-ignore lint/suspicious/noExplicitAny: commander passes untyped arguments to actions
  action<A extends any[]>(handler: (...args: A) => Promise<number> | number): (...args: A) => Promise<void>;
}
