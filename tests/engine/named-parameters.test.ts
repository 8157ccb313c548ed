// The constants that used to be written into code or formula text are named
// parameters: settable by path (--set, uncertain:, calibrate), ranged, and
// their defaults are the old constants (the golden runs pin that).
import { describe, expect, it } from 'vitest';
import { advanceFlows, applyLevels, newFlows } from '../../src/engine/economics.js';
import { POLICY_PARAMS } from '../../src/engine/policies/params.js';
import { castVotes } from '../../src/engine/politics.js';
import type { DepState } from '../../src/engine/state.js';
import type { Params, Scenario } from '../../src/engine/types.js';
import { applyParameterValues } from '../../src/io/apply-parameters.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { cli } from '../helpers/cli.js';
import { miniScenario } from '../helpers/mini-scenario.js';

const fresh = (buffer: number): DepState => ({
  restriction: 0,
  tariff: 0,
  substituted: 0,
  buffer,
  availability: 1,
});

const withParams = (p: Partial<Params>): Scenario => {
  const sc = miniScenario();
  return miniScenario({ params: { ...sc.params, ...p } });
};

function round(sc: Scenario, deps: DepState[], levels: number[]) {
  const flows = newFlows(deps.length);
  applyLevels(sc, levels, deps);
  advanceFlows(sc, deps, { target: 0, coercer: 0 }, [false, false, false], sc.params.g7Alignment, flows);
  return flows;
}

describe('market_cost reads deadweight_share and switching_cost', () => {
  it('the importer pays deadweight · price rise + switching on the trade that stops', () => {
    const drop = 1 - 1.25 ** -3;
    const dt = 1 / 12;
    for (const [dw, sw] of [
      [0.5, 0.1],
      [0.25, 0.3],
      [1, 0],
    ] as const) {
      const flows = round(
        withParams({ deadweightShare: dw, switchingCost: sw }),
        [fresh(0), fresh(0), fresh(0)],
        [0, 0, 1, 0],
      );
      expect(flows.cost[2]).toBeCloseTo(10 * dt * drop * (dw * (1.25 ** 0.5 - 1) + sw), 12);
    }
  });
});

describe('restock_per_month', () => {
  it('a buffer drawn down refills at restock_per_month months a month', () => {
    for (const rate of [0.5, 0.25, 2]) {
      const sc = withParams({ restockPerMonth: rate });
      const deps = [fresh(0), fresh(0), fresh(0)];
      round(sc, deps, [0, 0, 0, 0]);
      // magnets hold 2 months at most
      expect(deps[0]!.buffer).toBeCloseTo(Math.min(2, rate), 12);
    }
  });
});

describe('vote_noise', () => {
  const seq = (xs: number[]) => {
    let i = 0;
    return { next: () => xs[i++ % xs.length]! };
  };
  it('scales the logistic noise of stochastic votes; 0 gives the deterministic bands', () => {
    const scores = [0.45, 0.45, -0.45];
    const u = [0.6, 0.4, 0.4]; // ln(u/(1−u)) = ±0.405
    const at = (noise: number) =>
      castVotes(withParams({ votingMode: 'stochastic', voteNoise: noise }), scores, seq(u));
    expect(at(0)).toEqual(['abstain', 'abstain', 'abstain']);
    expect(at(0.5)).toEqual(['for', 'abstain', 'against']);
    expect(at(0.1)).toEqual(['abstain', 'abstain', 'abstain']);
  });
});

describe('the named parameters in a loaded scenario', () => {
  const PATHS: [string, number][] = [
    ['parameters.deadweight_share', 0.5],
    ['parameters.switching_cost', 0.1],
    ['parameters.restock_per_month', 0.5],
    ['parameters.vote_noise', 0.5],
    ['policies.best_response.params.lean', 0.3],
    ['policies.best_response.params.temperature_min', 0.02],
    ['policies.graduated.params.step', 1],
  ];

  it('each is a settable path whose default is the old constant', async () => {
    const r = await loadScenario('rare-earths-2025', { cwd: process.cwd() });
    if (!r.ok) throw new Error('load');
    const loaded = r.value;
    for (const [path, def] of PATHS) {
      expect(loaded.scenario.targets.has(path), path).toBe(true);
      const sc = applyParameterValues(loaded, { [path]: def + 0.125 });
      const [head, ...rest] = loaded.scenario.targets.get(path)!;
      let v: unknown = sc;
      for (const seg of [head!, ...rest]) v = (v as Record<string | number, unknown>)[seg];
      expect(v).toBe(def + 0.125);
    }
    expect(loaded.scenario.policies.best_response!.params.lean).toBe(
      POLICY_PARAMS.best_response.lean!.default,
    );
  });

  it('--set reaches a run: another switching cost gives another run', async () => {
    const a = await cli(['run', 'tutorial', '--seed', '1', '--json']);
    const b = await cli([
      'run',
      'tutorial',
      '--seed',
      '1',
      '--json',
      '--set',
      'parameters.switching_cost=0.9',
    ]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.stdout).not.toBe(a.stdout);
  });

  it('a value out of range is one clear error, exit 2', async () => {
    const r = await cli(['run', 'tutorial', '--set', 'parameters.deadweight_share=1.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deadweight_share/);
    const p = await cli(['run', 'tutorial', '--set', 'policies.best_response.params.lean=2']);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/lean must be in \[0, 1\], got 2/);
  });
});
