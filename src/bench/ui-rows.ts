// The game screen's speed for the benchmark table: runs ui-latency.js in a
// fresh process and sums up its samples (median and 90th percentile, ms).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Stat {
  median: number;
  p90: number;
  n: number;
  /** Median CPU ms of the process over the same interval. */
  cpu: number;
}

export interface Latency {
  /** ↓ on the orders list: key typed → screen redrawn. */
  key: Stat;
  /** The key that plays a round → screen redrawn. */
  round: Stat;
}

const stats = (xs: [number, number][]): Stat => {
  const at = (v: number[], p: number) =>
    v.sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(p * v.length))] ?? Number.NaN;
  const wall = xs.map((x) => x[0]);
  return {
    median: at(wall, 0.5),
    p90: at(wall, 0.9),
    n: xs.length,
    cpu: at(
      xs.map((x) => x[1]),
      0.5,
    ),
  };
};

export function uiLatency(presses: number, rounds: number, cacheDir: string): Latency {
  const script = fileURLToPath(new URL('./ui-latency.js', import.meta.url));
  const child = spawnSync(process.execPath, [script, String(presses), String(rounds), cacheDir], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`ui-latency child failed: ${child.stderr.trim()}`);
  // ink writes its cursor codes after the JSON line.
  const r = JSON.parse(child.stdout.split('\n')[0]!) as {
    keys: [number, number][];
    round: [number, number][];
  };
  return { key: stats(r.keys), round: stats(r.round) };
}

const ms = (x: Stat) =>
  `${x.median.toFixed(0)} ms median, ${x.p90.toFixed(0)} ms p90 (CPU ${x.cpu.toFixed(0)} ms; ${x.n} samples)`;
const WHY =
  'ink redraws the whole 120×40 frame on every change (React render, Yoga layout, the frame written whole); the load of other processes stretches the wall time.';

/** The benchmark's rows: what, value, target, met, and by how much and why when missed. */
export function uiRows(
  quick: boolean,
  cacheDir: string,
): [string, string, string, boolean, { by: string; why: string }][] {
  const l = uiLatency(quick ? 20 : 100, quick ? 4 : 12, cacheDir);
  return [
    [
      'game at 120×40: key press (↓) → screen redrawn',
      ms(l.key),
      '< 50 ms',
      l.key.median < 50,
      { by: `${(l.key.median - 50).toFixed(0)} ms`, why: WHY },
    ],
    [
      'game at 120×40: a round played (key → redrawn)',
      ms(l.round),
      '< 200 ms',
      l.round.median < 200,
      {
        by: `${(l.round.median - 200).toFixed(0)} ms`,
        why: `${WHY} A round adds the engine's step and the computer's next orders.`,
      },
    ],
  ];
}
