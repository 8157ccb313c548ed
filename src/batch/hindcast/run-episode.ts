// Plays one episode N times, as `batch` would (the same plan: Monte Carlo
// over the scenario's uncertain numbers, seeds runSeed(master, run, 0)), and
// keeps of each run what its expectations compare: the outcome class, the
// round it ended, the ballots the model predicts at the recorded vote and
// the monthly series of the recorded flow.
import { councilView, monthOf, type RunResult, runGame, type Scenario } from '../../engine/index.js';
import type { LoadedExperiment } from '../../io/load-experiment.js';
import type { ExpectDef } from '../../io/schemas/expect.js';
import { parameterApplier } from '../apply-values.js';
import type { Plan } from '../plan.js';
import type { Ballot, EpisodeRun } from './score.js';

/** The state after `round` (or the last one, if the run ended before). */
const stateAt = (r: RunResult, round: number) =>
  r.history[Math.min(round, r.history.length) - 1]?.state ?? null;

function ballotsOf(sc: Scenario, r: RunResult, round: number): Record<string, Ballot> | null {
  const st = stateAt(r, round);
  if (!st) return null;
  const view = councilView(sc, st);
  return view && Object.fromEntries(view.ballots.map((b) => [b.id, b.vote]));
}

/** The share of a flow let through each month, 100 × (1 − restriction). */
function seriesOf(sc: Scenario, r: RunResult, dependency: string): Record<string, number> | null {
  const d = sc.dependencies.findIndex((x) => x.id === dependency);
  if (d < 0) return null;
  return Object.fromEntries(
    r.history.map((h) => [monthOf(sc, h.round), 100 * (1 - h.state.deps[d]!.restriction)]),
  );
}

/** The engine's outcome as a class of the episode format (the same names). */
const classOf = (r: RunResult): EpisodeRun['outcome'] => r.outcome;

export function runEpisode(exp: LoadedExperiment, plan: Plan, expect: ExpectDef): EpisodeRun[] {
  const apply = parameterApplier(exp.loaded.scenario, plan.paths);
  const lever = exp.levers[0]!;
  const base = exp.loaded.scenario;
  const policies = { target: base.policies[lever.target]!, coercer: base.policies[lever.coercer]! };
  const out: EpisodeRun[] = [];
  for (let k = 0; k < plan.size; k++) {
    const spec = plan.spec(k);
    const sc = apply(spec.values);
    const r = runGame(sc, spec.seed, policies, true);
    out.push({
      outcome: classOf(r),
      round: r.round,
      ballots: expect.ballots ? ballotsOf(sc, r, expect.ballots.round) : null,
      series: expect.series ? seriesOf(sc, r, expect.series.dependency) : null,
    });
  }
  return out;
}
