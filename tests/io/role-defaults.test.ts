// Defaults by role: a scenario's side whose blocs file writes no base_effort
// takes the behaviour model's for its role, with that line as provenance; a
// side's own number, an override and --set win; with neither, one message.
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { type LoadOptions, loadScenario } from '../../src/io/load-scenario.js';
import { makeProject, removeProjects } from './project.js';

afterAll(removeProjects);

const behaviour = (roles: boolean) => `kind: behaviour
id: test-behaviour
profiles:
  calm:
    pain_tolerance: 0.5
    monthly_discount: 0.98
    misperception: 0.1
${
  roles
    ? `roles:
  target:
    base_effort: { value: 0.3, assumed: true, why: "Test target default." }
  coercer:
    base_effort: 0.45
`
    : ''
}`;

/** The EU writes its own effort; China writes none. */
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
    gdp: 17400
    behaviour: calm
    stakes: 80
`;

const SCENARIO = `kind: scenario
id: roles
title: Roles
model_dir: ../models
models: [mini-blocs, test-behaviour, mini-council, default-formulas, mini-policies, mini-dependencies, mini-cn-measures, mini-eu-measures]
start: { date: 2025-04, levels: { mini_magnet_licensing: 2 } }
rounds: 6
players: { EU: hold, CN: hold }
`;

const project = (roles: boolean, scenario = SCENARIO) =>
  makeProject({
    'models/blocs.yaml': BLOCS,
    'models/behaviour.yaml': behaviour(roles),
    'scenarios/roles.yaml': scenario,
  });

const load = async (cwd: string, opts: LoadOptions = {}) => {
  const r = await loadScenario('roles', { cwd, ...opts });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  return r.value;
};

describe('defaults by role', () => {
  it('fill a side that writes none, from the line of its role, and leave a side’s own', async () => {
    const l = await load(await project(true));
    expect(l.scenario.blocs.coercer.baseEffort).toBe(0.45);
    expect(l.scenario.blocs.target.baseEffort).toBe(0.25);
    expect(l.provenance.get('blocs.CN.base_effort')).toMatchObject({
      file: 'models/behaviour.yaml',
      line: 12,
    });
    expect(l.provenance.get('blocs.EU.base_effort')).toMatchObject({ file: 'models/blocs.yaml' });
  });

  it('follow the role, not the side: China as the target takes the target’s', async () => {
    const swapped = `${SCENARIO}sides: { target: CN, coercer: EU }\n`;
    const l = await load(await project(true, swapped));
    expect(l.scenario.blocs.target.id).toBe('CN');
    expect(l.scenario.blocs.target.baseEffort).toBe(0.3);
    expect(l.provenance.get('blocs.CN.base_effort')?.why).toBe('Test target default.');
  });

  it('give way to --set', async () => {
    const l = await load(await project(true), { set: { 'blocs.CN.base_effort': 0.1 } });
    expect(l.scenario.blocs.coercer.baseEffort).toBe(0.1);
    expect(l.provenance.get('blocs.CN.base_effort')).toMatchObject({ file: '--set' });
  });

  it('without them, a side that writes none is told what to write', async () => {
    const r = await loadScenario('roles', { cwd: await project(false) });
    expect(r.ok ? '' : formatDiagnostics(r.error)).toBe(
      'models/blocs.yaml:13:5: blocs.CN: missing "base_effort": write it, or list a behaviour model whose `roles:` give the side\'s role one',
    );
  });

  it('the shipped episodes’ copied efforts come from the role (Korea 2016), their own reasons stay (Japan 2010)', async () => {
    const korea = await loadScenario('history/korea-2016.yaml');
    if (!korea.ok) throw new Error(formatDiagnostics(korea.error));
    expect(korea.value.provenance.get('blocs.CN.base_effort')?.file).toBe('models/behaviour.yaml');
    expect(korea.value.scenario.blocs.coercer.baseEffort).toBe(0.4);
    expect(korea.value.scenario.blocs.target.baseEffort).toBe(0.3);
    const japan = await loadScenario('history/japan-2010.yaml');
    if (!japan.ok) throw new Error(formatDiagnostics(japan.error));
    expect(japan.value.provenance.get('blocs.JP.base_effort')?.file).toBe('models/blocs-japan-2010.yaml');
  });
});
