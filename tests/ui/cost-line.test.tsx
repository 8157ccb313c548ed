// The orders panel's line on the selected measure and level: harm to the
// other side, own cost, and the member states bearing most of it (the EU's
// side only), in the terminal emulator at 80×24 and 120×40.
import { describe, expect, it } from 'vitest';
import { replaySession } from '../../src/engine/index.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runSeed } from '../../src/rng/streams.js';
import { costLine } from '../../src/ui/cost-line.js';
import { emulate } from './emulator.js';
import { KEY, ROOT } from './helpers.js';

async function rareEarths(players: { target: string; coercer: string }) {
  const r = await loadScenario('rare-earths-2025', { cwd: ROOT });
  if (!r.ok) throw new Error(r.error.map((d) => d.message).join('\n'));
  return replaySession({ sc: r.value.scenario, seed: runSeed(7, 0, 0), players }, []);
}

describe('cost per measure and who pays it', () => {
  for (const [columns, rows, line2, line3] of [
    [80, 24, 'CN harm 0.06 · EU cost 0.04 · by NL DE', 'CN harm 0 · EU cost 0.10 · by FR DE ES'],
    [
      120,
      40,
      'level 2: CN harm 0.06 · EU cost 0.04: NL 0.03, DE 0.01',
      'level 3: CN harm 0 · EU cost 0.10: FR 0.04, DE 0.04, ES 0.01',
    ],
  ] as const)
    it(`shows the selected EU measure's harm, cost and payers at ${columns}×${rows}`, async () => {
      const g = await emulate(
        { session: await rareEarths({ target: 'human', coercer: 'best_response' }) },
        columns,
        rows,
      );
      // The EU-wide DUV servicing stop at level 2, then Airbus deliveries at level 3.
      await g.press(KEY.down, '2');
      let screen = await g.screen();
      expect(screen).toEqual(g.intended());
      expect(screen.join('\n')).toContain(line2);
      await g.press(KEY.down, '3');
      screen = await g.screen();
      expect(screen).toEqual(g.intended());
      expect(screen.join('\n')).toContain(line3);
      g.unmount();
    });

  it("shows China's harm and cost only: no member state pays for China's measures", async () => {
    const g = await emulate(
      { session: await rareEarths({ target: 'best_response', coercer: 'human' }) },
      120,
      40,
    );
    await g.press('3');
    const screen = await g.screen();
    expect(screen).toEqual(g.intended());
    // China's first measure (rare-earth licensing) at level 3: stocks hold the EU's harm off next round.
    expect(screen.map((l) => l.trim())).toContain('at level 3: EU harm 0 · CN cost 0.02 EUR bn a round');
    g.unmount();
  });

  it('words the line to fit: amounts, then ids, never cut when an id list fits', () => {
    const c = {
      harm: 0.5,
      cost: 0.25,
      bearers: [
        { id: 'FR', name: 'France', eurBn: 0.12 },
        { id: 'DE', name: 'Germany', eurBn: 0.1 },
      ],
    };
    expect(costLine(c, 2, 'CN', 'EU', 200)).toBe(
      'at level 2: CN harm 0.50 · EU cost 0.25 EUR bn a round, borne most by FR 0.12, DE 0.10',
    );
    expect(costLine(c, 2, 'CN', 'EU', 60)).toBe('level 2: CN harm 0.50 · EU cost 0.25: FR 0.12, DE 0.10');
    expect(costLine(c, 2, 'CN', 'EU', 40)).toBe('CN harm 0.50 · EU cost 0.25 · by FR DE');
    expect(costLine({ ...c, bearers: [] }, 1, 'EU', 'CN', 60)).toBe(
      'at level 1: EU harm 0.50 · CN cost 0.25 EUR bn a round',
    );
  });
});
