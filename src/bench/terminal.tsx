// The game in a headless terminal: the UI's real output bytes (ink with the
// game's own render options, the alternate screen as `play` opens it) applied
// to an @xterm/headless emulator, and keys typed into a fake TTY. Used by the
// emulator tests (tests/ui/emulator.tsx adds the frame the UI meant to draw)
// and by `npm run bench` (time from a key to the redrawn screen).
import { EventEmitter } from 'node:events';
import xterm from '@xterm/headless';
import { type Instance, render } from 'ink';
import { App, type AppProps } from '../ui/App.js';
import { ALT_ON, RENDER_OPTIONS } from '../ui/start.js';

class TtyOut extends EventEmitter {
  readonly isTTY = true;
  /** Called after the emulator has applied each write. */
  onApplied: (() => void) | null = null;
  constructor(
    private readonly term: xterm.Terminal,
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (s: string): boolean => {
    this.term.write(s, () => this.onApplied?.());
    return true;
  };
}

/** A keyboard for ink: a TTY stdin whose `write` types a key. */
export class TtyIn extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write = (s: string) => {
    this.data = s;
    this.emit('readable');
    this.emit('data', s);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export interface HeadlessTerminal {
  term: xterm.Terminal;
  app: Instance;
  /** Types keys into the game. */
  type(keys: string): void;
  /** Resolves when the emulator has applied the next write of the game. */
  nextWrite(): Promise<void>;
  /** The emulator's screen, one string per row, right-trimmed. */
  read(): string[];
  /** Resizes the terminal and tells the game. */
  resize(columns: number, rows: number): void;
  close(): void;
}

/** Starts the game in an emulated terminal of the given size. */
export function openTerminal(props: Omit<AppProps, 'size'>, columns: number, rows: number): HeadlessTerminal {
  // convertEol: a TTY driver turns "\n" into CR LF (onlcr).
  const term = new xterm.Terminal({
    cols: columns,
    rows,
    allowProposedApi: true,
    scrollback: 0,
    convertEol: true,
  });
  const out = new TtyOut(term, columns, rows);
  const inp = new TtyIn();
  out.write(ALT_ON);
  const app = render(<App color={false} {...props} />, {
    ...RENDER_OPTIONS,
    patchConsole: false,
    exitOnCtrlC: false,
    stdout: out as unknown as NodeJS.WriteStream,
    stdin: inp as unknown as NodeJS.ReadStream,
    stderr: out as unknown as NodeJS.WriteStream,
  });
  return {
    term,
    app,
    type: (keys) => inp.write(keys),
    nextWrite: () =>
      new Promise<void>((resolve) => {
        out.onApplied = () => {
          out.onApplied = null;
          resolve();
        };
      }),
    read() {
      const buf = term.buffer.active;
      const lines: string[] = [];
      for (let y = 0; y < term.rows; y++)
        lines.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
      return lines;
    },
    resize(c, r) {
      term.resize(c, r);
      out.columns = c;
      out.rows = r;
      out.emit('resize');
    },
    close() {
      app.unmount();
      term.dispose();
    },
  };
}

/** ink's render throttle at RENDER_OPTIONS.maxFps, ms. */
export const THROTTLE_MS = Math.ceil(1000 / RENDER_OPTIONS.maxFps);
