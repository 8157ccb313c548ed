#!/usr/bin/env node
// Runs the built CLI on this process; `npm install` builds dist/ through the
// prepare script. The only place that sets the exit code.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('aci-sim is not built yet: run `npm install` (or `npm run build`) first.\n');
  process.exit(2);
}
const { main, processIo, describeError } = await import(entry.href);
process.on('unhandledRejection', (e) => {
  process.stderr.write(`${describeError(e, process.env)}\n`);
  process.exit(1);
});
process.exitCode = await main(process.argv.slice(2), processIo());
