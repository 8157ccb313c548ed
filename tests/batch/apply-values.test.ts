// The batch's grouped applier gives the scenario applyParameterValues gives,
// for any set of numbers of the scenario and any values.
import { fc, test } from '@fast-check/vitest';
import { beforeAll, expect } from 'vitest';
import { parameterApplier } from '../../src/batch/apply-values.js';
import { applyParameterValues, enginePath } from '../../src/io/apply-parameters.js';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { type LoadedScenario, loadScenario } from '../../src/io/load-scenario.js';

let loaded: LoadedScenario;
let paths: string[];
beforeAll(async () => {
  const r = await loadScenario('tests/fixtures/scenarios/mini.yaml', { cwd: process.cwd() });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  loaded = r.value;
  paths = [...loaded.provenance.keys()].filter((p) => {
    try {
      enginePath(loaded.scenario, p);
      return true;
    } catch {
      return false;
    }
  });
});

test.prop([fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 40 })(
  'equals applyParameterValues (up to the hash)',
  (seed, scale) => {
    expect(paths.length).toBeGreaterThan(20);
    const chosen = paths.filter((_, i) => (i * 7919 + seed) % 3 === 0);
    const values = chosen.map((_, i) => scale * (i + 1));
    const mine = parameterApplier(loaded.scenario, chosen)(values);
    const theirs = applyParameterValues(loaded, Object.fromEntries(chosen.map((p, i) => [p, values[i]!])));
    expect({ ...mine, hash: '' }).toEqual({ ...theirs, hash: '' });
    expect(loaded.scenario).toEqual(applyParameterValues(loaded, {}));
  },
);
