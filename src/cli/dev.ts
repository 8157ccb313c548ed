// `npm run dev`: bin/aci-sim.js from the TypeScript sources (through tsx).
import { describeFailure, main, processIo } from './main.js';

process.on('unhandledRejection', (e) => {
  const failure = describeFailure(e, process.env);
  process.stderr.write(`${failure.text}\n`);
  process.exit(failure.code);
});
process.exitCode = await main(process.argv.slice(2), processIo());
