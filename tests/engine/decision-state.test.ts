// Computer players decide on the state step() will apply their orders to:
// the round's scripted events first (src/engine/run.ts decisionState).
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/engine/init.js';
import { decisionState } from '../../src/engine/run.js';
import { miniScenario } from '../helpers/mini-scenario.js';

const scripted = miniScenario({
  events: [
    {
      round: 1,
      text: 'the record',
      levels: { cn_magnets: 3 },
      support: {},
      set: { 'parameters.horizon': 2 },
    },
  ],
});

describe('decisionState', () => {
  it("shows the round's scripted levels and settings, and leaves the state given untouched", () => {
    const st = initialState(scripted, 's');
    const before = structuredClone(st);
    const seen = decisionState(scripted, st);
    expect(seen.measures[0]!.level).toBe(3);
    expect(seen.overrides).toEqual({ 'parameters.horizon': 2 });
    expect(st).toEqual(before);
  });

  it('is the state itself when no event is due', () => {
    const st = initialState(miniScenario(), 's');
    expect(decisionState(miniScenario(), st)).toBe(st);
  });
});
