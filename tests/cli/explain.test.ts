// `aci-sim explain`, in-process through main(), as a user calls it (not on a terminal).
import { beforeAll, describe, expect, it } from 'vitest';
import { closest } from '../../src/report/explain/find.js';
import { type CliResult, cli } from '../helpers/cli.js';

const run = (args: string[], env: Record<string, string> = {}) => cli(['explain', ...args], { env });
const widest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));

describe('aci-sim explain <measure>', () => {
  let r: CliResult = { code: -1, stdout: '', stderr: '' };
  beforeAll(async () => {
    r = await run(['ree_april_licensing']);
  });

  it('finds the measure in the default scenario and prints its card', async () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Scenario rare-earths-2025:/);
    expect(r.stdout).toContain('taken by China; acts on cn_ree_heavy, cn_magnets');
    expect(r.stdout).toContain('government — China decides alone');
    expect(r.stdout).toContain('ACI Annex I category: none (a measure of China)');
  });

  it('shows the ladder with the level in force and each level’s source', async () => {
    // The default starts at level 1 (in force, not binding on the flow: China's
    // customs record shows magnets reaching the EU above March 2025's volume).
    expect(r.stdout).toMatch(/^ {2}1 \* +threatened +0 +1$/m);
    expect(r.stdout).toMatch(/^ {2}4 +licensing, ~14% approved +0\.865 +3$/m);
    expect(r.stdout).toMatch(/level 3 intensity 0\.75: source: \[clepa-2025-06\] about a quarter/);
    expect(r.stdout).toMatch(/level 5 intensity 0\.97: assumed: No approval rate under a near-ban/);
  });

  it('lists the flows it acts on with every parameter’s source or assumption', async () => {
    expect(r.stdout).toContain('Acts on cn_magnets — Sintered NdFeB and SmCo permanent magnets');
    expect(r.stdout).toMatch(/buffer_months +2 +months of stocks\n +source: \[clepa-2025-06\]/);
    expect(r.stdout).toMatch(
      /criticality +30 +EUR of output lost per EUR missing\n +assumed: No estimate of EU output lost/,
    );
    expect(r.stdout).toContain('(models/dependencies/rare-earths.yaml:68)');
  });

  it('shows the formulas with their text, variables and origin', async () => {
    expect(r.stdout).toContain('supply_harm = value * dt * uncovered * criticality');
    expect(r.stdout).toMatch(
      /Variables: value, dt, uncovered, criticality\.\s+\(models\/formulas\.yaml:12\)/,
    );
  });

  it('draws the charts computed by the engine, fitted to 80 columns without colour', async () => {
    expect(r.stdout).toContain('Harm and cost of one round against intensity');
    expect(r.stdout).toContain('  harm to the EU');
    expect(r.stdout).toContain('Over 12 rounds at each level');
    expect(r.stdout).toMatch(/┤/);
    // Full cut: magnets 0.65/12 × 0.9 × 30 + heavy REEs 0.05/12 × 0.95 × 50 = 1.66 a round.
    expect(r.stdout).toMatch(/^ {5}1\.66 ┼/m);
    // Level 4: 0.865 × 1.66 = 1.44; China's cost 0.865 × (0.65 × 0.4 + 0.05 × 0.3) / 12 = 0.02.
    expect(r.stdout).toMatch(/^ {2}4 +0\.865 +1\.44 +0\.02$/m);
    expect(r.stdout).not.toContain('\x1b[');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('fits a wider terminal ($COLUMNS when not a terminal)', async () => {
    const wide = await run(['ree_april_licensing'], { COLUMNS: '120' });
    expect(wide.code).toBe(0);
    expect(widest(wide.stdout)).toBeGreaterThan(100);
    expect(widest(wide.stdout)).toBeLessThanOrEqual(120);
  });
});

describe('legal bases', () => {
  it('an ACI measure: the procedure in this scenario’s rounds and the Annex I category', async () => {
    const r = await run(['duv_servicing_aci']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/at\s+best 7 rounds after the first request in this scenario/);
    expect(r.stdout).toContain('ACI Annex I category: Annex I (5): measures affecting trade in services');
    expect(r.stdout).toContain('harm to China');
  });

  it('a national measure: the holder alone', async () => {
    const r = await run(['duv_servicing_nl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('national — NL decides alone');
  });

  it('a tariff: charted against the tariff rate', async () => {
    const r = await run(['tariff_evs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Harm and cost of one round against tariff');
    expect(r.stdout).toMatch(/0% +100%/);
  });

  it('a carrot that acts on no flow: its pressure instead of charts', async () => {
    const r = await run(['investment_promises']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Pressure on member states');
    expect(r.stdout).toMatch(/HU {2}−0\.6 log-odds/);
    expect(r.stdout).not.toContain('Harm and cost of one round');
  });
});

describe('aci-sim explain <dependency>', () => {
  it('prints the parameter table and the measures acting on it', async () => {
    const r = await run(['cn_magnets', '--scenario', 'magnets-april-2025']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Scenario magnets-april-2025:/);
    expect(r.stdout).toContain('Measures acting on it');
    expect(r.stdout).toMatch(/ree_april_licensing +CN +government +0 \/ 0\.4 \/ 0\.75 \/ 0\.865 \/ 0\.97/);
    expect(r.stdout).toContain('Substitution effort of the EU');
  });

  it('applies --set and says where the number came from', async () => {
    const r = await run(['cn_magnets', '--set', 'dependencies.cn_magnets.value=2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/value +2 +EUR bn a year\n +set on the command line \(--set\)/);
  });
});

describe('bad input', () => {
  it('an unknown id: did you mean, exit 2, no stack trace', async () => {
    const r = await run(['duv_servicng']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'explain: no measure or dependency "duv_servicng" in rare-earths-2025 — did you mean "duv_servicing_nl"?\n',
    );
  });

  it('an id from another scenario than the one named', async () => {
    const r = await run(['cn_magnets', '--scenario', 'tutorial']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('explain: no measure or dependency "cn_magnets" in tutorial');
    expect(r.stderr).toContain('hint: it is in scenario rare-earths-2025: --scenario rare-earths-2025');
  });

  it('a bad --set path names the flag', async () => {
    const r = await run(['cn_magnets', '--set', 'dependencies.cn_magnets.valu=2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--set: dependencies\.cn_magnets\.valu: .*did you mean "value"/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('an unknown scenario', async () => {
    const r = await run(['cn_magnets', '--scenario', 'rare-earths-2052']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no scenario "rare-earths-2052"/);
  });
});

describe('closest id', () => {
  it('matches the start of a longer id and prefers the shorter on a tie', async () => {
    expect(closest('duv_servicng', ['duv_servicing_aci', 'duv_servicing_nl'])?.id).toBe('duv_servicing_nl');
    expect(closest('cn_magnet', ['cn_magnets', 'cn_ga_ge'])?.id).toBe('cn_magnets');
    expect(closest('xyz', ['cn_magnets'])).toBeUndefined();
  });
});
