// Golden runs: the default scenario and the tutorial, one seed each, both
// sides computer-played. A change here is a change in what the model says:
// update the pins only on purpose, and say why in the commit.
import { describe, expect, it } from 'vitest';
import { runGame } from '../../src/engine/index.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runSeed } from '../../src/rng/streams.js';

async function summary(ref: string, seed: number) {
  const r = await loadScenario(ref, { cwd: process.cwd() });
  if (!r.ok) throw new Error(r.error.map((d) => d.message).join('\n'));
  const sc = r.value.scenario;
  const g = runGame(sc, runSeed(seed, 0, 0), {
    target: sc.policies[sc.players.target]!,
    coercer: sc.policies[sc.players.coercer]!,
  });
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    outcome: g.outcome,
    round: g.round,
    q: g.q,
    painEU: round2(g.pain.target.eurBn),
    painCN: round2(g.pain.coercer.eurBn),
    peakRung: g.peakRung,
    minQmMargin: g.minQmMargin === null ? null : round2(g.minQmMargin),
    events: g.events.map((e) => e.code).join(' '),
  };
}

describe('golden runs', () => {
  it('rare-earths-2025, seed 1', async () => {
    expect(await summary('rare-earths-2025', 1)).toMatchInlineSnapshot(`
      {
        "events": "council/examination aci/requested measure/lowered aci/requested measure/lowered council/determination-tabled aci/requested measure/in-force aci/requested measure/in-force council/determination-failed national/decided measure/announced measure/announced measure/in-force measure/in-force council/determination-failed aci/requested measure/lowered council/determination-rejected order/refused measure/in-force national/decided measure/announced measure/lowered measure/in-force measure/lowered deal/struck",
        "minQmMargin": null,
        "outcome": "landing_zone",
        "painCN": 2.05,
        "painEU": 0.52,
        "peakRung": 4,
        "q": 0.584,
        "round": 9,
      }
    `);
  });
  it('tutorial, seed 1', async () => {
    expect(await summary('tutorial', 1)).toMatchInlineSnapshot(`
      {
        "events": "council/examination aci/requested measure/in-force council/determination-tabled aci/requested measure/lowered aci/requested measure/in-force scripted/event council/determination-adopted measure/in-force council/engagement-over council/committee-adopted measure/in-force deal/struck",
        "minQmMargin": 14.43,
        "outcome": "landing_zone",
        "painCN": 0.15,
        "painEU": 0,
        "peakRung": 3,
        "q": 0.638,
        "round": 5,
      }
    `);
  });
});
