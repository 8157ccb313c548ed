// Exit codes and the program's error handling: 0 ok, 1 unexpected failure,
// 2 bad input (diagnostics) or bad usage. No stack traces for users.
import { Command, CommanderError } from 'commander';
import { type Diagnostic, formatDiagnostics } from '../io/diagnostics.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Prints diagnostics to stderr and sets exit code 2. */
export function reportDiagnostics(ds: readonly Diagnostic[]): void {
  if (ds.length > 0) process.stderr.write(`${formatDiagnostics(ds)}\n`);
  process.exitCode = EXIT_USAGE;
}

/** Prints diagnostics to stderr and exits with code 2. */
export function exitWithDiagnostics(ds: readonly Diagnostic[]): never {
  reportDiagnostics(ds);
  process.exit(EXIT_USAGE);
}

/** One line for an unexpected error (the stack only with ACI_SIM_DEBUG=1). */
export function describeError(e: unknown): string {
  if (process.env.ACI_SIM_DEBUG && e instanceof Error && e.stack) return e.stack;
  const msg = e instanceof Error ? e.message : String(e);
  return `aci-sim: unexpected error: ${msg.split('\n')[0]} (set ACI_SIM_DEBUG=1 for details)`;
}

/** The root command with usage errors turned into exit code 2; register commands after this. */
export function createProgram(name: string, version: string, description: string): Command {
  return new Command(name)
    .description(description)
    .version(version)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

/** Parses argv and runs the chosen command; maps every failure to an exit code. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  process.on('unhandledRejection', (e) => {
    process.stderr.write(`${describeError(e)}\n`);
    process.exit(EXIT_FAILURE);
  });
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and --version end with exit code 0; commander has already printed the message.
      process.exitCode = e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      return;
    }
    process.stderr.write(`${describeError(e)}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}
