// The aci-sim command line as a function: main(argv, io) runs one command and
// resolves to its exit code; it never exits nor touches `process` (bin/aci-sim.js
// does, with processIo()). One file per command under commands/, each exporting
// register(program, ctx); to add a command, add it to the list below.
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import * as batch from './commands/batch.js';
import * as calibrate from './commands/calibrate.js';
import * as compare from './commands/compare.js';
import * as discover from './commands/discover.js';
import * as explain from './commands/explain.js';
import * as hindcast from './commands/hindcast.js';
import * as merge from './commands/merge.js';
import * as play from './commands/play.js';
import * as plot from './commands/plot.js';
import * as report from './commands/report.js';
import * as run from './commands/run.js';
import * as schema from './commands/schema.js';
import * as sensitivity from './commands/sensitivity.js';
import * as sources from './commands/sources.js';
import * as summarize from './commands/summarize.js';
import * as validate from './commands/validate.js';
import * as vote from './commands/vote.js';
import { createProgram, describeFailure, EXIT_OK, EXIT_USAGE } from './exit.js';
import type { CliIo, CommandContext } from './io.js';

export { describeError, describeFailure } from './exit.js';
export type { CliEvent, CliIo, CliOutput } from './io.js';
export { processIo } from './process-io.js';

/** Every command, in the order `aci-sim --help` lists them. */
export const COMMANDS = [
  play,
  run,
  compare,
  explain,
  vote,
  validate,
  schema,
  report,
  batch,
  merge,
  summarize,
  sensitivity,
  discover,
  plot,
  hindcast,
  calibrate,
  sources,
];

const version = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;

/** Runs `aci-sim ARGV…` (argv without node and the script) and resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let code = EXIT_OK;
  const ctx: CommandContext = {
    io,
    action:
      (handler) =>
      async (...args) => {
        code = await handler(...args);
      },
  };
  const program = createProgram(
    'aci-sim',
    version(),
    'Simulate EU–China economic escalation: export controls, the Anti-Coercion Instrument and the landing zone.',
    io,
  );
  for (const command of COMMANDS) command.register(program, ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    // Help and --version end with exit code 0; commander has already printed the message.
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    const failure = describeFailure(e, io.env);
    io.stderr.write(`${failure.text}\n`);
    return failure.code;
  }
}
