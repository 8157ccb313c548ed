// Every `--help` example of the batch commands runs, in order, in a fresh
// folder (help-examples.ts); the other commands: help-examples.test.ts.
import { describe, it } from 'vitest';
import { BATCH_COMMANDS, expectExamplesRun } from './help-examples.js';

describe('--help examples of the batch commands', () => {
  for (const command of BATCH_COMMANDS)
    it(`every example of ${command} --help runs`, () => expectExamplesRun(command));
});
