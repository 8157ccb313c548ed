// Child process of the benchmark: the game (default scenario, the EU played
// by keys, China by best_response) at 120×40 in a headless terminal
// (terminal.tsx), timed from a key typed to the redrawn screen applied by the
// emulator: a cursor move (↓), and the key that plays a round (Enter on the
// orders, or `r` refusing the computer's offer): the engine's step, the
// computer's next orders and the redraw. Keys are typed one throttle window
// apart, so ink draws each at once. Prints JSON: the ms of every sample.
// Usage: node dist/bench/ui-latency.js <key presses> <rounds> [cacheDir]
import { replaySession } from '../engine/index.js';
import { formatDiagnostics } from '../io/diagnostics.js';
import { loadScenario } from '../io/load-scenario.js';
import { DEFAULT_SCENARIO } from '../io/scenario-ref.js';
import { runSeed } from '../rng/streams.js';
import { openTerminal, THROTTLE_MS } from './terminal.js';

const [presses = '60', rounds = '8', cacheDir] = process.argv.slice(2);
const r = await loadScenario(DEFAULT_SCENARIO, cacheDir ? { cacheDir } : {});
if (!r.ok) throw new Error(formatDiagnostics(r.error));
const session = replaySession(
  { sc: r.value.scenario, seed: runSeed(1, 0, 0), players: { target: 'human', coercer: 'best_response' } },
  [],
);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const t = openTerminal({ session }, 120, 40);
await sleep(200);

/**
 * ms from typing the key to the emulator having applied the next frame, wall and this process's
 * CPU (which other processes change much less); null if no frame came in 2 s.
 */
async function timed(key: string): Promise<[number, number] | null> {
  await sleep(THROTTLE_MS + 5);
  const drawn = t.nextWrite().then(() => true);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  t.type(key);
  const ok = await Promise.race([drawn, sleep(2000).then(() => false)]);
  const c = process.cpuUsage(c0);
  return ok ? [performance.now() - t0, (c.user + c.system) / 1000] : null;
}

const screen = () => t.read().join('\n');
/** Closes the cards a round may open (the vote panel, the next round's scripted events). */
async function closeCards() {
  for (let i = 0; i < 4 && /any key/.test(t.read()[1] ?? ''); i++) await timed(' ');
}

const keys: [number, number][] = [];
const round: [number, number][] = [];
await closeCards();
for (let i = 0; i < Number(presses); i++) {
  const ms = await timed('\u001B[B');
  if (ms !== null) keys.push(ms);
}
for (let i = 0; i < Number(rounds) && !screen().includes('game over'); i++) {
  let ms = await timed('\r');
  if (screen().includes('a accept · r refuse')) ms = await timed('r');
  if (ms !== null) round.push(ms);
  await closeCards();
}
t.close();
process.stdout.write(`${JSON.stringify({ keys, round })}\n`);
process.exit(0);
