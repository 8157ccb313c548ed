// A small engine Scenario built in code, for unit tests that must not depend on YAML.
import { HAND_FORMULAS } from '../../src/engine/hand-formulas.js';
import type { Dependency, Measure, MemberState, Scenario } from '../../src/engine/types.js';
import { buildTargets } from '../../src/io/path-vocabulary.js';
import { makeRandomSource } from '../../src/rng/streams.js';
import { POP_2025 as POP } from './council-2025.js';

export function miniStates(base = 0.8): MemberState[] {
  return Object.entries(POP).map(([id, population]) => ({
    id,
    name: id,
    population,
    gdp: population * 40,
    stance: 'cautious',
    baseSupport: id === 'HU' ? -1 : base,
    painResponse: 1,
    exposure: { automotive: id === 'DE' ? 3 : 1, semiconductors: 1 },
    levers: (id === 'NL' ? { duv: 1 } : {}) as Record<string, number>,
  }));
}

export const magnets = (over: Partial<Dependency> = {}): Dependency => ({
  id: 'magnets',
  name: 'Magnets',
  mechanism: 'supply',
  supplier: 'coercer',
  alliesAlign: false,
  dependent: 'target',
  sector: 'automotive',
  value: 1.2,
  share: 0.9,
  criticality: 20,
  bufferMonths: 2,
  shortRunAlternatives: 0.1,
  substitutionYears: 6,
  divertible: 0.5,
  decayPerMonth: 0,
  recoveryPerMonth: 0,
  elasticity: 0,
  margin: 0,
  exporterIncidence: 0,
  exposure: null,
  formulas: HAND_FORMULAS,
  ...over,
});

export const duvService = (over: Partial<Dependency> = {}): Dependency => ({
  ...magnets(),
  id: 'duv',
  name: 'DUV service',
  mechanism: 'service',
  supplier: 'target',
  alliesAlign: true,
  dependent: 'coercer',
  sector: 'semiconductors',
  value: 2,
  criticality: 15,
  bufferMonths: 0,
  shortRunAlternatives: 0.05,
  decayPerMonth: 0.05,
  recoveryPerMonth: 0.2,
  ...over,
});

export const evs = (over: Partial<Dependency> = {}): Dependency => ({
  ...magnets(),
  id: 'evs',
  name: 'Chinese EVs',
  mechanism: 'market',
  supplier: 'coercer',
  alliesAlign: false,
  dependent: 'target',
  sector: 'automotive',
  value: 10,
  elasticity: 3,
  margin: 0.2,
  exporterIncidence: 0.5,
  bufferMonths: 0,
  ...over,
});

const ladder = (...xs: [number, number, number][]) => [
  { name: 'off', intensity: 0, tariff: 0, rung: 0 },
  ...xs.map(([intensity, tariff, rung], i) => ({ name: `L${i + 1}`, intensity, tariff, rung })),
];

export function miniMeasures(): Measure[] {
  const base = {
    description: '',
    holder: null,
    category: null,
    leadRounds: 0,
    reversible: true,
    pressure: {},
  };
  return [
    {
      ...base,
      id: 'cn_magnets',
      name: 'Magnet licensing',
      bloc: 'coercer',
      legalBasis: 'government',
      actsOn: [0],
      levels: ladder([0, 0, 1], [0.5, 0, 2], [1, 0, 4]),
    },
    {
      ...base,
      id: 'duv',
      name: 'DUV servicing stop',
      bloc: 'target',
      legalBasis: 'aci',
      actsOn: [1],
      levels: ladder([0, 0, 1], [0.5, 0, 3], [1, 0, 4]),
    },
    {
      ...base,
      id: 'ev_tariff',
      name: 'EV tariff',
      bloc: 'target',
      legalBasis: 'aci',
      actsOn: [2],
      levels: ladder([0, 0.25, 2], [0, 0.5, 3]),
    },
    {
      ...base,
      id: 'pork',
      name: 'Pork probe',
      bloc: 'coercer',
      legalBasis: 'government',
      actsOn: [],
      levels: ladder([0.5, 0, 1], [1, 0, 2]),
      pressure: { ES: 2 },
    },
  ];
}

export function miniScenario(over: Partial<Scenario> = {}): Scenario {
  const sc: Omit<Scenario, 'targets'> = {
    id: 'mini',
    title: 'Mini',
    hash: 'test',
    startDate: '2025-04',
    rounds: 12,
    roundMonths: 1,
    blocs: {
      target: {
        id: 'EU',
        role: 'target',
        name: 'European Union',
        short: 'the EU',
        decides: 'eu_council',
        alliesAlign: true,
        gdp: 17900,
        painTolerance: 0.5,
        stakes: 100,
        discount: 0.98,
        misperception: 0.2,
        baseEffort: 0.25,
      },
      coercer: {
        id: 'CN',
        role: 'coercer',
        name: 'China',
        short: 'China',
        decides: 'government',
        alliesAlign: false,
        gdp: 17400,
        painTolerance: 0.3,
        stakes: 120,
        discount: 0.99,
        misperception: 0.2,
        baseEffort: 0.4,
      },
    },
    council: 'target',
    states: miniStates(),
    dependencies: [magnets(), duvService(), evs()],
    measures: miniMeasures(),
    policies: {
      hold: { id: 'hold', kind: 'hold', description: '', params: {} },
      graduated: { id: 'graduated', kind: 'graduated', description: '', params: { step: 1 } },
      best_response: { id: 'best_response', kind: 'best_response', description: '', params: {} },
      tit_for_tat: { id: 'tit_for_tat', kind: 'tit_for_tat', description: '', params: {} },
      appeaser: { id: 'appeaser', kind: 'appeaser', description: '', params: { concession: 0.2 } },
    },
    players: { target: 'graduated', coercer: 'best_response' },
    params: {
      g7Alignment: 0.3,
      horizon: 6,
      votingMode: 'deterministic',
      solidarity: 0,
      voteFor: 0.5,
      voteAgainst: -0.5,
      breachBase: 0.1,
      snapbackCredibility: 0.5,
      patience: 2,
      spiralRung: 5,
      reopenAfter: 3,
      capitulation: 0.1,
      optimism: 1,
      optimismHalfLife: 0,
      futilityMonths: 24,
      futilityBite: 0.5,
      deadweightShare: 0.5,
      switchingCost: 0.1,
      restockPerMonth: 0.5,
      voteNoise: 0.5,
    },
    procedure: {
      examination: 1,
      determination: 2,
      engagement: 1,
      committee: 1,
      appealMin: 1,
      appealMax: 3,
      application: 1,
    },
    startLevels: { cn_magnets: 2 },
    events: [],
    formulas: HAND_FORMULAS,
    random: makeRandomSource(),
    ...over,
  };
  return { ...sc, targets: over.targets ?? buildTargets(sc) };
}
