// Shared helpers for the game's screen tests: a loaded tutorial, a session,
// a rendered App with keys typed one macrotask apart, frames without ANSI.
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { replaySession, type Session } from '../../src/engine/index.js';
import { type LoadedScenario, loadScenario } from '../../src/io/load-scenario.js';
import { runSeed } from '../../src/rng/streams.js';
import { App, type AppProps } from '../../src/ui/App.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** The tutorial with stakes small enough that a deal is within reach. */
export const DEAL_SET = { 'blocs.EU.stakes': 2, 'blocs.CN.stakes': 1.5 };

const loaded = new Map<string, Promise<LoadedScenario>>();

/**
 * The screens are pinned on the tutorial played with `optimism` 1, each side
 * sure it would win by going on (the model as first built): a computer side
 * then does not settle in the first rounds, and a test reaches the votes,
 * offers and rounds it looks at. The default's games are pinned by
 * tests/engine/golden.test.ts.
 */
const SCREEN_SET = { 'parameters.optimism': 1 };

/** The tutorial scenario (loaded once per set of overrides). */
export function tutorial(set: Record<string, number | string> = {}): Promise<LoadedScenario> {
  const key = JSON.stringify(set);
  let p = loaded.get(key);
  if (!p) {
    p = loadScenario('tutorial', { cwd: ROOT, set: { ...SCREEN_SET, ...set } }).then((r) => {
      if (!r.ok) throw new Error(r.error.map((d) => d.message).join('\n'));
      return r.value;
    });
    loaded.set(key, p);
  }
  return p;
}

export async function session(
  players: { target: string; coercer: string } = { target: 'human', coercer: 'best_response' },
  set: Record<string, number | string> = {},
  seed = 7,
): Promise<Session> {
  const loaded = await tutorial(set);
  return replaySession({ sc: loaded.scenario, seed: runSeed(seed, 0, 0), players }, []);
}

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  esc: '\u001B',
  backspace: '\u007F',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
} as const;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function renderGame(props: AppProps) {
  const r = render(<App color={false} size={{ columns: 100, rows: 30 }} {...props} />);
  await tick();
  return {
    ...r,
    frame: () => stripVTControlCharacters(r.lastFrame() ?? ''),
    async press(...keys: string[]) {
      for (const k of keys) {
        r.stdin.write(k);
        await tick();
      }
      await tick();
    },
  };
}
