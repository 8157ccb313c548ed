// Executes chunks on W runners: with one, this thread; with more, W worker
// threads, while this thread hands out chunks, writes and summarises (little
// work, so the W runners get the W cores). Workers receive the compiled
// scenarios and the plan as data (they load no YAML, schema or compiler) and
// compute their runs themselves from plan positions. Workers run the built
// JavaScript; from TypeScript sources they load through tsx, unless a test
// points them at the built worker (startBuiltWorkers).
import { createRequire } from 'node:module';
import { setImmediate as tick } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../engine/index.js';
import { type ChunkRequest, type ChunkResult, makeRunner, type RunnerConfig } from './runner.js';

export interface Executor {
  /** Runners: chunks that may be in flight at once is twice this. */
  readonly size: number;
  run(req: ChunkRequest): Promise<ChunkResult>;
  close(): Promise<void>;
}

interface Pending {
  req: ChunkRequest;
  resolve: (r: ChunkResult) => void;
  reject: (e: Error) => void;
}

/** A runner with its queue: this thread or a worker thread. */
interface Slot {
  readonly queue: Pending[];
  push(p: Pending): void;
  stop(): Promise<unknown>;
}

/** Young generation of a worker thread, and the old generation's base cap, MB. */
const YOUNG_MB = 8;
const OLD_MB = 48;

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; result: ChunkResult }
  | { type: 'fatal'; message: string };

/** This thread as a runner, with the scenarios the caller has loaded. */
function localSlot(cfg: RunnerConfig, scenarios: readonly Scenario[]): Slot {
  const run = makeRunner(cfg, scenarios);
  const queue: Pending[] = [];
  let busy = false;
  const next = async () => {
    if (busy) return;
    busy = true;
    for (let p = queue[0]; p; p = queue[0]) {
      await tick(); // let results, timers (progress) and signals through between chunks
      try {
        p.resolve(run(p.req));
      } catch (e) {
        p.reject(e instanceof Error ? e : new Error(String(e)));
      }
      queue.shift();
    }
    busy = false;
  };
  return {
    queue,
    push: (p) => {
      queue.push(p);
      void next();
    },
    stop: async () => {},
  };
}

/** The built worker the tests (run from sources) start instead of worker.ts behind tsx: see startBuiltWorkers. */
let builtWorker: URL | null = null;

/**
 * A seam for the tests: from sources, start `entry` (dist/batch/worker.js,
 * built from these sources before the tests) rather than worker.ts behind
 * tsx's loader, which costs each worker 0.4-1 s more CPU (measured at load 10).
 */
export function startBuiltWorkers(entry: URL | null): void {
  builtWorker = entry;
}

/** The worker's entry: dist/batch/worker.js, or (from sources) worker.ts behind tsx's loader. */
function workerUrl(entryOverride?: URL): URL {
  if (!import.meta.url.endsWith('.ts')) return entryOverride ?? new URL('./worker.js', import.meta.url);
  if (entryOverride?.pathname.endsWith('.js')) return entryOverride; // JavaScript needs no loader
  if (!entryOverride && builtWorker) return builtWorker;
  // Node 20 ignores `--import tsx` in a worker's execArgv for its entry; register tsx inside the worker.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  );
  const entry = entryOverride ?? new URL('./worker.ts', import.meta.url);
  const code = `import { register } from ${JSON.stringify(api.href)}; register(); await import(${JSON.stringify(entry.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/**
 * A worker's heap limits. What a worker keeps (its scenarios and plan, a
 * chunk's rows) is small, so an old generation capped well above that keeps
 * it at a few tens of MB; uncapped, V8 lets promoted garbage pile up to
 * ~100 MB per worker before it collects. The cap grows with the scenarios
 * sent (`dataBytes`). The young generation trades memory for time: at 8 MB
 * (two 4 MB semi-spaces; 16 MB gave 8 MB ones) a worker takes ~11 MB less
 * and scavenges twice as often, which cost no measurable CPU per run (a run
 * of the default scenario allocates ~0.5 MB; a scavenge copies the run in
 * progress). Capping the old generation lower saves little more (V8 already
 * collects it at about live + 4 MB + a semi-space) and multiplies full
 * collections.
 */
function resourceLimits(dataBytes: number) {
  return {
    maxYoungGenerationSizeMb: YOUNG_MB,
    maxOldGenerationSizeMb: OLD_MB + Math.ceil((8 * dataBytes) / 2 ** 20),
  };
}

/** A worker thread as a runner; `ready` settles once it has rebuilt its scenarios. */
function workerSlot(url: URL, cfg: RunnerConfig, dataBytes: number): Slot & { ready: Promise<void> } {
  const worker = new Worker(url, { workerData: cfg, resourceLimits: resourceLimits(dataBytes) });
  const queue: Pending[] = [];
  let failure: Error | null = null;
  let stopping = false;
  const fail = (e: Error) => {
    failure ??= e;
    for (const p of queue.splice(0)) p.reject(failure);
  };
  const ready = new Promise<void>((resolve, reject) => {
    const die = (e: Error) => {
      reject(e);
      fail(e);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'result') queue.shift()?.resolve(m.result);
      else die(new Error(`batch worker failed: ${m.message}`));
    });
    worker.on('error', (e) => die(new Error(`batch worker failed: ${e.message}`)));
    worker.on('exit', (code) => {
      if (!stopping) die(new Error(`batch worker stopped (exit code ${code})`));
    });
  });
  return {
    queue,
    ready,
    push: (p) => {
      if (failure) return p.reject(failure);
      queue.push(p);
      worker.postMessage(p.req);
    },
    stop: () => {
      stopping = true;
      return worker.terminate();
    },
  };
}

/**
 * `size` runners: this thread alone (with the scenarios already compiled
 * here), or `size` worker threads once every worker is ready.
 */
export async function startPool(
  size: number,
  cfg: RunnerConfig,
  scenarios: readonly Scenario[],
  /** Another worker entry (tests: one that crashes). */
  entry?: URL,
): Promise<Executor> {
  const url = workerUrl(entry);
  const dataBytes = size > 1 ? JSON.stringify(cfg.scenarios).length : 0;
  const workers = size > 1 ? Array.from({ length: size }, () => workerSlot(url, cfg, dataBytes)) : [];
  try {
    await Promise.all(workers.map((w) => w.ready));
  } catch (e) {
    await Promise.all(workers.map((w) => w.stop()));
    throw e;
  }
  const slots: Slot[] = workers.length > 0 ? workers : [localSlot(cfg, scenarios)];
  return {
    size: slots.length,
    // The least busy runner (on a tie the first).
    run: (req) =>
      new Promise<ChunkResult>((resolve, reject) => {
        const slot = slots.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
        slot.push({ req, resolve, reject });
      }),
    close: async () => {
      await Promise.all(slots.map((s) => s.stop()));
    },
  };
}
