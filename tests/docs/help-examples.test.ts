// Every `--help` example of every command runs, in order, in a fresh folder
// (help-examples.ts): the commands that play or score games here, those that
// run batches in help-examples-batch.test.ts, so that the two run side by side.
import { describe, expect, it } from 'vitest';
import { allCommands, BATCH_COMMANDS, expectExamplesRun } from './help-examples.js';

const commands = await allCommands();

describe('--help examples', () => {
  it('cover every command', () => {
    expect(commands.length).toBeGreaterThanOrEqual(16);
    expect(BATCH_COMMANDS.filter((c) => !commands.includes(c))).toEqual([]);
  });

  for (const command of commands.filter((c) => !BATCH_COMMANDS.includes(c)))
    it(`every example of ${command} --help runs`, () => expectExamplesRun(command));
});
