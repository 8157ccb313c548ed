// A game between two governments (a history/ episode): no Council to show,
// and each side's rung marked with its own id, in the terminal emulator.
import { describe, expect, it } from 'vitest';
import { replaySession } from '../../src/engine/index.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runSeed } from '../../src/rng/streams.js';
import { NO_COUNCIL } from '../../src/ui/words.js';
import { emulate } from './emulator.js';
import { ROOT } from './helpers.js';

async function usChina() {
  const r = await loadScenario('history/us-china-2018.yaml', { cwd: ROOT });
  if (!r.ok) throw new Error(r.error.map((d) => d.message).join('\n'));
  const players = { target: 'human', coercer: 'graduated' };
  return replaySession({ sc: r.value.scenario, seed: runSeed(3, 0, 0), players }, []);
}

describe('a game between two governments', () => {
  for (const [columns, rows] of [
    [80, 24],
    [120, 40],
  ] as const)
    it(`shows no Council, and ◀CN ◀US on the ladder, at ${columns}×${rows}; c says there is no Council`, async () => {
      const g = await emulate({ session: await usChina() }, columns, rows);
      await g.press(' '); // past the card of round 1's scripted events
      let screen = await g.screen();
      expect(screen).toEqual(g.intended());
      const text = screen.join('\n');
      expect(text).toContain(NO_COUNCIL.slice(0, 30));
      expect(text).toMatch(/◀CN/);
      expect(text).toMatch(/◀US/);
      expect(text).not.toMatch(/◀EU|QM for/);
      await g.press('c');
      screen = await g.screen();
      expect(screen).toEqual(g.intended());
      expect(screen.join('\n')).toContain('No Council: both sides are governments');
      g.unmount();
    });
});
