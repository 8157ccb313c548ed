// Child process of the benchmark: a grouped Sobol' analysis of the default
// scenario (experiments/rare-earths-groups.yaml: ~320 numbers in 10 groups) at
// a small N, in a fresh process, every default metric analysed from the one
// design with its convergence table; printed as JSON, with the time it would
// take at N = 1,024 (runs and analysis both grow linearly in N).
// Usage: node dist/bench/grouped-sobol.js <N> <workers> <cacheDir>
import { convergence, OutcomeByPoint } from '../batch/convergence.js';
import { slimColumns } from '../batch/metrics.js';
import { makePlan, WHOLE } from '../batch/plan.js';
import { runBatch } from '../batch/run-batch.js';
import { analyse, MetricByPoint } from '../batch/sensitivity.js';
import { analysisDesign } from '../batch/sensitivity-design.js';
import { formatDiagnostics } from '../io/diagnostics.js';
import { loadExperiment } from '../io/load-experiment.js';

const [n = '128', workers = '2', cacheDir] = process.argv.slice(2);
const e = await loadExperiment('experiments/rare-earths-groups.yaml', {
  runs: Number(n),
  method: 'sobol',
  ...(cacheDir ? { cacheDir } : {}),
});
if (!e.ok) throw new Error(formatDiagnostics(e.error));
const exp = e.value;
const plan = makePlan(exp);
const columns = slimColumns(exp);
const metrics = ['landing', ...exp.metrics.filter((m) => m !== 'outcome')];
const ys = metrics.map((m) => new MetricByPoint(plan, columns, m));
const outcomes = new OutcomeByPoint(plan, columns);
const r = await runBatch({
  ...{ experiment: exp, plan, shard: WHOLE, workers: Number(workers), resume: false, force: true, out: null },
  ...{ progress: 'quiet', version: 'bench', cwd: process.cwd() },
  onRow: (row) => {
    for (const y of ys) y.add(row);
    outcomes.add(row);
  },
});
if (!r.ok) throw new Error(formatDiagnostics(r.error));
const t0 = performance.now();
const design = analysisDesign(plan);
for (const y of ys) analyse('sobol', y.metric, design, y, exp.seed);
convergence(
  design.saltelli!,
  design.factors,
  design.levers,
  ys.map((y) => ({ metric: y.metric, means: (l: number) => y.means(l) })),
  outcomes,
);
const analysis = (performance.now() - t0) / 1000;
const v = r.value;
const grow = 1024 / Number(n);
process.stdout.write(
  `${JSON.stringify({
    ...{
      runs: plan.size,
      groups: design.factors.length,
      parameters: exp.uncertain.length,
      metrics: ys.length,
    },
    ...{ seconds: v.seconds + analysis, analysis, cpuMsPerRun: (1000 * v.cpuSeconds) / plan.size },
    at1024: v.seconds - v.runSeconds + (v.runSeconds + analysis) * grow,
  })}\n`,
);
