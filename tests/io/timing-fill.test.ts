// Timing: a scenario that names a demand takes the behaviour model's
// `timing:` parameters (the half-life of the sides' optimism, fitted with the
// demands' shares, and an optimism where given), with the line as provenance;
// the scenario's own value and --set win; a scenario naming no demand keeps
// the schema's defaults.
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { type LoadOptions, loadScenario } from '../../src/io/load-scenario.js';
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
    target_stakes: 0.01
    coercer_stakes: 0.2
timing:
  optimism_half_life: { value: 6, assumed: true, why: "Test half-life." }
  optimism: 0.1
`;

const BLOCS = `kind: blocs
id: mini-blocs
blocs:
  EU:
    name: European Union
    decides: eu_council
    allies_align: true
    gdp: 17935
    behaviour: calm
    base_effort: 0.25
    stakes: 120
  CN:
    name: China
    gdp: 17400
    behaviour: calm
    base_effort: 0.4
    stakes: 80
`;

const scenario = (demand: boolean, own: string) => `kind: scenario
id: timed
title: Timing
model_dir: ../models
models: [mini-blocs, test-behaviour, mini-council, default-formulas, mini-policies, mini-dependencies, mini-cn-measures, mini-eu-measures]
start: { date: 2025-04, levels: { mini_magnet_licensing: 2 } }
rounds: 6
players: { EU: hold, CN: hold }
${demand ? 'demand: gesture\n' : ''}${own}`;

const load = async (demand: boolean, own = '', opts: LoadOptions = {}) => {
  const cwd = await makeProject({
    'models/blocs.yaml': BLOCS,
    'models/behaviour.yaml': BEHAVIOUR,
    'scenarios/timed.yaml': scenario(demand, own),
  });
  const r = await loadScenario('timed', { cwd, ...opts });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  return r.value;
};

describe('timing of the scenarios that name a demand', () => {
  it('fills the half-life from `timing:`, with that line as provenance', async () => {
    const l = await load(true);
    expect(l.scenario.params.optimismHalfLife).toBe(6);
    expect(l.scenario.params.optimism).toBe(0.1);
    expect(l.provenance.get('parameters.optimism_half_life')).toMatchObject({
      file: 'models/behaviour.yaml',
      line: 14,
      why: 'Test half-life.',
    });
  });

  it('leaves a scenario naming no demand at the default, no fade', async () => {
    const l = await load(false);
    expect(l.scenario.params.optimismHalfLife).toBe(0);
    expect(l.scenario.params.optimism).toBe(0.3);
  });

  it('gives way to the scenario’s own value and to --set', async () => {
    const own = await load(true, 'parameters:\n  optimism_half_life: 3\n');
    expect(own.scenario.params.optimismHalfLife).toBe(3);
    const set = await load(true, '', { set: { 'parameters.optimism_half_life': 12 } });
    expect(set.scenario.params.optimismHalfLife).toBe(12);
    expect(set.provenance.get('parameters.optimism_half_life')).toMatchObject({ file: '--set' });
  });
});
