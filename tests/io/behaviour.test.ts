// Behaviour profiles: a side that names one takes the profile's pain
// tolerance, misperception and discount (compounded over the round) where it
// writes none, with the profile's provenance; a side's own field wins.
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { type LoadOptions, loadScenario } from '../../src/io/load-scenario.js';
import { cli } from '../helpers/cli.js';
import { makeProject, removeProjects } from './project.js';

afterAll(removeProjects);

const BEHAVIOUR = `kind: behaviour
id: test-behaviour
profiles:
  calm:
    pain_tolerance: { value: 0.6, assumed: true, why: "Test profile.", dist: { type: uniform, min: 0.4, max: 0.8 } }
    monthly_discount: { value: 0.9, assumed: true, why: "Test monthly discount." }
    misperception: 0.1
`;

/** The fixture's blocs with China naming the profile and writing only its discount. */
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
    stakes: 150
    discount: 0.99
    base_effort: 0.4
`;

const scenario = (roundMonths: number, models = 'mini-blocs, test-behaviour') => `kind: scenario
id: profiled
title: Profiles
model_dir: ../models
models: [${models}, mini-council, default-formulas, mini-policies, mini-dependencies, mini-cn-measures, mini-eu-measures]
start: { date: 2025-04, levels: { mini_magnet_licensing: 2 } }
rounds: 6
round_months: ${roundMonths}
players: { EU: hold, CN: hold }
`;

const project = (roundMonths: number, models?: string) =>
  makeProject({
    'models/blocs.yaml': BLOCS,
    'models/behaviour.yaml': BEHAVIOUR,
    'scenarios/profiled.yaml': scenario(roundMonths, models),
  });

const load = async (cwd: string, opts: LoadOptions = {}) => {
  const r = await loadScenario('profiled', { cwd, ...opts });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  return r.value;
};

describe('behaviour profiles', () => {
  it('fill the fields a side does not write, the discount compounded over the round', async () => {
    const l = await load(await project(3));
    expect(l.def.blocs.EU).toMatchObject({ pain_tolerance: 0.6, misperception: 0.1 });
    expect(l.def.blocs.EU!.discount).toBeCloseTo(0.729, 12);
    // China writes its own discount; the rest comes from the profile.
    expect(l.def.blocs.CN).toMatchObject({ pain_tolerance: 0.6, misperception: 0.1, discount: 0.99 });
    expect(l.scenario.blocs.target.discount).toBeCloseTo(0.729, 12);
  });

  it('carry the profile’s provenance and distribution, drawn per side', async () => {
    const l = await load(await project(1));
    expect(l.provenance.get('blocs.EU.pain_tolerance')).toMatchObject({
      file: 'models/behaviour.yaml',
      line: 5,
      why: 'Test profile.',
    });
    expect(l.provenance.get('blocs.CN.discount')).toMatchObject({ file: 'models/blocs.yaml', line: 17 });
    const paths = l.uncertain.map((u) => u.path);
    expect(paths).toContain('blocs.EU.pain_tolerance');
    expect(paths).toContain('blocs.CN.pain_tolerance');
    expect(paths.some((p) => p.startsWith('profiles.'))).toBe(false);
  });

  it('--set writes a side’s own field, or names another profile', async () => {
    const cwd = await project(1);
    const own = await load(cwd, { set: { 'blocs.EU.misperception': 0.3 } });
    expect(own.def.blocs.EU!.misperception).toBe(0.3);
    expect(own.provenance.get('blocs.EU.misperception')).toMatchObject({ file: '--set' });
  });

  it('an unknown profile: one message at the name, with did-you-mean, exit 2', async () => {
    const cwd = await project(1);
    const r = await cli(['run', 'profiled', '--set', 'blocs.EU.behaviour=clam'], { cwd });
    expect([r.code, r.stderr]).toEqual([
      2,
      '--set: blocs.EU.behaviour: unknown behaviour profile "clam" — did you mean "calm"?\n' +
        '  hint: profiles of the listed behaviour models: calm\n',
    ]);
  });

  it('no behaviour model listed: the side is told to list one', async () => {
    const cwd = await project(1, 'mini-blocs');
    const r = await loadScenario('profiled', { cwd });
    expect(r.ok ? '' : formatDiagnostics(r.error)).toBe(
      'models/blocs.yaml:9:16: blocs.EU.behaviour: unknown behaviour profile "calm"\n' +
        "  hint: no `behaviour` model is listed: add one (e.g. `behaviour`) to the scenario's `models:`\n" +
        'models/blocs.yaml:15:16: blocs.CN.behaviour: unknown behaviour profile "calm"\n' +
        "  hint: no `behaviour` model is listed: add one (e.g. `behaviour`) to the scenario's `models:`",
    );
  });

  it('a side with neither the field nor a profile is told what to write', async () => {
    const cwd = await makeProject({
      'models/blocs.yaml': BLOCS.replace('    behaviour: calm\n    stakes: 120', '    stakes: 120'),
      'models/behaviour.yaml': BEHAVIOUR,
      'scenarios/profiled.yaml': scenario(1),
    });
    const r = await loadScenario('profiled', { cwd });
    expect(r.ok ? '' : formatDiagnostics(r.error)).toBe(
      [
        'models/blocs.yaml:5:5: blocs.EU: missing "pain_tolerance": write it, or name a profile of a listed behaviour model with `behaviour:`',
        'models/blocs.yaml:5:5: blocs.EU: missing "misperception": write it, or name a profile of a listed behaviour model with `behaviour:`',
        'models/blocs.yaml:5:5: blocs.EU: missing "discount": write it, or name a profile of a listed behaviour model with `behaviour:`',
      ].join('\n'),
    );
  });

  it('a monthly discount with a distribution cannot be compounded over longer rounds', async () => {
    const cwd = await makeProject({
      'models/blocs.yaml': BLOCS,
      'models/behaviour.yaml': BEHAVIOUR.replace(
        'why: "Test monthly discount." }',
        'why: "Test monthly discount.", dist: { type: uniform, min: 0.8, max: 0.95 } }',
      ),
      'scenarios/profiled.yaml': scenario(3),
    });
    const r = await loadScenario('profiled', { cwd });
    expect(r.ok ? '' : formatDiagnostics(r.error)).toBe(
      'models/behaviour.yaml:6:89: profiles.calm.monthly_discount.dist: a monthly discount with `dist:` cannot be compounded over 3-month rounds; write `discount:` on side EU instead',
    );
  });

  it('the shipped episodes: a three-month round compounds the eu profile’s 0.98', async () => {
    const r = await loadScenario('history/australia-2020.yaml');
    if (!r.ok) throw new Error(formatDiagnostics(r.error));
    expect(r.value.def.blocs.AU!.discount).toBeCloseTo(0.98 ** 3, 12);
    expect(r.value.def.blocs.CN!.discount).toBeCloseTo(0.99 ** 3, 12);
    expect(r.value.provenance.get('blocs.AU.discount')?.file).toBe('models/behaviour.yaml');
  });
});
