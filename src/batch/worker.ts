// A batch worker thread: rebuilds the scenarios it is sent (compiled in the
// main thread; formulas as generated source), then runs the chunks it is
// sent and posts back their results. It loads no YAML, schema or compiler.
import { parentPort, workerData } from 'node:worker_threads';
import { scenarioFromData } from '../io/scenario-data.js';
import { type ChunkRequest, makeRunner, type RunnerConfig } from './runner.js';

const cfg = workerData as RunnerConfig;
const port = parentPort!;

try {
  const run = makeRunner(cfg, cfg.scenarios.map(scenarioFromData));
  port.on('message', (req: ChunkRequest) => {
    try {
      const result = run(req);
      port.postMessage({ type: 'result', result }, [result.text.buffer, result.seriesText.buffer]);
    } catch (e) {
      port.postMessage({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
    }
  });
  port.postMessage({ type: 'ready' });
} catch (e) {
  port.postMessage({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
}
