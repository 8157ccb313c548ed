import { beforeAll, describe, expect, it } from 'vitest';
import { applyParameterValues } from '../../src/io/apply-parameters.js';
import { type LoadedScenario, loadScenario } from '../../src/io/load-scenario.js';

const load = async (ref: string, set?: Record<string, string | number>) => {
  const r = await loadScenario(ref, set ? { set } : {});
  if (!r.ok) throw new Error(r.error.map((d) => d.message).join('\n'));
  return r.value;
};

describe('a loaded scenario', () => {
  let mini: LoadedScenario;
  beforeAll(async () => {
    mini = await load('tests/fixtures/scenarios/mini.yaml');
  });

  it('is the engine shape: camelCase, plain numbers, indices, the off level first', () => {
    const sc = mini.scenario;
    expect(sc.startDate).toBe('2025-04');
    expect(sc.roundMonths).toBe(1);
    expect(sc.dependencies.map((d) => d.id)).toEqual(['mini_magnets', 'mini_duv_service']);
    expect(sc.dependencies[0]).toMatchObject({
      value: 1.6,
      bufferMonths: 3,
      decayPerMonth: 0,
      exposure: null,
    });
    const duv = sc.measures.find((m) => m.id === 'mini_duv_servicing')!;
    expect(duv).toMatchObject({
      bloc: 'target',
      legalBasis: 'aci',
      actsOn: [1],
      leadRounds: 1,
      holder: null,
    });
    expect(duv.levels[0]).toEqual({ name: 'off', intensity: 0, tariff: 0, rung: 0 });
    expect(duv.levels).toHaveLength(4);
    expect(sc.blocs.target).toMatchObject({
      id: 'EU',
      role: 'target',
      short: 'the EU',
      decides: 'eu_council',
      gdp: 17935,
      painTolerance: 0.5,
      baseEffort: 0.25,
    });
    expect(sc.states.map((s) => s.id)).toEqual(['DE', 'FR', 'ES', 'NL']);
    expect(sc.states[3]).toMatchObject({
      baseSupport: 1,
      painResponse: 1,
      levers: { mini_duv_servicing: 1 },
    });
    expect(sc.policies.graduated).toEqual({
      id: 'graduated',
      kind: 'graduated',
      description: 'Climbs one rung a round.',
      params: { step: 1 },
    });
    expect(sc.players).toEqual({ target: 'graduated', coercer: 'hold' });
    expect(sc.startLevels).toEqual({ mini_magnet_licensing: 2 });
    expect(sc.events[0]?.set).toEqual({ 'parameters.g7_alignment': 0.5 });
  });

  it('fills in parameter and procedure defaults', () => {
    expect(mini.scenario.params).toEqual({
      g7Alignment: 0.3,
      horizon: 12,
      votingMode: 'deterministic',
      solidarity: 0,
      voteFor: 0.5,
      voteAgainst: -0.5,
      breachBase: 0.1,
      snapbackCredibility: 0.5,
      patience: 2,
      spiralRung: 5,
      reopenAfter: 3,
      capitulation: 0.02,
      optimism: 1,
      optimismHalfLife: 0,
      futilityMonths: 24,
      futilityBite: 0.5,
      deadweightShare: 0.5,
      switchingCost: 0.1,
      restockPerMonth: 0.5,
      voteNoise: 0.5,
    });
    // The Regulation's own time limits (calibration.md §A.1), in 1-month rounds.
    expect(mini.scenario.procedure).toEqual({
      examination: 4,
      determination: 2,
      engagement: 2,
      committee: 1,
      appealMin: 1,
      appealMax: 3,
      application: 3,
    });
  });

  it('compiles the formulas once and gives every dependency a set', () => {
    const sc = mini.scenario;
    expect(sc.formulas.cut(1, 0, 0.1, 0.3)).toBeCloseTo(1 - 0.1 * 0.7);
    expect(sc.dependencies[0]?.formulas).toBe(sc.formulas);
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(mini.scenario)).toBe(true);
    expect(Object.isFrozen(mini.scenario.measures[0]?.levels[1])).toBe(true);
    expect(Object.isFrozen(mini.def.dependencies.mini_magnets)).toBe(true);
  });

  it('keeps provenance by data path', () => {
    expect(mini.provenance.get('blocs.EU.gdp')).toEqual({
      source: 'Eurostat 2024',
      file: 'tests/fixtures/models/blocs.yaml',
      line: 9,
    });
    expect(mini.provenance.get('dependencies.mini_magnets.value')).toMatchObject({
      assumed: true,
      why: 'Test figure.',
    });
    // Overridden in the scenario: the override's line.
    expect(mini.provenance.get('dependencies.mini_magnets.buffer_months')).toEqual({
      file: 'tests/fixtures/scenarios/mini.yaml',
      line: 16,
    });
    expect(mini.provenance.get('dependencies.mini_duv_service.elasticity')).toMatchObject({ why: 'default' });
  });

  it('lists uncertain numbers from the models and the scenario', () => {
    expect(mini.uncertain.map((u) => `${u.path} ${u.dist.type} ${u.file}:${u.line}`)).toEqual([
      'blocs.EU.pain_tolerance triangular tests/fixtures/models/blocs.yaml:10',
      'dependencies.mini_magnets.substitution_years triangular tests/fixtures/scenarios/mini.yaml:18',
    ]);
  });

  it('has a stable hash that changes with the data', async () => {
    const again = await load('tests/fixtures/scenarios/mini.yaml');
    expect(again.hash).toBe(mini.hash);
    expect(mini.hash).toMatch(/^[0-9a-f]{64}$/);
    const changed = await load('tests/fixtures/scenarios/mini.yaml', { rounds: 13 });
    expect(changed.hash).not.toBe(mini.hash);
  });
});

describe('extends and --set', () => {
  it('merges: own fields win, overrides/events add up, parameters merge field by field', async () => {
    const child = await load('tests/fixtures/scenarios/child.yaml');
    expect(child.scenario.id).toBe('child');
    expect(child.scenario.rounds).toBe(6);
    expect(child.scenario.params).toMatchObject({ horizon: 3, g7Alignment: 0.3 });
    expect(child.scenario.dependencies[0]).toMatchObject({ share: 0.9, bufferMonths: 3 });
    expect(child.scenario.events.map((e) => e.round)).toEqual([4, 2]);
    expect(child.files.slice(0, 2)).toEqual([
      'tests/fixtures/scenarios/child.yaml',
      'tests/fixtures/scenarios/mini.yaml',
    ]);
  });

  it('applies --set after the overrides, turning number text into numbers', async () => {
    const sc = await load('tests/fixtures/scenarios/mini.yaml', {
      'dependencies.mini_magnets.buffer_months': '6',
      'measures.mini_duv_servicing.levels.1.intensity': '0.5',
      'formulas.cut': 'r',
      'parameters.voting': 'stochastic',
    });
    expect(sc.scenario.dependencies[0]?.bufferMonths).toBe(6);
    expect(sc.scenario.measures.find((m) => m.id === 'mini_duv_servicing')?.levels[2]?.intensity).toBe(0.5);
    expect(sc.scenario.formulas.cut(0.7, 0, 0, 0)).toBe(0.7);
    expect(sc.scenario.params.votingMode).toBe('stochastic');
    expect(sc.provenance.get('dependencies.mini_magnets.buffer_months')).toEqual({ file: '--set', line: 0 });
  });

  it('scales the default procedure to the round length', async () => {
    const sc = await load('tests/fixtures/scenarios/mini.yaml', { round_months: 3 });
    expect(sc.scenario.procedure).toMatchObject({ determination: 1, appealMin: 1, appealMax: 1 });
  });
});

describe('applyParameterValues', () => {
  it('replaces numbers by data path and shares everything else', async () => {
    const mini = await load('tests/fixtures/scenarios/mini.yaml');
    const sc = applyParameterValues(mini, {
      'dependencies.mini_magnets.substitution_years': 9,
      'blocs.EU.pain_tolerance': 0.7,
      'measures.mini_duv_servicing.levels[1].intensity': 0.2,
      'member_states.DE.exposure.automotive': 0.1,
      'parameters.g7_alignment': 0.9,
    });
    expect(sc.dependencies[0]?.substitutionYears).toBe(9);
    expect(mini.scenario.dependencies[0]?.substitutionYears).toBe(7);
    expect(sc.blocs.target.painTolerance).toBe(0.7);
    expect(sc.measures.find((m) => m.id === 'mini_duv_servicing')?.levels[2]?.intensity).toBe(0.2);
    expect(sc.states[0]?.exposure.automotive).toBe(0.1);
    expect(sc.params.g7Alignment).toBe(0.9);
    expect(sc.dependencies[1]).toBe(mini.scenario.dependencies[1]);
    expect(sc.formulas).toBe(mini.scenario.formulas);
    expect(sc.hash).not.toBe(mini.scenario.hash);
    expect(Object.isFrozen(sc.dependencies[0])).toBe(true);
    expect(applyParameterValues(mini, {})).toBe(mini.scenario);
    expect(() => applyParameterValues(mini, { 'dependencies.nope.share': 1 })).toThrow(
      '"dependencies.nope.share" is not a number of scenario "mini"',
    );
  });
});
