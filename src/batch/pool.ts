// Executes chunks on W runners: this thread and W − 1 worker threads. The
// main thread only coordinates and writes, so it runs chunks too: that saves
// a whole JavaScript heap (mathjs and the compiled scenario, ~120 MB) at no
// cost in speed. Each worker loads and compiles the scenario once. Workers run
// the built JavaScript; from TypeScript sources (tests) they load through tsx.
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

/** The worker's entry: dist/batch/worker.js, or (from sources) worker.ts behind tsx's loader. */
function workerUrl(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./worker.js', import.meta.url);
  // Node 20 ignores `--import tsx` in a worker's execArgv for its entry; register tsx inside the worker.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  );
  const entry = new URL('./worker.ts', import.meta.url);
  const code = `import { register } from ${JSON.stringify(api.href)}; register(); await import(${JSON.stringify(entry.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

// A roomy young generation: most of a run's garbage then dies young instead of being promoted
// to the old generation, whose growth heap.ts curbs with (costly) full collections.
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 32 };

/** A worker thread as a runner; `ready` settles once it has compiled its scenarios. */
function workerSlot(url: URL, cfg: RunnerConfig): Slot & { ready: Promise<void> } {
  const worker = new Worker(url, { workerData: cfg, resourceLimits: RESOURCE_LIMITS });
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
 * `size` runners: this thread (with the scenarios already loaded here) and
 * size − 1 worker threads, once every worker has compiled its scenarios.
 */
export async function startPool(
  size: number,
  cfg: RunnerConfig,
  scenarios: readonly Scenario[],
): Promise<Executor> {
  const url = workerUrl();
  const workers = Array.from({ length: Math.max(0, size - 1) }, () => workerSlot(url, cfg));
  try {
    await Promise.all(workers.map((w) => w.ready));
  } catch (e) {
    await Promise.all(workers.map((w) => w.stop()));
    throw e;
  }
  const slots: Slot[] = [...workers, localSlot(cfg, scenarios)];
  return {
    size: slots.length,
    // The least busy runner; on a tie a worker, so that this thread stays free to write.
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
