// `npm run bench`: throughput and memory of the batch machinery and of the
// formula compiler on this machine, printed as one table with the targets of
// issue 6. A benchmark, not a test: it asserts nothing. `--quick` runs a
// tenth of the work (for trying it out; the figures are noisier).
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { makePlan, WHOLE } from '../batch/plan.js';
import { runBatch } from '../batch/run-batch.js';
import { textTable } from '../batch/text-table.js';
import { FORMULA_ROLES, type FormulaRole } from '../engine/formula-roles.js';
import { HAND_FORMULAS } from '../engine/hand-formulas.js';
import { type Policy, runGame, type Scenario } from '../engine/index.js';
import { formatDiagnostics } from '../io/diagnostics.js';
import { type ExperimentOptions, loadExperiment } from '../io/load-experiment.js';
import { loadScenario } from '../io/load-scenario.js';
import { DEFAULT_SCENARIO } from '../io/scenario-ref.js';
import { runSeed } from '../rng/streams.js';
import { benchFormulas } from './formulas.js';

const quick = process.argv.includes('--quick');
const scale = (n: number) => (quick ? Math.max(100, Math.round(n / 10)) : n);
const W = availableParallelism();
const rows: string[][] = [];
const say = (s: string) => process.stderr.write(`bench: ${s}\n`);
const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const x1 = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)}×`;
const add = (what: string, value: string, target = '', ok?: boolean) => {
  const verdict = ok === undefined ? '' : ok ? 'met' : 'NOT MET';
  rows.push([what, value, target, verdict]);
  say(`${what}: ${value}${target ? `  (target ${target}: ${verdict})` : ''}`);
};

/** Runs/s of a summary-only batch. */
async function batchRate(
  opts: ExperimentOptions,
  workers: number,
): Promise<{ rate: number; seconds: number; runs: number; startup: number }> {
  const e = await loadExperiment(DEFAULT_SCENARIO, { cwd: process.cwd(), ...opts });
  if (!e.ok) throw new Error(formatDiagnostics(e.error));
  const plan = makePlan(e.value);
  const r = await runBatch({
    experiment: e.value,
    plan,
    shard: WHOLE,
    workers,
    out: null,
    resume: false,
    force: false,
    progress: 'quiet',
    version: 'bench',
    cwd: process.cwd(),
  });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  const v = r.value;
  return {
    rate: plan.size / v.runSeconds,
    seconds: v.seconds,
    runs: plan.size,
    startup: v.seconds - v.runSeconds,
  };
}

/** Runs/s of whole runs in this thread, best of three rounds. */
function runRate(sc: Scenario, policies: { target: Policy; coercer: Policy }, n: number): number {
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) runGame(sc, runSeed(round, i, 0), policies);
    best = Math.max(best, n / ((performance.now() - t0) / 1000));
  }
  return best;
}

const loaded = await loadScenario(DEFAULT_SCENARIO, { cwd: process.cwd() });
if (!loaded.ok) throw new Error(formatDiagnostics(loaded.error));
const sc = loaded.value.scenario;
const load0 = loadavg()[0]!.toFixed(2);
say(
  `node ${process.version}, ${W} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]!.toFixed(2)}, scenario ${sc.id}`,
);

say('formula throughput…');
const exprs = Object.fromEntries(FORMULA_ROLES.map((r) => [r, loaded.value.def.formulas[r].expr])) as Record<
  FormulaRole,
  string
>;
const f = benchFormulas(exprs, quick ? 200 : 800);
add('formulas: compiled closures, evals/s', n0(f.compiled));
add('formulas: mathjs evaluate(), evals/s', n0(f.mathjsEvaluate));
add('formulas: mathjs compile() once + evaluate(), evals/s', n0(f.mathjsCompiled));
add('formulas: hand-written TypeScript, evals/s', n0(f.hand));
add(
  'compiled ÷ mathjs evaluate()',
  x1(f.compiled / f.mathjsEvaluate),
  '≥ 50×',
  f.compiled / f.mathjsEvaluate >= 50,
);
add('compiled ÷ mathjs compile()+evaluate()', x1(f.compiled / f.mathjsCompiled));
add('hand-written ÷ compiled (slowdown)', x1(f.hand / f.compiled), '≤ 2×', f.hand / f.compiled <= 2);

say('whole runs, compiled against hand-written formulas…');
const players = { target: sc.policies[sc.players.target]!, coercer: sc.policies[sc.players.coercer]! };
const handSc: Scenario = {
  ...sc,
  formulas: HAND_FORMULAS,
  dependencies: sc.dependencies.map((d) => ({ ...d, formulas: HAND_FORMULAS })),
};
runRate(sc, players, scale(300));
runRate(handSc, players, scale(300));
const compiledRuns = runRate(sc, players, scale(1500));
const handRuns = runRate(handSc, players, scale(1500));
add(`whole run (${sc.players.target}/${sc.players.coercer}), compiled formulas, runs/s`, n0(compiledRuns));
add(
  `whole run (${sc.players.target}/${sc.players.coercer}), hand-written formulas, runs/s`,
  `${n0(handRuns)} (${x1(handRuns / compiledRuns)})`,
);

say('batch on one thread and on every worker…');
const one = await batchRate({ runs: scale(4000) }, 1);
const all = await batchRate({ runs: scale(4000) * W }, W);
add('batch runs/s, 1 thread', n0(one.rate));
add(`batch runs/s, ${W} threads (after ${all.startup.toFixed(1)} s start-up)`, n0(all.rate));
add(`speed-up on ${W} threads`, x1(all.rate / one.rate), '≥ 1.8× (2 threads)', all.rate / one.rate >= 1.8);

say('100,000 runs graduated vs graduated on 2 threads…');
const grad = await batchRate(
  { runs: scale(100_000), players: { target: 'graduated', coercer: 'graduated' } },
  2,
);
const gradSecs = (grad.seconds * 100_000) / grad.runs;
add(
  `${n0(grad.runs)} runs graduated/graduated, 2 threads`,
  `${grad.seconds.toFixed(1)} s (${n0(grad.rate)} runs/s)`,
  '100k < 60 s',
  gradSecs < 60,
);
const br = await batchRate(
  { runs: scale(20_000), players: { target: 'best_response', coercer: 'best_response' } },
  2,
);
add(
  `${n0(br.runs)} runs best_response/best_response, 2 threads`,
  `${n0(br.rate)} runs/s (100k in ${(100_000 / br.rate).toFixed(0)} s)`,
);

// Peak memory in a fresh process (worker threads included): a million runs of a short scenario,
// to show that memory does not grow with the run count, and the default scenario at full length.
for (const [runs, rounds, scenario] of [
  [scale(1_000_000), 1, 'tutorial'],
  [scale(20_000), 99, DEFAULT_SCENARIO],
] as const) {
  say(`peak memory of a ${n0(runs)}-run summary-only batch of ${scenario}…`);
  const script = fileURLToPath(new URL('./peak-memory.js', import.meta.url));
  const args = [script, String(runs), String(W), String(rounds), scenario];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`peak-memory child failed: ${child.stderr}`);
  const m = JSON.parse(child.stdout) as Record<
    'runs' | 'rounds' | 'seconds' | 'peakRssMb' | 'rssAt10Mb' | 'rssAt90Mb',
    number
  >;
  add(
    `peak RSS, ${n0(m.runs)} runs of ${scenario} (${m.rounds} rounds), summaries only, ${W} threads`,
    `${m.peakRssMb.toFixed(0)} MB (RSS ${m.rssAt10Mb.toFixed(0)} MB at 10%, ${m.rssAt90Mb.toFixed(0)} MB at 90%; ${m.seconds.toFixed(0)} s)`,
    '< 300 MB',
    m.peakRssMb < 300,
  );
}

process.stdout.write(
  `aci-sim bench — node ${process.version}, ${W} CPUs, scenario ${sc.id}${quick ? ' (--quick)' : ''}; ` +
    `load average ${load0} at the start, ${loadavg()[0]!.toFixed(2)} at the end (other processes skew speeds)\n\n`,
);
process.stdout.write(`${textTable([['measure', 'value', 'target', ''], ...rows], ['l', 'l', 'l', 'l'])}\n`);
