// The cost of one measure and who pays it (the orders panel's line): the
// engine's preview with the measure at its level less the preview with it
// at 0, and the member states bearing most of its own cost.
import { describe, expect, it } from 'vitest';
import { levelsAfter, measureCost, newSession, previewRound, stateOf } from '../../src/engine/index.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runSeed } from '../../src/rng/streams.js';

const ROOT = new URL('../../', import.meta.url).pathname;

async function start() {
  const r = await loadScenario('rare-earths-2025', { cwd: ROOT });
  if (!r.ok) throw new Error(r.error.map((d) => d.message).join('\n'));
  const sc = r.value.scenario;
  const st = stateOf(
    newSession({ sc, seed: runSeed(7, 0, 0), players: { target: 'hold', coercer: 'hold' } }),
  );
  return { sc, st, levels: levelsAfter(sc, st, undefined) };
}

describe('measureCost', async () => {
  const { sc, st, levels } = await start();
  const index = (id: string) => sc.measures.findIndex((m) => m.id === id);

  it("is the preview's change in harm to China and in the EU's cost when the measure is raised from 0", () => {
    const m = index('duv_servicing_aci');
    const top = sc.measures[m]!.levels.length - 1;
    const c = measureCost(sc, st, levels, m, top);
    const on = [...levels];
    on[m] = top;
    const off = [...levels];
    off[m] = 0;
    const [a, b] = [previewRound(sc, st, on), previewRound(sc, st, off)];
    expect(c.harm).toBeGreaterThan(0);
    expect(c.cost).toBeGreaterThan(0);
    expect(c.harm).toBeCloseTo(a.coercer.harm - b.coercer.harm, 12);
    expect(c.cost).toBeCloseTo(a.target.cost - b.target.cost, 12);
    expect(measureCost(sc, st, levels, m, 0)).toEqual({ harm: 0, cost: 0, bearers: [] });
  });

  it('names the member states that hold the lever, largest share first, and splits the whole cost', () => {
    const m = index('aircraft_deliveries');
    const top = sc.measures[m]!.levels.length - 1;
    const c = measureCost(sc, st, levels, m, top);
    expect(c.bearers.map((b) => b.id)).toEqual(['FR', 'DE', 'ES']);
    expect(c.bearers[0]!.name).toBe('France');
    expect(c.bearers[0]!.eurBn).toBeGreaterThan(c.bearers[1]!.eurBn);
    const all = measureCost(sc, st, levels, m, top, sc.states.length);
    expect(all.bearers.reduce((s, b) => s + b.eurBn, 0)).toBeCloseTo(c.cost, 9);
  });

  it("gives China's measures harm and cost only: no member state pays for them", () => {
    const m = sc.measures.findIndex((x) => x.bloc === 'coercer');
    const c = measureCost(sc, st, levels, m, sc.measures[m]!.levels.length - 1);
    expect(c.bearers).toEqual([]);
    expect(c.harm).toBeGreaterThanOrEqual(0);
  });
});
