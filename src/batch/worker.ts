// A batch worker thread: loads and compiles the scenario (once per package),
// then runs the chunks it is sent and posts back their rows.
import { parentPort, workerData } from 'node:worker_threads';
import { formatDiagnostics } from '../io/diagnostics.js';
import { loadPackage } from '../io/load-experiment.js';
import { heapKeeper } from './heap.js';
import { type ChunkRequest, makeRunner, type RunnerConfig } from './runner.js';

const cfg = workerData as RunnerConfig;
const port = parentPort!;

async function start(): Promise<void> {
  const sets = cfg.packages.length > 0 ? cfg.packages.map((p) => p.set) : [{}];
  const scenarios = [];
  for (const set of sets) {
    const r = await loadPackage(cfg.scenarioAbs, cfg.cwd, set);
    if (!r.ok) throw new Error(formatDiagnostics(r.error));
    scenarios.push(r.value);
  }
  const run = makeRunner(cfg, scenarios);
  const keepHeap = heapKeeper();
  port.on('message', (req: ChunkRequest) => {
    try {
      port.postMessage({ type: 'result', result: run(req) });
      keepHeap();
    } catch (e) {
      port.postMessage({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
    }
  });
  port.postMessage({ type: 'ready' });
}

start().catch((e: unknown) => {
  port.postMessage({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
});
