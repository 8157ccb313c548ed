// A scenario sent to a worker as data (structured clone, formulas as source)
// plays exactly as the loaded one.
import { describe, expect, it } from 'vitest';
import { HAND_FORMULAS } from '../../src/engine/hand-formulas.js';
import { runGame } from '../../src/engine/index.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { scenarioFromData, scenarioToData } from '../../src/io/scenario-data.js';
import { runSeed } from '../../src/rng/streams.js';

describe('scenario as data', () => {
  it.each(['rare-earths-2025', 'tutorial'])('%s plays the same after a structured clone', async (id) => {
    const r = await loadScenario(id, { cwd: process.cwd() });
    if (!r.ok) throw new Error(r.error[0]?.message);
    const sc = r.value.scenario;
    const copy = scenarioFromData(structuredClone(scenarioToData(sc)));
    expect(Object.keys(copy)).toEqual(Object.keys(sc));
    expect(Object.isFrozen(copy.dependencies[0])).toBe(true);
    for (const pol of ['graduated', 'best_response', 'tit_for_tat'])
      for (let i = 0; i < 5; i++) {
        const policies = { target: sc.policies[pol]!, coercer: sc.policies[pol]! };
        const seed = runSeed(3, i, 0);
        expect(JSON.stringify(runGame(copy, seed, policies))).toBe(
          JSON.stringify(runGame(sc, seed, policies)),
        );
      }
  });

  it('refuses formulas that were not compiled from text', async () => {
    const r = await loadScenario('tutorial', { cwd: process.cwd() });
    if (!r.ok) throw new Error(r.error[0]?.message);
    expect(() => scenarioToData({ ...r.value.scenario, formulas: HAND_FORMULAS })).toThrow(/cannot be sent/);
  });
});
