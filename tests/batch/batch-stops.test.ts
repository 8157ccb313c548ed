// A batch stopped halfway, in-process: a worker thread that dies, and Ctrl-C.
// Either way the finished runs are kept in order and --resume ends with the
// bytes of an uninterrupted run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndPlan, runWithSignals } from '../../src/cli/commands/batch.js';
import type { CliEvent, CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { rowsIn } from '../helpers/batch-files.js';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-batch-stops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const RUNS = 1200;
const args = (f: string, workers = '2') => [
  'batch',
  'tests/fixtures/scenarios/mini.yaml',
  '--runs',
  String(RUNS),
  '--workers',
  workers,
  '--quiet',
  '--out',
  f,
];

/** An in-process io that records output and lets the test send signals. */
function fakeIo() {
  const out = { stdout: '', stderr: '' };
  const listeners = new Map<CliEvent, Set<() => void>>();
  let exited: number | null = null;
  const io: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    cwd: ROOT,
    env: {},
    on: (e, l) => {
      const set = listeners.get(e) ?? new Set();
      listeners.set(e, set);
      set.add(l);
      return () => set.delete(l);
    },
    exit: (code) => {
      exited = code;
    },
  };
  const send = (e: CliEvent) => {
    for (const l of listeners.get(e) ?? []) l();
  };
  return { io, out, send, exited: () => exited };
}

/**
 * The bytes of an uninterrupted batch (one worker), run once: its output,
 * kept.csv, is also the finished output a --force rerun dies over.
 */
const KEPT = join(dir, 'kept.csv');
let reference: Promise<Buffer> | null = null;
const referenceBytes = () => {
  reference ??= (async () => {
    const { io, out } = fakeIo();
    const code = await main(args(KEPT, '1'), io);
    if (code !== 0) throw new Error(`reference batch failed (exit ${code}): ${out.stderr}`);
    return readFileSync(KEPT);
  })();
  return reference;
};

describe('a batch stopped halfway', () => {
  it('keeps the finished runs when a worker dies, says so, exits 1, and resumes to the same bytes', async () => {
    const f = join(dir, 'crashed.csv');
    const { io, out } = fakeIo();
    const loaded = await loadAndPlan(io, 'tests/fixtures/scenarios/mini.yaml', { runs: RUNS });
    expect(loaded).not.toBeNull();
    const r = await runWithSignals(io, loaded!.exp, loaded!.plan, {
      shard: { index: 1, count: 1 },
      workers: 2,
      out: { file: f, format: 'csv' },
      flags: { quiet: true },
      workerEntry: new URL('../fixtures/workers/crash-on-third-chunk.js', import.meta.url),
    });
    expect(r).toBe('crashed');
    expect(out.stderr).toMatch(
      new RegExp(
        `^batch worker stopped \\(exit code 3\\): stopped after \\d+ of ${RUNS} runs, which are kept in ${f}; continue with the same command and --resume\n$`,
      ),
    );
    const kept = Number(/after (\d+) of/.exec(out.stderr)![1]);
    expect(kept % 200).toBe(0);
    expect(kept).toBeLessThan(RUNS);
    expect(rowsIn(f)).toBe(kept);
    expect(existsSync(f)).toBe(false);
    const resumed = fakeIo();
    expect(await main([...args(f), '--resume'], resumed.io)).toBe(0);
    expect(resumed.out.stderr).toBe('');
    expect(readFileSync(f)).toEqual(await referenceBytes());
  });

  it('keeps a finished output whole when a --force rerun over it dies halfway', async () => {
    const f = KEPT;
    const before = await referenceBytes(); // a finished batch, exit 0
    expect(readFileSync(f)).toEqual(before);
    const manifest = readFileSync(`${f}.manifest.json`);
    const again = fakeIo();
    const loaded = await loadAndPlan(again.io, 'tests/fixtures/scenarios/mini.yaml', { runs: RUNS });
    const r = await runWithSignals(again.io, loaded!.exp, loaded!.plan, {
      shard: { index: 1, count: 1 },
      workers: 2,
      out: { file: f, format: 'csv' },
      flags: { quiet: true, force: true },
      workerEntry: new URL('../fixtures/workers/crash-on-third-chunk.js', import.meta.url),
    });
    expect(r).toBe('crashed');
    // The old output and its manifest are untouched until a rerun finishes; the new rows wait in .tmp.
    expect(readFileSync(f)).toEqual(before);
    expect(readFileSync(`${f}.manifest.json`)).toEqual(manifest);
    expect(existsSync(`${f}.tmp`)).toBe(true);
    expect(existsSync(`${f}.lock`), 'the lock is released').toBe(false);
  });

  it('stops on Ctrl-C after the runs under way, quits at once (exit 130) on a second Ctrl-C, and resumes', async () => {
    const f = join(dir, 'ctrl-c.csv');
    const { io, out, send, exited } = fakeIo();
    const loaded = await loadAndPlan(io, 'tests/fixtures/scenarios/mini.yaml', { runs: RUNS });
    let rows = 0;
    const r = await runWithSignals(io, loaded!.exp, loaded!.plan, {
      shard: { index: 1, count: 1 },
      // One runner: with two, a fast one could finish every chunk before the
      // slow one's first is written, on a loaded machine; one runner has at
      // most two chunks in flight whatever the load. The resume uses two.
      workers: 1,
      out: { file: f, format: 'csv' },
      flags: { quiet: true },
      // Ctrl-C twice as the first chunk is written: no chunk is handed out after it.
      onRow: () => {
        if (++rows !== 200) return;
        send('SIGINT');
        expect(exited()).toBeNull();
        send('SIGINT');
      },
    });
    expect(exited()).toBe(130);
    expect(r !== null && r !== 'crashed' && [r.state, r.ok < RUNS]).toEqual(['interrupted', true]);
    expect(out.stderr).toBe('\nstopping: finishing the runs under way (Ctrl-C again to quit at once)\n');
    expect(existsSync(f)).toBe(false);
    const resumed = fakeIo();
    expect(await main([...args(f), '--resume'], resumed.io)).toBe(0);
    expect(readFileSync(f)).toEqual(await referenceBytes());
  });
});
