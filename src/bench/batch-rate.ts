// Child process of the benchmark: one batch of the default scenario in a
// fresh process (so that one thread and several start equally cold), printed
// as JSON: runs/s while running, CPU ms per run (all threads), seconds to start.
// Usage: node dist/bench/batch-rate.js <runs> <workers> <csv|none> <cacheDir> [EU=policy,CN=policy]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePlan, WHOLE } from '../batch/plan.js';
import { runBatch } from '../batch/run-batch.js';
import { formatDiagnostics } from '../io/diagnostics.js';
import { loadExperiment } from '../io/load-experiment.js';
import { DEFAULT_SCENARIO } from '../io/scenario-ref.js';

const [runs = '4000', workers = '1', format = 'none', cacheDir, policies = ''] = process.argv.slice(2);
const players = Object.fromEntries(
  policies
    .split(',')
    .filter(Boolean)
    .map((p) => p.split('=')),
);
const e = await loadExperiment(DEFAULT_SCENARIO, {
  runs: Number(runs),
  ...(cacheDir ? { cacheDir } : {}),
  ...(policies ? { players } : {}),
});
if (!e.ok) throw new Error(formatDiagnostics(e.error));
const plan = makePlan(e.value);
const dir = mkdtempSync(join(tmpdir(), 'aci-sim-rate-'));
try {
  const r = await runBatch({
    ...{ experiment: e.value, plan, shard: WHOLE, workers: Number(workers), resume: false, force: true },
    out: format === 'csv' ? { file: join(dir, 'runs.csv'), format: 'csv' } : null,
    ...{ progress: 'quiet', version: 'bench', cwd: process.cwd() },
  });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  const v = r.value;
  process.stdout.write(
    `${JSON.stringify({
      runs: plan.size,
      rate: plan.size / v.runSeconds,
      cpuMsPerRun: (1000 * v.cpuSeconds) / plan.size,
      seconds: v.seconds,
      startup: v.seconds - v.runSeconds,
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
