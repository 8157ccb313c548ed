// Child process of the benchmark: a batch that writes only summaries, with
// this process's peak RSS (worker threads included) printed as JSON at the
// end, and its RSS when 10% and 90% of the runs were done (to show it flat).
// Usage: node dist/bench/peak-memory.js <runs> <workers> <rounds> [scenario] [cacheDir]
import { makePlan, WHOLE } from '../batch/plan.js';
import { runBatch } from '../batch/run-batch.js';
import { formatDiagnostics } from '../io/diagnostics.js';
import { loadExperiment } from '../io/load-experiment.js';
import { DEFAULT_SCENARIO } from '../io/scenario-ref.js';
import { shortExperiment } from './short.js';

const [runs = '1000000', workers = '2', rounds = '1', scenario = DEFAULT_SCENARIO, cacheDir] =
  process.argv.slice(2);
const cache = cacheDir ? { cacheDir } : {};
const base = await loadExperiment(scenario, { runs: Number(runs), ...cache });
if (!base.ok) throw new Error(formatDiagnostics(base.error));
const full = Number(rounds) >= base.value.loaded.scenario.rounds;
const exp = full ? base.value : await shortExperiment(base.value, Number(rounds), cacheDir);
const plan = makePlan(exp);
const samples: { done: number; rss: number }[] = [];
let done = 0;
const sample = () => samples.push({ done, rss: process.memoryUsage().rss });
const timer = setInterval(sample, 250);
const t0 = performance.now();
const r = await runBatch({
  experiment: exp,
  plan,
  shard: WHOLE,
  workers: Number(workers),
  out: null,
  resume: false,
  force: false,
  progress: 'quiet',
  version: 'bench',
  cwd: process.cwd(),
  onRow: () => {
    done++;
  },
});
clearInterval(timer);
sample();
if (!r.ok) throw new Error(formatDiagnostics(r.error));
// Results come in chunks, so several shares may fall between two samples: take the first sample
// at or past the share (there always is one: the last is taken at the end).
const at = (share: number) => (samples.find((s) => s.done >= share * plan.size) ?? samples.at(-1)!).rss;
process.stdout.write(
  `${JSON.stringify({
    scenario: exp.loaded.scenario.id,
    runs: plan.size,
    rounds: (exp.packages[0]?.loaded ?? exp.loaded).scenario.rounds,
    seconds: (performance.now() - t0) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssAt10Mb: at(0.1) / 2 ** 20,
    rssAt90Mb: at(0.9) / 2 ** 20,
  })}\n`,
);
