// `explain` for a member state and for a parameter: the support terms of the
// run `run` plays, its ballots; a parameter's source and a sweep of the outcome.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const env = { ACI_SIM_CACHE: join(tmpdir(), 'aci-sim-test-cache') };

describe('explain a member state', () => {
  it('shows its support terms each round and the ballots it cast', async () => {
    const r = await cli(['explain', 'DE'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^DE — Germany$/m);
    expect(r.stdout).toContain('round    base  pain %GDP  cost %GDP  pressure  solidarity   score  ballot\n');
    expect(r.stdout).toMatch(/^ +1 +0\.00 +\d\.\d{3} +\d\.\d{3} +0\.20 +0\.40 +0\.20 +abstain$/m);
    expect(r.stdout).toContain('Ballots cast: round 5: abstain (council/determination-failed);');
  });

  it('an unknown state gets a did-you-mean', async () => {
    const r = await cli(['explain', 'DX'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('explain: no member state "DX" in rare-earths-2025 — did you mean "DE"?\n');
  });
});

describe('explain a parameter', () => {
  it('gives its source and the outcome at values around it, as run plays them', async () => {
    const r = await cli(['explain', 'parameters.solidarity'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}assumed: .*\(scenarios\/rare-earths-2025\.yaml:\d+\)$/m);
    // The default value gives the run `aci-sim run` prints (a deal in round 9, pain EUR 0.5 bn and 2.1 bn).
    expect(r.stdout).toMatch(/^ +0\.400 +landing zone +9 +0\.58 +0\.5 +2\.1$/m);
    expect(r.stdout.match(/^ +\d\.\d{3} +\w/gm)).toHaveLength(5);
  });

  it('says where a default the scenario does not write comes from', async () => {
    const r = await cli(['explain', 'parameters.optimism'], { env });
    expect(r.code).toBe(0);
    const head = r.stdout.split('\n\n')[0]!.replace(/\n +/g, ' ');
    expect(head).toMatch(
      /^parameters\.optimism in rare-earths-2025 not written in the scenario: the default of the schema\. How far each side expects to prevail .*\(default 0\.3: .*docs\/CALIBRATION\.md\)\.$/,
    );
  });

  it('an unknown path gets a did-you-mean', async () => {
    const r = await cli(['explain', 'parameters.solidarty'], { env });
    expect(r.stderr).toBe(
      'explain: no number at "parameters.solidarty" in rare-earths-2025 — did you mean "parameters.solidarity"?\n',
    );
  });
});

describe('explain charts', () => {
  it('label small values with the decimals their rows need', async () => {
    const { yLabels } = await import('../../src/report/explain/charts.js');
    const f = yLabels(0, 0.004, 8);
    expect([0, 0.0005, 0.001, 0.004].map(f)).toEqual(['0.0000', '0.0005', '0.0010', '0.0040']);
    expect(yLabels(0, 1.66, 8)(1.66)).toBe('1.66');
  });

  it('name each line at its end, so that they read without colour', async () => {
    const { roundsChart } = await import('../../src/report/explain/charts.js');
    const rows = roundsChart(
      [
        [0, 1, 2],
        [0, 0.5, 1],
      ],
      { width: 60, height: 4, names: ['L2', 'L3'] },
    );
    expect(rows[0]).toMatch(/ L2$/);
    expect(rows[2]).toMatch(/ L3$/);
  });
});
