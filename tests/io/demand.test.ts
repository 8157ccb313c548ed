// Demands: a scenario that names the kind of its demand gets both sides'
// stakes from it, as the kind's share of each side's GDP, with the demand's
// provenance and its distribution scaled; overrides and --set still win. The
// behaviour model's `timing:` parameters go with the demand: a scenario naming
// one takes each it does not write.
import { afterAll, describe, expect, it } from 'vitest';
import { scaleDist } from '../../src/io/demand-fill.js';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { type LoadOptions, loadScenario } from '../../src/io/load-scenario.js';
import { cli } from '../helpers/cli.js';
import { makeProject, removeProjects } from './project.js';

afterAll(removeProjects);

const BEHAVIOUR = `kind: behaviour
id: test-behaviour
profiles:
  calm:
    pain_tolerance: 0.5
    monthly_discount: 0.98
    misperception: 0.1
demands:
  gesture:
    about: "A test kind."
    target_stakes: { value: 0.01, assumed: true, why: "Test share.", dist: { type: uniform, min: 0.005, max: 0.02 } }
    coercer_stakes: 0.2
timing:
  optimism_half_life: { value: 6, assumed: true, why: "Test half-life." }
  optimism: 0.1
`;

/** China writes no stakes; the EU writes 120, which a demand replaces. */
const BLOCS = `kind: blocs
id: mini-blocs
blocs:
  EU:
    name: European Union
    decides: eu_council
    allies_align: true
    gdp: 17935
    behaviour: calm
    stakes: 120
    base_effort: 0.25
  CN:
    name: China
    gdp: { value: 17400, source: "Test GDP." }
    behaviour: calm
    base_effort: 0.4
`;

const scenario = (demand: string | null, extra = '') => `kind: scenario
id: demanding
title: Demands
model_dir: ../models
models: [mini-blocs, test-behaviour, mini-council, default-formulas, mini-policies, mini-dependencies, mini-cn-measures, mini-eu-measures]
start: { date: 2025-04, levels: { mini_magnet_licensing: 2 } }
rounds: 6
players: { EU: hold, CN: hold }
${demand === null ? '' : `demand: ${demand}\n`}${extra}`;

const project = (demand: string | null, extra = '') =>
  makeProject({
    'models/blocs.yaml': BLOCS,
    'models/behaviour.yaml': BEHAVIOUR,
    'scenarios/demanding.yaml': scenario(demand, extra),
  });

const load = async (cwd: string, opts: LoadOptions = {}) => {
  const r = await loadScenario('demanding', { cwd, ...opts });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  return r.value;
};

describe('demands', () => {
  it('set both sides’ stakes as shares of their GDP, replacing a side’s own', async () => {
    const l = await load(await project('gesture'));
    expect(l.def.blocs.EU!.stakes).toBeCloseTo(1.7935, 9);
    expect(l.def.blocs.CN!.stakes).toBeCloseTo(34.8, 9);
    expect(l.scenario.blocs.target.stakes).toBeCloseTo(1.7935, 9);
    expect(l.scenario.blocs.coercer.stakes).toBeCloseTo(34.8, 9);
  });

  it('carry the demand’s provenance, and its distribution scaled to EUR bn', async () => {
    const l = await load(await project('gesture'));
    expect(l.provenance.get('blocs.EU.stakes')).toMatchObject({ file: 'models/behaviour.yaml', line: 11 });
    expect(l.provenance.get('blocs.EU.stakes')?.why).toBe(
      'Test share. Here: 0.01% of EU\'s GDP (EUR 17935 bn), the "gesture" demand\'s share.',
    );
    const eu = l.uncertain.find((u) => u.path === 'blocs.EU.stakes')?.dist as
      | { type: string; min: number; max: number }
      | undefined;
    expect(eu?.type).toBe('uniform');
    expect(eu?.min).toBeCloseTo(0.89675, 9);
    expect(eu?.max).toBeCloseTo(3.587, 9);
    expect(l.uncertain.some((u) => u.path.startsWith('demands.'))).toBe(false);
  });

  it('without a demand, a side’s own stakes stand and a side without any is told what to write', async () => {
    const r = await loadScenario('demanding', { cwd: await project(null) });
    expect(r.ok ? '' : formatDiagnostics(r.error)).toBe(
      'models/blocs.yaml:13:5: blocs.CN: missing "stakes": write it, or name the kind of demand with `demand:` in the scenario (a `demands:` entry of the behaviour model)',
    );
  });

  it('--set still wins over the demand', async () => {
    const l = await load(await project('gesture'), { set: { 'blocs.CN.stakes': 7 } });
    expect(l.def.blocs.CN!.stakes).toBe(7);
    expect(l.def.blocs.EU!.stakes).toBeCloseTo(1.7935, 9);
    expect(l.provenance.get('blocs.CN.stakes')).toMatchObject({ file: '--set' });
  });

  it('an unknown demand: one message at the name, with did-you-mean, exit 2', async () => {
    const cwd = await project('gestrue');
    const r = await cli(['run', 'demanding'], { cwd });
    expect([r.code, r.stderr]).toEqual([
      2,
      'scenarios/demanding.yaml:9:9: demand: unknown demand "gestrue" — did you mean "gesture"?\n' +
        '  hint: demands of the listed behaviour model: gesture\n',
    ]);
  });

  it('bring the timing: its half-life and optimism, with their line as provenance', async () => {
    const l = await load(await project('gesture'));
    expect(l.scenario.params.optimismHalfLife).toBe(6);
    expect(l.scenario.params.optimism).toBe(0.1);
    expect(l.provenance.get('parameters.optimism_half_life')).toMatchObject({
      file: 'models/behaviour.yaml',
      line: 14,
      why: 'Test half-life.',
    });
  });

  it('leave the timing at the schema’s defaults in a scenario naming no demand', async () => {
    const l = await load(await project(null), { set: { 'blocs.CN.stakes': 80 } });
    expect(l.scenario.params.optimismHalfLife).toBe(0);
    expect(l.scenario.params.optimism).toBe(0.3);
  });

  it('give the timing way to the scenario’s own value and to --set', async () => {
    const own = await load(await project('gesture', 'parameters:\n  optimism_half_life: 3\n'));
    expect(own.scenario.params.optimismHalfLife).toBe(3);
    const set = await load(await project('gesture'), { set: { 'parameters.optimism_half_life': 12 } });
    expect(set.scenario.params.optimismHalfLife).toBe(12);
    expect(set.provenance.get('parameters.optimism_half_life')).toMatchObject({ file: '--set' });
  });

  it('scale every level and spread of a distribution, and shift a lognormal’s mu', () => {
    expect(scaleDist({ type: 'triangular', min: 1, mode: 2, max: 4 }, 10)).toEqual({
      type: 'triangular',
      min: 10,
      mode: 20,
      max: 40,
    });
    expect(scaleDist({ type: 'beta', alpha: 2, beta: 2 }, 5)).toMatchObject({ min: 0, max: 5 });
    const ln = scaleDist({ type: 'lognormal', mu: 0, sigma: 1, truncate: { max: 3 } }, Math.E);
    expect(ln).toMatchObject({ mu: 1, sigma: 1, truncate: { max: 3 * Math.E } });
  });

  it('the shipped episodes name a demand and take their stakes from it', async () => {
    const r = await loadScenario('history/japan-2010.yaml');
    if (!r.ok) throw new Error(formatDiagnostics(r.error));
    expect(r.value.provenance.get('blocs.JP.stakes')?.file).toBe('models/behaviour.yaml');
    expect(r.value.provenance.get('blocs.CN.stakes')?.file).toBe('models/behaviour.yaml');
  });
});
