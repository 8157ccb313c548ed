// The default scenario cut to a few rounds (no fewer than its last scripted
// event needs), as a one-package experiment, so that the benchmark's
// million-run memory test finishes in minutes.
import type { LoadedExperiment } from '../io/load-experiment.js';
import { loadScenario } from '../io/load-scenario.js';

export async function shortExperiment(
  exp: LoadedExperiment,
  fewest: number,
  cacheDir?: string,
): Promise<LoadedExperiment> {
  const sc = exp.loaded.scenario;
  const rounds = Math.min(sc.rounds, Math.max(fewest, ...sc.events.map((e) => e.round)));
  const set = { rounds };
  const r = await loadScenario(exp.scenarioAbs, {
    cwd: process.cwd(),
    set,
    ...(cacheDir === undefined ? {} : { cacheDir }),
  });
  if (!r.ok) throw new Error(`cannot cut the scenario to ${rounds} rounds`);
  return {
    ...exp,
    packages: [{ name: `rounds-${rounds}`, set, loaded: r.value }],
    levers: exp.levers.map((l) => ({ ...l, package: `rounds-${rounds}` })),
  };
}
