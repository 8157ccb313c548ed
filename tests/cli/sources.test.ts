// aci-sim sources: the sourced/assumed count of the numbers the engine reads
// (the same count the bibliography ratchet uses), and the Morris screening
// that ranks the assumed numbers, run on a small scenario or read from a file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { morrisScreening, screenable } from '../../src/batch/screening.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { countProvenance, tally } from '../../src/io/provenance-count.js';
import { cli, ROOT } from '../helpers/cli.js';
import { miniScenario } from '../helpers/mini-scenario.js';

describe('the Morris screening', () => {
  it('gives a number the run never reads μ* = 0, and one it reads μ* > 0', () => {
    const sc = miniScenario();
    const s = morrisScreening(
      sc,
      [
        { path: 'dependencies.magnets.criticality', value: 20 },
        // the mini scenario has no council vote that reads vote_noise (deterministic voting)
        { path: 'parameters.vote_noise', value: 0.5 },
      ],
      4,
      1,
    );
    const by = Object.fromEntries(s.numbers.map((n) => [n.path, n.muStar]));
    expect(by['parameters.vote_noise']).toBe(0);
    expect(by['dependencies.magnets.criticality']).toBeGreaterThan(0);
    expect(s.numbers[0]!.path).toBe('dependencies.magnets.criticality');
  });

  it('leaves out counts, start levels and zeros', () => {
    expect(screenable('measures.x.lead_rounds', 2)).toBe(false);
    expect(screenable('start.levels.x', 2)).toBe(false);
    expect(screenable('dependencies.x.value', 0)).toBe(false);
    expect(screenable('dependencies.x.value', 3)).toBe(true);
  });
});

describe('aci-sim sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aci-sources-'));

  it('prints {"sourced","assumed","byKind"} for the numbers read, and the screening read from a file', async () => {
    const loaded = await loadScenario('rare-earths-2025', { cwd: ROOT });
    if (!loaded.ok) throw new Error('load');
    const file = join(dir, 'screening.json');
    writeFileSync(
      file,
      JSON.stringify({
        scenario: 'rare-earths-2025',
        hash: loaded.value.scenario.hash,
        output: 'pain_target_eur_bn',
        trajectories: 4,
        seed: 1,
        numbers: [
          { path: 'blocs.CN.discount', value: 0.99, muStar: 6, sigma: 7 },
          { path: 'parameters.solidarity', value: 0.4, muStar: 5, sigma: 5 },
        ],
      }),
    );
    const r = await cli(['sources', '--json', '--screening', file, '--top', '1']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).slice(0, 3)).toEqual(['sourced', 'assumed', 'share']);
    const { total, byKind } = tally((await countProvenance(ROOT)).filter((x) => x.read));
    expect(j).toMatchObject({ sourced: total.sourced, assumed: total.assumed });
    expect(Object.keys(j.byKind)).toEqual(byKind.map((t) => t.kind));
    const sum = Object.values(j.byKind as Record<string, { sourced: number }>).reduce(
      (a, t) => a + t.sourced,
      0,
    );
    expect(sum).toBe(total.sourced);
    expect(j.assumedThatMatter).toEqual([
      {
        path: 'blocs.CN.discount',
        value: 0.99,
        muStar: 6,
        sigma: 7,
        file: 'models/behaviour.yaml',
        line: expect.any(Number),
      },
    ]);
  });

  it('a screening made for another version of the scenario: exit 2', async () => {
    const file = join(dir, 'stale.json');
    writeFileSync(file, JSON.stringify({ hash: 'old', numbers: [] }));
    const r = await cli(['sources', '--screening', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/made for another version of rare-earths-2025: delete it to screen again/);
  });
});
