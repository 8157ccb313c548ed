// The aci-sim command line: one file per command under commands/, each
// exporting register(program). To add a command, add it to the list below.
import { readFileSync } from 'node:fs';
import * as batch from './commands/batch.js';
import * as explain from './commands/explain.js';
import * as merge from './commands/merge.js';
import * as play from './commands/play.js';
import * as report from './commands/report.js';
import * as run from './commands/run.js';
import * as schema from './commands/schema.js';
import * as sensitivity from './commands/sensitivity.js';
import * as summarize from './commands/summarize.js';
import * as validate from './commands/validate.js';
import * as vote from './commands/vote.js';
import { createProgram, runProgram } from './exit.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = createProgram(
  'aci-sim',
  pkg.version,
  'Simulate EU–China economic escalation: export controls, the Anti-Coercion Instrument and the landing zone.',
);

for (const command of [
  play,
  run,
  explain,
  vote,
  validate,
  schema,
  report,
  batch,
  merge,
  summarize,
  sensitivity,
])
  command.register(program);

await runProgram(program, process.argv);
