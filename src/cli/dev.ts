// `npm run dev`: bin/aci-sim.js from the TypeScript sources (through tsx).
import { describeError, main, processIo } from './main.js';

process.on('unhandledRejection', (e) => {
  process.stderr.write(`${describeError(e, process.env)}\n`);
  process.exit(1);
});
process.exitCode = await main(process.argv.slice(2), processIo());
