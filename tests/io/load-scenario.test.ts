import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { type LoadOptions, loadScenario } from '../../src/io/load-scenario.js';
import { invalidFixture, makeProject, removeProjects } from './project.js';

afterAll(removeProjects);

const problems = async (ref: string, opts: LoadOptions = {}) => {
  const r = await loadScenario(ref, opts);
  return r.ok ? '' : formatDiagnostics(r.error);
};
/** Loads scenarios/with-extra.yaml in a project whose models/extra.yaml is the named invalid fixture. */
const withExtra = async (fixture: string) => {
  const cwd = await makeProject({ 'models/extra.yaml': await invalidFixture(fixture) });
  return problems('with-extra', { cwd });
};

describe('problems across files', () => {
  it('unknown model id, with did-you-mean', async () => {
    expect(await problems('tests/fixtures/invalid/unknown-model.yaml')).toBe(
      'tests/fixtures/invalid/unknown-model.yaml:5:69: models[4]: unknown model id "mini-dependencie" — did you mean "mini-dependencies"?\n' +
        '  hint: looked for model files in tests/fixtures/models, models',
    );
  });

  it('unknown dependency in acts_on, with did-you-mean', async () => {
    expect(await withExtra('acts-on-unknown.yaml')).toBe(
      'models/extra.yaml:8:15: measures.gallium_ban.acts_on[0]: unknown dependency "mini_magnet" — did you mean "mini_magnets"?',
    );
  });

  it('duplicate model ids across files name both files', async () => {
    const cwd = await makeProject({ 'models/extra.yaml': await invalidFixture('duplicate-model-id.yaml') });
    expect(await problems('mini', { cwd })).toBe(
      'models/policies.yaml:2:5: id: model id "mini-policies" is used by both models/extra.yaml and models/policies.yaml',
    );
  });

  it('duplicate dependency ids across files name both files', async () => {
    expect(await withExtra('duplicate-dependency.yaml')).toBe(
      'models/extra.yaml:4:3: dependencies.mini_magnets: dependency "mini_magnets" is defined in both models/dependencies.yaml and models/extra.yaml',
    );
  });

  it('extends cycle names the chain', async () => {
    expect(await problems('tests/fixtures/invalid/cycle-a.yaml')).toBe(
      'tests/fixtures/invalid/cycle-b.yaml:4:10: extends: scenarios extend each other in a cycle: cycle-a → cycle-b → cycle-a',
    );
  });

  it('a bad rounds is one problem: the events after it are not also reported', async () => {
    const cwd = await makeProject({
      'variants/x.yaml': 'kind: scenario\nid: x\ntitle: X\nextends: ../scenarios/mini.yaml\nrounds: 12x\n',
    });
    expect(await problems('variants/x.yaml', { cwd })).toBe(
      'variants/x.yaml:5:9: rounds: expected a whole number from 1 to 1000, got "12x"',
    );
  });

  it('extends an unknown scenario', async () => {
    const cwd = await makeProject({
      'scenarios/x.yaml': 'kind: scenario\nid: x\ntitle: X\nextends: minni\n',
    });
    expect(await problems('x', { cwd })).toBe(
      'scenarios/x.yaml:4:10: extends: unknown scenario "minni" (no minni.yaml next to this file) — did you mean "mini"?',
    );
  });

  it('extends a file by its path, relative to the extending file', async () => {
    const cwd = await makeProject({
      'variants/x.yaml': 'kind: scenario\nid: x\ntitle: X\nextends: ../scenarios/mini.yaml\nrounds: 5\n',
      'variants/y.yaml': 'kind: scenario\nid: y\ntitle: Y\nextends: ../scenarios/minni.yaml\n',
    });
    const r = await loadScenario('variants/x.yaml', { cwd });
    expect(r.ok && r.value.scenario.rounds).toBe(5);
    expect(await problems('variants/y.yaml', { cwd })).toMatch(
      /^variants\/y\.yaml:4:10: extends: no scenario file \.\.\/scenarios\/minni\.yaml \(looked for .*\/scenarios\/minni\.yaml\)$/,
    );
  });

  it('missing required fields without extends', async () => {
    const cwd = await makeProject({
      'scenarios/x.yaml': 'kind: scenario\nid: x\ntitle: X\nmodel_dir: ../models\n',
    });
    expect(await problems('x', { cwd })).toBe(
      [
        'scenarios/x.yaml:1:1: missing required field "models"',
        'scenarios/x.yaml:1:1: missing required field "start"',
        'scenarios/x.yaml:1:1: missing required field "rounds"',
        'scenarios/x.yaml:1:1: missing required field "players"',
      ].join('\n'),
    );
  });

  it('overrides: unknown path, value out of range, bad formula — each at its own line', async () => {
    expect(await problems('tests/fixtures/invalid/bad-override.yaml')).toBe(
      [
        'tests/fixtures/invalid/bad-override.yaml:10:43: overrides.dependencies.mini_magnets.buffer_month: unknown field "buffer_month" in dependencies.mini_magnets — did you mean "buffer_months"?',
        'tests/fixtures/invalid/bad-override.yaml:11:36: overrides.dependencies.mini_magnets.share: expected a number from 0 to 1, got 1.4',
        'tests/fixtures/invalid/bad-override.yaml:12:17: overrides.formulas.cut: unknown symbol "ph" — did you mean "phi"?',
        'tests/fixtures/invalid/bad-override.yaml:13:28: overrides.parameters.g7_alignment: expected a number from 0 to 1, got 2',
      ].join('\n'),
    );
  });

  it('--set: value out of range, unknown path, not a number', async () => {
    expect(
      await problems('tests/fixtures/scenarios/mini.yaml', {
        set: { 'dependencies.mini_magnets.share': '1.4', 'blocs.EU.pain_tolerence': 1, rounds: 'x' },
      }),
    ).toBe(
      [
        '--set: blocs.EU.pain_tolerence: unknown field "pain_tolerence" in blocs.EU — did you mean "pain_tolerance"?',
        '--set: dependencies.mini_magnets.share: expected a number from 0 to 1, got 1.4',
        '--set: rounds: expected a whole number from 1 to 1000, got "x"',
      ].join('\n'),
    );
  });

  it('reports every broken reference at once', async () => {
    expect(await problems('tests/fixtures/invalid/bad-refs.yaml')).toBe(
      [
        'tests/fixtures/invalid/bad-refs.yaml:8:13: start.levels.mini_magnet_licencing: unknown measure "mini_magnet_licencing" — did you mean "mini_magnet_licensing"?',
        'tests/fixtures/invalid/bad-refs.yaml:8:59: start.levels.mini_duv_servicing: level 7 is beyond the ladder of "mini_duv_servicing" (levels 0 to 3)',
        'tests/fixtures/invalid/bad-refs.yaml:10:16: players.EU: unknown policy "graduate" — did you mean "graduated"?',
        'tests/fixtures/invalid/bad-refs.yaml:12:35: uncertain.dependencies.mini_magnets.shar: unknown field "shar" in dependencies.mini_magnets — did you mean "share"?',
        'tests/fixtures/invalid/bad-refs.yaml:13:41: uncertain.dependencies.mini_magnets.divertible: the distribution reaches 1.5, outside the allowed range (a number from 0 to 1)',
        'tests/fixtures/invalid/bad-refs.yaml:15:12: events[0].round: round 14 is after the last round (12)',
        'tests/fixtures/invalid/bad-refs.yaml:17:16: events[0].support.DK: unknown member state "DK" — did you mean "DE"?',
        'tests/fixtures/invalid/bad-refs.yaml:18:12: events[0].set.measures.mini_pork_probe.lead_rounds: "measures.mini_pork_probe.lead_rounds" cannot change during a run; use parameters.<name>, dependencies.<id>.<field> or blocs.<EU|CN>.<field>',
      ].join('\n'),
    );
  });

  it('a measure that cuts a flow its bloc does not supply', async () => {
    const cwd = await makeProject({
      'models/extra.yaml': (await invalidFixture('acts-on-unknown.yaml')).replace(
        '[mini_magnet]',
        '[mini_duv_service]',
      ),
    });
    expect(await problems('with-extra', { cwd })).toBe(
      'models/extra.yaml:8:15: measures.gallium_ban.acts_on[0]: "mini_duv_service" is supplied by EU; only EU can cut it, not CN',
    );
  });

  it('a lever naming a measure that exists nowhere', async () => {
    const cwd = await makeProject();
    const { readFile, writeFile } = await import('node:fs/promises');
    const file = `${cwd}/models/member-states.yaml`;
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'levers: { mini_duv_servicing: 1 }',
        'levers: { mini_duv_servicng: 1, other: 0.5 }',
      ),
    );
    expect(await problems('mini', { cwd })).toBe(
      [
        'models/member-states.yaml:38:15: member_states.NL.levers.mini_duv_servicng: unknown measure "mini_duv_servicng" — did you mean "mini_duv_servicing"?',
        'models/member-states.yaml:38:37: member_states.NL.levers.other: unknown measure "other"\n  hint: known: mini_magnet_licensing, mini_pork_probe, mini_duv_servicing',
      ].join('\n'),
    );
  });
});
