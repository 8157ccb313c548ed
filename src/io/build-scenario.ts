// The engine's Scenario from the resolved def: camelCase, plain numbers,
// the implicit "off" level prepended, ids turned into indices.

import { POLICY_PARAMS } from '../engine/policies/params.js';
import type {
  Bloc,
  Dependency,
  Measure,
  MemberState,
  Policy,
  RandomSource,
  Role,
  Scenario,
  ScriptedEvent,
} from '../engine/types.js';
import type { CompiledFormulas } from './compile-formulas.js';
import { buildTargets } from './path-vocabulary.js';
import type { ResolvedDef } from './resolve-def.js';

const policyDefaults = (kind: Policy['kind']): Record<string, number> =>
  Object.fromEntries(Object.entries(POLICY_PARAMS[kind]).map(([k, v]) => [k, v.default]));

const OFF = { name: 'off', intensity: 0, tariff: 0, rung: 0 } as const;

export function buildScenario(
  def: ResolvedDef,
  formulas: CompiledFormulas,
  random: RandomSource,
  hash: string,
  eventSets: readonly Record<string, number>[],
): Scenario {
  const depIndex = new Map(Object.keys(def.dependencies).map((id, i) => [id, i]));
  // The engine knows the sides by role; the files name them.
  const roleOf = (side: string): Role => (side === def.sides.target ? 'target' : 'coercer');
  const dependencies = Object.entries(def.dependencies).map(
    ([id, d]): Dependency => ({
      id,
      name: d.name,
      mechanism: d.mechanism,
      supplier: roleOf(d.supplier),
      dependent: roleOf(d.dependent),
      alliesAlign: def.blocs[d.supplier]?.allies_align ?? false,
      sector: d.sector,
      value: d.value,
      share: d.share,
      criticality: d.criticality,
      bufferMonths: d.buffer_months,
      shortRunAlternatives: d.short_run_alternatives,
      substitutionYears: d.substitution_years,
      divertible: d.divertible,
      decayPerMonth: d.decay_per_month,
      recoveryPerMonth: d.recovery_per_month,
      elasticity: d.elasticity,
      margin: d.margin,
      exporterIncidence: d.exporter_incidence,
      exposure: d.exposure ?? null,
      formulas: formulas.byDependency.get(id) ?? formulas.defaults,
    }),
  );
  const measures = Object.entries(def.measures).map(
    ([id, m]): Measure => ({
      id,
      name: m.name,
      description: m.description,
      bloc: roleOf(m.bloc),
      legalBasis: m.legal_basis,
      holder: m.holder ?? null,
      category: m.category ?? null,
      actsOn: m.acts_on.map((d) => depIndex.get(d) ?? -1),
      leadRounds: m.lead_rounds,
      reversible: m.reversible,
      levels: [
        OFF,
        ...m.levels.map((l) => ({ name: l.name, intensity: l.intensity, tariff: l.tariff, rung: l.rung })),
      ],
      pressure: m.pressure,
    }),
  );
  const states = Object.entries(def.member_states).map(
    ([id, s]): MemberState => ({
      id,
      name: s.name,
      population: s.population,
      gdp: s.gdp,
      stance: s.stance,
      baseSupport: s.base_support,
      painResponse: s.pain_response,
      exposure: s.exposure,
      levers: s.levers,
    }),
  );
  const policies = Object.fromEntries(
    Object.entries(def.policies).map(([id, p]): [string, Policy] => [
      id,
      { id, kind: p.kind, description: p.description, params: { ...policyDefaults(p.kind), ...p.params } },
    ]),
  );
  const bloc = (role: Role): Bloc => {
    const id = def.sides[role];
    const b = def.blocs[id]!;
    return {
      id,
      role,
      name: b.name,
      short: b.short ?? b.name,
      decides: b.decides,
      alliesAlign: b.allies_align,
      gdp: b.gdp,
      painTolerance: b.pain_tolerance,
      stakes: b.stakes,
      discount: b.discount,
      misperception: b.misperception,
      baseEffort: b.base_effort,
    };
  };
  const p = def.parameters;
  const pr = def.procedure;
  const events = def.events.map(
    (e, i): ScriptedEvent => ({
      round: e.round,
      text: e.text,
      levels: e.levels,
      support: e.support,
      set: eventSets[i] ?? {},
    }),
  );
  const sc: Omit<Scenario, 'targets'> = {
    id: def.id,
    title: def.title,
    hash,
    startDate: def.start.date,
    rounds: def.rounds,
    roundMonths: def.round_months,
    blocs: { target: bloc('target'), coercer: bloc('coercer') },
    council:
      (['target', 'coercer'] as const).find((r) => def.blocs[def.sides[r]]?.decides === 'eu_council') ?? null,
    states,
    dependencies,
    measures,
    policies,
    players: {
      target: def.players[def.sides.target] ?? 'human',
      coercer: def.players[def.sides.coercer] ?? 'human',
    },
    params: {
      g7Alignment: p.g7_alignment,
      horizon: p.horizon,
      votingMode: p.voting,
      solidarity: p.solidarity,
      voteFor: p.vote_for,
      voteAgainst: p.vote_against,
      breachBase: p.breach_base,
      snapbackCredibility: p.snapback_credibility,
      patience: p.patience,
      spiralRung: p.spiral_rung,
      reopenAfter: p.reopen_after,
      capitulation: p.capitulation,
      optimism: p.optimism,
      optimismHalfLife: p.optimism_half_life,
      futilityMonths: p.futility_months,
      futilityBite: p.futility_bite,
      deadweightShare: p.deadweight_share,
      switchingCost: p.switching_cost,
      restockPerMonth: p.restock_per_month,
      voteNoise: p.vote_noise,
    },
    procedure: {
      examination: pr.examination,
      determination: pr.determination,
      engagement: pr.engagement,
      committee: pr.committee,
      appealMin: pr.appeal[0],
      appealMax: pr.appeal[1],
      application: pr.application,
    },
    startLevels: def.start.levels,
    events,
    formulas: formulas.defaults,
    random,
  };
  // random last, as a scenario sent to a worker rebuilds it (io/scenario-data.ts): the keys keep their order.
  const { random: source, ...rest } = sc;
  return { ...rest, targets: buildTargets(sc), random: source };
}

/** Freezes a scenario deeply, except its random source (which may hold state) and functions. */
export function deepFreeze<T>(v: T, skip: ReadonlySet<unknown> = new Set()): T {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v) || skip.has(v)) return v;
  for (const child of Object.values(v)) deepFreeze(child, skip);
  return Object.freeze(v);
}
