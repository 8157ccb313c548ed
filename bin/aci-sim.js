#!/usr/bin/env node
// Runs the built CLI on this process; `npm install` builds dist/ through the
// prepare script. The only place that sets the exit code.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('aci-sim is not built yet: run `npm install` (or `npm run build`) first.\n');
  process.exit(2);
}
const { main, processIo, describeFailure } = await import(entry.href);
process.on('unhandledRejection', (e) => {
  const failure = describeFailure(e, process.env);
  process.stderr.write(`${failure.text}\n`);
  process.exit(failure.code);
});
process.exitCode = await main(process.argv.slice(2), processIo());
