// Child process of the benchmark: whole runs of the default scenario, one at
// a time, in a fresh process (so that no other measurement has trained the
// JIT on other formulas), printed as JSON: ms per run, wall and CPU, the best
// of three rounds after a warm-up.
// Usage: node dist/bench/run-rate.js <policy> <runs> <compiled|hand> <cacheDir>

import { HAND_FORMULAS } from '../engine/hand-formulas.js';
import { runGame, type Scenario } from '../engine/index.js';
import { formatDiagnostics } from '../io/diagnostics.js';
import { loadScenario } from '../io/load-scenario.js';
import { DEFAULT_SCENARIO } from '../io/scenario-ref.js';
import { runSeed } from '../rng/streams.js';

const [policy = 'graduated', runs = '3000', formulas = 'compiled', cacheDir] = process.argv.slice(2);
const r = await loadScenario(DEFAULT_SCENARIO, cacheDir ? { cacheDir } : {});
if (!r.ok) throw new Error(formatDiagnostics(r.error));
const loaded = r.value.scenario;
const sc: Scenario =
  formulas === 'hand'
    ? {
        ...loaded,
        formulas: HAND_FORMULAS,
        dependencies: loaded.dependencies.map((d) => ({ ...d, formulas: HAND_FORMULAS })),
      }
    : loaded;
const p = sc.policies[policy];
if (!p) throw new Error(`no policy ${policy}`);
const n = Number(runs);
for (let i = 0; i < Math.ceil(n / 5); i++) runGame(sc, runSeed(9, i, 0), { target: p, coercer: p });
let wall = Infinity;
let cpu = Infinity;
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) runGame(sc, runSeed(round, i, 0), { target: p, coercer: p });
  const c = process.cpuUsage(c0);
  wall = Math.min(wall, (performance.now() - t0) / n);
  cpu = Math.min(cpu, (c.user + c.system) / 1000 / n);
}
process.stdout.write(`${JSON.stringify({ wall, cpu })}\n`);
