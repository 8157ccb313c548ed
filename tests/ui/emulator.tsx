// The game as a terminal shows it: the UI's real output bytes (ink with the
// game's own render options) applied to a headless terminal emulator, beside
// a twin rendered in ink's debug mode that gives the frame the UI meant to draw.
import { stripVTControlCharacters } from 'node:util';
import { render as renderTwin } from 'ink-testing-library';
import { openTerminal, THROTTLE_MS } from '../../src/bench/terminal.js';
import { App, type AppProps } from '../../src/ui/App.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  const t = openTerminal(props, columns, rows);
  const { term } = t;
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
  const read = t.read;
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
        t.type(k);
        twin.stdin.write(k);
        await tick();
      }
      await settle();
    },
    async resize(c, r) {
      size = { columns: c, rows: r };
      t.resize(c, r);
      twin.rerender(<App color={false} {...props} size={size} />);
      await settle();
    },
    unmount() {
      t.close();
      twin.unmount();
    },
  };
}
