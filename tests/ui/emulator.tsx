// The game as a terminal shows it: the UI's real output bytes (ink with the
// game's own render options) applied to a headless terminal emulator, beside
// a twin rendered in ink's debug mode that gives the frame the UI meant to draw.
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import xterm from '@xterm/headless';
import { render } from 'ink';
import { render as renderTwin } from 'ink-testing-library';
import { App, type AppProps } from '../../src/ui/App.js';
import { ALT_ON, RENDER_OPTIONS } from '../../src/ui/start.js';

class TtyOut extends EventEmitter {
  readonly isTTY = true;
  constructor(
    private readonly term: xterm.Terminal,
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (s: string): boolean => {
    this.term.write(s);
    return true;
  };
}

class TtyIn extends EventEmitter {
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

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
/** ink's render throttle at RENDER_OPTIONS.maxFps. */
const THROTTLE_MS = Math.ceil(1000 / RENDER_OPTIONS.maxFps);

export interface Emulated {
  /**
   * The emulator's screen, one string per row, right-trimmed, once it shows the
   * intended frame or 5 s have passed (ink throttles redraws to maxFps, and a
   * loaded machine may be slow): a corrupted screen never converges.
   */
  screen(): Promise<string[]>;
  /** The frame the UI meant to draw, as the same rows. */
  intended(): string[];
  press(...keys: string[]): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  unmount(): void;
}

/** Starts the game in an emulated terminal of the given size (alternate screen, as `play` does). */
export async function emulate(
  props: Omit<AppProps, 'size'>,
  columns: number,
  rows: number,
): Promise<Emulated> {
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
  let size = { columns, rows };
  const twin = renderTwin(<App color={false} {...props} size={size} />);
  await tick();
  // ink draws at most once per throttle window and defers a later frame to a trailing timer (a resize
  // re-renders at once, then again when the app's new size arrives). A timer set after that one with a
  // longer delay fires after it however loaded the machine, so the screen read is the last frame.
  const settle = async () => {
    for (let i = 0; i < 3; i++) await tick();
    await new Promise((resolve) => setTimeout(resolve, THROTTLE_MS + 5));
    for (let i = 0; i < 3; i++) await tick();
    await new Promise<void>((resolve) => term.write('', resolve));
  };
  await settle();
  const read = () => {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++)
      lines.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return lines;
  };
  const intended = () => {
    const lines = stripVTControlCharacters(twin.lastFrame() ?? '')
      .split('\n')
      .map((l) => l.trimEnd());
    while (lines.length < size.rows) lines.push('');
    return lines.slice(0, size.rows);
  };
  return {
    async screen() {
      const until = Date.now() + 5000;
      for (;;) {
        await settle();
        const lines = read();
        if (Date.now() > until || JSON.stringify(lines) === JSON.stringify(intended())) return lines;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    intended,
    async press(...keys) {
      for (const k of keys) {
        inp.write(k);
        twin.stdin.write(k);
        await tick();
      }
      await settle();
    },
    async resize(c, r) {
      size = { columns: c, rows: r };
      term.resize(c, r);
      out.columns = c;
      out.rows = r;
      out.emit('resize');
      twin.rerender(<App color={false} {...props} size={size} />);
      await settle();
    },
    unmount() {
      app.unmount();
      twin.unmount();
      term.dispose();
    },
  };
}
