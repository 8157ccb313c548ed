// Progress on stderr: a bar redrawn in place when stderr is a terminal, a
// plain line every few seconds otherwise (logs, Slurm), nothing when quiet.

export interface Progress {
  update(done: number, failed: number): void;
  finish(done: number, failed: number): void;
}

export type ProgressMode = 'tty' | 'lines' | 'quiet';

const LINE_EVERY_MS = 5000;
const DRAW_EVERY_MS = 100;

const duration = (s: number) => {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
};

/** `total` runs in this shard, `already` of them done before (resume). */
export function makeProgress(
  mode: ProgressMode,
  total: number,
  already: number,
  write: (s: string) => void = (s) => process.stderr.write(s),
  now: () => number = () => performance.now(),
): Progress {
  const t0 = now();
  let last = -Infinity;
  const text = (done: number, failed: number) => {
    const secs = (now() - t0) / 1000;
    const rate = secs > 0 ? (done - already) / secs : 0;
    const eta = rate > 0 ? (total - done) / rate : Number.NaN;
    const pct = total > 0 ? (100 * done) / total : 100;
    return {
      secs,
      rate,
      eta,
      pct,
      tail: `${done}/${total} runs  ${rate.toFixed(0)} runs/s  ETA ${duration(eta)}  ${failed} failed`,
    };
  };
  if (mode === 'quiet') return { update: () => {}, finish: () => {} };
  if (mode === 'lines')
    return {
      update(done, failed) {
        const t = now();
        if (t - last < LINE_EVERY_MS) return;
        last = t;
        const x = text(done, failed);
        write(`batch: ${x.pct.toFixed(1)}%  ${x.tail}\n`);
      },
      finish(done, failed) {
        const x = text(done, failed);
        write(
          `batch: ${done < total ? 'stopped' : 'done'}  ${done}/${total} runs in ${duration(x.secs)}  ${x.rate.toFixed(0)} runs/s  ${failed} failed\n`,
        );
      },
    };
  const draw = (done: number, failed: number) => {
    const x = text(done, failed);
    const width = 24;
    const full = Math.round((x.pct / 100) * width);
    write(
      `\r\x1b[K[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${x.pct.toFixed(0).padStart(3)}%  ${x.tail}`,
    );
  };
  return {
    update(done, failed) {
      const t = now();
      if (t - last < DRAW_EVERY_MS) return;
      last = t;
      draw(done, failed);
    },
    finish(done, failed) {
      draw(done, failed);
      write('\n');
    },
  };
}
