// Runs `aci-sim play ARGS` in this process through main(), on a fake terminal
// (stdin and stdout say isTTY), typing each key once the screen shows what the
// step waits for: a game driven as a person would, without a pseudo-terminal.
import { Console } from 'node:console';
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { TtyIn } from '../../src/bench/terminal.js';
import { main } from '../../src/cli/main.js';
import type { CliResult } from './cli.js';

/** A key to type, once the screen has shown `after` since the previous key. */
export interface ScriptedKey {
  after: string;
  key: string;
}

class FakeTtyOut extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 120;
  readonly rows = 40;
  text = '';
  write = (s: string): boolean => {
    this.text += s;
    this.emit('written');
    return true;
  };
}

/**
 * Plays `aci-sim ARGS` with `keys`; stdout is what the terminal received, ANSI
 * stripped. Waits on the screen, never on the clock: a step whose text never
 * comes fails when the game ends or the test times out.
 */
export async function scriptedPlay(
  args: readonly string[],
  keys: readonly ScriptedKey[],
  opts: { cwd: string; env?: Record<string, string | undefined> },
): Promise<CliResult> {
  const out = new FakeTtyOut();
  const inp = new TtyIn();
  let stderr = '';
  let ended = false;
  // ink patches the console through console.Console, which vitest's console lacks.
  const patched = (console as { Console?: unknown }).Console === undefined;
  if (patched) Object.assign(console, { Console });
  // The journal is named relative to the process's cwd, as for a user.
  const was = process.cwd();
  process.chdir(opts.cwd);
  const done = main(args, {
    stdin: inp,
    stdout: out,
    stderr: { write: (s: string) => (stderr += s) },
    cwd: opts.cwd,
    env: { ...opts.env },
  }).finally(() => {
    if (patched) delete (console as { Console?: unknown }).Console;
    process.chdir(was);
    ended = true;
    out.emit('written');
  });
  let from = 0;
  for (const { after, key } of keys) {
    await new Promise<void>((resolve) => {
      const check = () => {
        if (ended || stripVTControlCharacters(out.text.slice(from)).includes(after)) {
          out.off('written', check);
          resolve();
        }
      };
      out.on('written', check);
      check();
    });
    if (ended) break;
    from = out.text.length;
    // ink reads input on the next turn of the event loop after a frame.
    await new Promise((resolve) => setImmediate(resolve));
    inp.write(key);
  }
  const code = await done;
  return { code, stdout: stripVTControlCharacters(out.text), stderr };
}
