// The real binary under a pseudo-terminal (script(1) from util-linux), for the
// game's terminal tests: keys are typed, the screen read as plain text.
// Waiting always ends when the game exits, failing with what it printed.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { ROOT } from './cli.js';
import { BIN } from './spawn.js';

export const hasScript = spawnSync('script', ['--version']).status === 0;

const started: ChildProcess[] = [];

/** Kills every game started here that is still running (for afterAll). */
export function killStarted(): void {
  for (const p of started.splice(0)) killGame(p);
}

/** The game under script(1): script's children, found in /proc (none once script has exited). */
function childrenOf(p: ChildProcess): number[] {
  try {
    return readFileSync(`/proc/${p.pid}/task/${p.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number)
      .filter((c) => c > 0);
  } catch {
    return [];
  }
}

/** Whether the game's terminal is in raw mode (ink reads keys one by one), asked through stty(1). */
function rawMode(p: ChildProcess): boolean {
  const [game] = childrenOf(p);
  if (game === undefined) return false;
  try {
    const tty = readlinkSync(`/proc/${game}/fd/0`);
    return /(^|\s)-icanon(\s|$)/.test(spawnSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' }).stdout);
  } catch {
    return false; // the game is gone
  }
}

/** Kills the game under script(1), then script if still there. */
function killGame(p: ChildProcess): void {
  const kill = (pid: number, group = false) => {
    try {
      process.kill(group ? -pid : pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  for (const c of childrenOf(p)) kill(c);
  if (p.exitCode === null && p.signalCode === null) kill(p.pid!, true);
}

/** ink draws only the last frame when CI is set; a terminal test is not CI. */
function withoutCi(): NodeJS.ProcessEnv {
  const { CI: _, CONTINUOUS_INTEGRATION: __, ...env } = process.env;
  return env;
}

/** The game under a pseudo-terminal of the given size; keys are typed, output read as plain text. */
export function pty(
  args: string,
  env: Record<string, string> = {},
  size = { cols: 100, rows: 30 },
  cwd = ROOT,
) {
  const p: ChildProcess = spawn(
    'script',
    ['-qfec', `stty cols ${size.cols} rows ${size.rows}; exec node ${BIN} play ${args}`, '/dev/null'],
    { cwd, detached: true, env: { ...withoutCi(), ...env } },
  );
  started.push(p);
  const chunks: Buffer[] = [];
  p.stdout!.on('data', (c: Buffer) => chunks.push(c));
  let ended = false;
  const exited = new Promise<number | null>((res) =>
    p.on('close', (code) => {
      ended = true;
      res(code);
    }),
  );
  const gone = (what: string) =>
    new Error(`the game exited before ${what}; its terminal:\n${plain().slice(-3000)}`);
  const raw = () => Buffer.concat(chunks).toString('utf8');
  let mark = 0;
  const plain = () => stripVTControlCharacters(raw());
  return {
    raw,
    plain,
    exited,
    /**
     * Waits for `text` on the screen and for the game to read keys (raw mode); fails with the
     * screen (stderr included) once the game has exited.
     */
    async until(text: string) {
      while (!plain().slice(mark).includes(text)) {
        if (ended) throw gone(`"${text}" appeared`);
        await new Promise((r) => setTimeout(r, 20));
      }
      mark = plain().length;
      while (!rawMode(p)) {
        if (ended) return; // the game has finished with that screen: the caller awaits `exited`
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    type(keys: string) {
      mark = plain().length;
      p.stdin!.write(keys);
    },
    /** SIGKILL to the game itself (script's child), as a crash or a closed laptop would. */
    kill: () => killGame(p),
    /** A signal to the game itself (script's child). */
    signal(sig: NodeJS.Signals) {
      for (const c of childrenOf(p)) process.kill(c, sig);
    },
  };
}
