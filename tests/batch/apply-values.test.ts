// One path vocabulary: every number of a loaded scenario has a user path (as
// the files write it) whose target in the engine's scenario holds the same
// value; the batch's applier and io's applyParameterValues are the same patcher.
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { parameterApplier } from '../../src/batch/apply-values.js';
import { applyParameterValues } from '../../src/io/apply-parameters.js';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { type LoadedScenario, loadScenario } from '../../src/io/load-scenario.js';
import { parsePath } from '../../src/io/paths.js';

let loaded: LoadedScenario;
let paths: string[];

const readIn = (root: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined),
    root,
  );

beforeAll(async () => {
  const r = await loadScenario('rare-earths-2025', { cwd: process.cwd() });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  loaded = r.value;
  paths = [...loaded.scenario.targets.keys()];
});

describe('the path vocabulary', () => {
  it('names every number the files hold, with the value the engine holds', () => {
    const def = loaded.def as unknown as Record<string, unknown>;
    let compared = 0;
    for (const [user, target] of loaded.scenario.targets) {
      const segs = parsePath(user)!;
      const inEngine = readIn(loaded.scenario, target);
      if (segs[0] === 'start') {
        // Every measure's start level is settable; unlisted ones start at 0.
        expect(inEngine ?? 0, user).toBe(readIn(def, segs) ?? 0);
        continue;
      }
      const inDef = readIn(def, segs[0] === 'states' ? ['member_states', ...segs.slice(1)] : segs);
      expect(typeof inEngine, user).toBe('number');
      expect(inEngine, user).toBe(inDef);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
    for (const p of loaded.uncertain) expect(loaded.scenario.targets.has(p.path), p.path).toBe(true);
  });

  it('accepts states.X as well as member_states.X, and any measure under start.levels', () => {
    const sc = applyParameterValues(loaded, {
      'states.DE.base_support': 0.25,
      'member_states.FR.pain_response': -1,
      'start.levels.tariff_evs': 1,
      'measures.tariff_evs.levels.0.tariff': 0.4,
    });
    expect(sc.states.find((s) => s.id === 'DE')!.baseSupport).toBe(0.25);
    expect(sc.states.find((s) => s.id === 'FR')!.painResponse).toBe(-1);
    expect(sc.startLevels.tariff_evs).toBe(1);
    expect(sc.measures.find((m) => m.id === 'tariff_evs')!.levels[1]!.tariff).toBe(0.4);
    expect(() => applyParameterValues(loaded, { 'states.XX.gdp': 1 })).toThrow(
      '"states.XX.gdp" is not a number of scenario "rare-earths-2025"',
    );
  });
});

test.prop([fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 40 })(
  'the batch applier equals applyParameterValues (up to the hash)',
  (seed, scale) => {
    const chosen = paths.filter((_, i) => (i * 7919 + seed) % 5 === 0);
    const values = chosen.map((_, i) => scale * (i + 1));
    const mine = parameterApplier(loaded.scenario, chosen)(values);
    const theirs = applyParameterValues(loaded, Object.fromEntries(chosen.map((p, i) => [p, values[i]!])));
    expect({ ...mine, hash: '' }).toEqual({ ...theirs, hash: '' });
    expect(loaded.scenario).toEqual(applyParameterValues(loaded, {}));
  },
);
