// Merges the validated files into one plain, snake_case description of the
// scenario (numbers without their sources), with provenance per number.

import { DEFAULT_PROCEDURE } from '../engine/aci.js';
import type { FormulaRole } from '../engine/formula-roles.js';
import { BEHAVIOUR_FIELDS } from './behaviour-fill.js';
import type { Diagnostic } from './diagnostics.js';
import { type Loc, toDefPath } from './overrides.js';
import { formatPath, type PathSeg } from './paths.js';
import { type Provenance, plainCopy, provenanceOf, type UncertainParam } from './provenance.js';
import type { BlocDef } from './schemas/blocs.js';
import type { DependencyDef } from './schemas/dependencies.js';
import type { ExpectDef } from './schemas/expect.js';
import type { MeasureDef } from './schemas/measures.js';
import type { MemberStateDef } from './schemas/member-states.js';
import { type ModelFileDef, ModelFileSchema } from './schemas/model.js';
import type { Plain } from './schemas/num.js';
import type { PolicyDef } from './schemas/policies.js';
import { type EventDef, type ParametersDef, type ScenarioDef, ScenarioSchema } from './schemas/scenario.js';
import type { Locator } from './zod-issues.js';

export interface ResolvedProcedure {
  readonly examination: number;
  readonly determination: number;
  readonly engagement: number;
  readonly committee: number;
  readonly appeal: readonly [number, number];
  readonly application: number;
}

/** The whole scenario as plain data, in the files' snake_case, after extends and overrides. */
export interface ResolvedDef {
  id: string;
  title: string;
  description: string;
  models: string[];
  start: { date: string; levels: Record<string, number> };
  rounds: number;
  round_months: number;
  /** The two sides' ids by role. */
  sides: { target: string; coercer: string };
  /** Side id → 'human' or a policy id. */
  players: Record<string, string>;
  parameters: Plain<ParametersDef>;
  procedure: ResolvedProcedure;
  council_year: number;
  /** Every side the listed models define, by id (the scenario uses two), behaviour profiles filled in. */
  blocs: Record<string, ResolvedBloc>;
  member_states: Record<string, Plain<MemberStateDef>>;
  dependencies: Record<string, Plain<DependencyDef>>;
  measures: Record<string, Plain<MeasureDef> & { bloc: string }>;
  policies: Record<string, Plain<PolicyDef>>;
  formulas: Record<FormulaRole, { expr: string; about: string }>;
  events: Plain<EventDef>[];
  /** What history recorded, for a hindcast (episodes only). */
  expect: ExpectDef | null;
}

/** A side with the fields a behaviour profile may supply present. */
export type ResolvedBloc = Omit<Plain<BlocDef>, 'behaviour'> &
  Record<(typeof BEHAVIOUR_FIELDS)[number][0] | 'stakes' | 'base_effort', number>;

/** A validated model file with the locator for its (possibly overridden) data. */
export interface CheckedModel {
  readonly file: string;
  readonly def: ModelFileDef;
  readonly data: unknown;
  readonly locate: Locator;
}

export interface CheckedScenario {
  readonly def: ScenarioDef;
  readonly data: unknown;
  readonly locate: Locator;
}

export interface Resolution {
  readonly def: ResolvedDef;
  readonly provenance: Map<string, Provenance>;
  /** Numbers in model files that carry `dist:`. */
  readonly uncertain: UncertainParam[];
  /** Where a def path is written (file, line, col). */
  readonly locate: (defPath: readonly PathSeg[], key?: string) => Loc;
  readonly diagnostics: Diagnostic[];
}

/** Default stage lengths in months, as the Regulation has them (DEFAULT_PROCEDURE), turned into rounds. */
const STAGE_MONTHS = DEFAULT_PROCEDURE;

const has = (data: unknown, path: readonly PathSeg[]): boolean =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PathSeg, unknown>)[k] : undefined),
    data,
  ) !== undefined;

export function resolveDef(scenario: CheckedScenario, models: readonly CheckedModel[]): Resolution {
  const provenance = new Map<string, Provenance>();
  const uncertain: UncertainParam[] = [];
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, CheckedModel>();

  const plainOf = (
    schema: typeof ModelFileSchema | typeof ScenarioSchema,
    data: unknown,
    raw: unknown,
    locate: Locator,
    kind?: string,
  ) =>
    plainCopy(schema, data, (path, n) => {
      const at = locate(path);
      const defPath = formatPath(toDefPath(kind, path));
      provenance.set(defPath, provenanceOf(n, at.file, at.line, has(raw, path)));
      if (typeof n === 'object' && n.dist)
        uncertain.push({ path: defPath, dist: n.dist, file: at.file, line: at.line });
    });

  const sc = plainOf(ScenarioSchema, scenario.def, scenario.data, scenario.locate) as Plain<ScenarioDef>;
  const def: ResolvedDef = {
    id: sc.id,
    title: sc.title,
    description: sc.description ?? '',
    models: sc.models ?? [],
    start: { date: sc.start?.date ?? '', levels: sc.start?.levels ?? {} },
    rounds: sc.rounds ?? 0,
    round_months: sc.round_months,
    sides: sc.sides,
    players: sc.players ?? { [sc.sides.target]: 'human', [sc.sides.coercer]: 'human' },
    parameters: sc.parameters,
    procedure: procedureOf(sc.procedure, sc.round_months),
    council_year: 0,
    blocs: {},
    member_states: {},
    dependencies: {},
    measures: {},
    policies: {},
    formulas: {} as ResolvedDef['formulas'],
    events: sc.events,
    expect: sc.expect ?? null,
  };

  for (const m of models) {
    // A behaviour profile's numbers reach the engine through the sides that name it (behaviour-fill.ts).
    if (m.def.kind === 'behaviour') continue;
    const p = plainOf(ModelFileSchema, m.def, m.data, m.locate, m.def.kind) as Plain<ModelFileDef>;
    switch (p.kind) {
      case 'formulas':
        def.formulas = p.formulas;
        break;
      case 'blocs':
        // The profile's name is not data the engine reads: the hash stays that of the numbers.
        collect(def.blocs, p.blocs, 'blocs', m, ({ behaviour: _, ...v }) => v as ResolvedBloc);
        // A side naming a profile has every field by now, or its profile is unknown (reported).
        for (const [id, b] of Object.entries(p.blocs))
          if (b.behaviour === undefined)
            for (const [field] of BEHAVIOUR_FIELDS)
              if (b[field] === undefined)
                diagnostics.push({
                  ...m.locate(['blocs', id]),
                  code: 'schema/missing',
                  message: `missing "${field}": write it, or name a profile of a listed behaviour model with \`behaviour:\``,
                });
        // A scenario's two sides have their role's defaults by now where a listed behaviour model has them (role-fill.ts).
        for (const [id, b] of Object.entries(p.blocs))
          if (b.base_effort === undefined && Object.values(sc.sides).includes(id))
            diagnostics.push({
              ...m.locate(['blocs', id]),
              code: 'schema/missing',
              message:
                'missing "base_effort": write it, or list a behaviour model whose `roles:` give the side\'s role one',
            });
        // A scenario's two sides have their stakes by now if it names a demand (demand-fill.ts).
        for (const [id, b] of Object.entries(p.blocs))
          if (b.stakes === undefined && sc.demand === undefined && Object.values(sc.sides).includes(id))
            diagnostics.push({
              ...m.locate(['blocs', id]),
              code: 'schema/missing',
              message:
                'missing "stakes": write it, or name the kind of demand with `demand:` in the scenario (a `demands:` entry of the behaviour model)',
            });
        break;
      case 'member_states':
        def.council_year = p.year;
        def.member_states = p.states;
        break;
      case 'dependencies':
        collect(def.dependencies, p.dependencies, 'dependencies', m, (v) => v);
        break;
      case 'measures':
        collect(def.measures, p.measures, 'measures', m, (v) => ({ ...v, bloc: p.bloc }));
        break;
      case 'policies':
        collect(def.policies, p.policies, 'policies', m, (v) => v);
        break;
    }
  }

  function collect<T, U>(
    into: Record<string, U>,
    from: Record<string, T>,
    key: string,
    m: CheckedModel,
    f: (v: T) => U,
  ) {
    for (const [id, v] of Object.entries(from)) {
      const owner = owners.get(`${key}.${id}`);
      if (owner) {
        diagnostics.push({
          ...m.locate([key], id),
          code: 'ref/duplicate-id',
          message: `${key.replace(/ies$/, 'y').replace(/s$/, '')} "${id}" is defined in both ${owner.file} and ${m.file}`,
        });
        continue;
      }
      owners.set(`${key}.${id}`, m);
      into[id] = f(v);
    }
  }

  const single = (kind: string) => models.find((m) => m.def.kind === kind);
  const locate = (defPath: readonly PathSeg[], key?: string): Loc => {
    const [head, id] = defPath;
    const owner =
      typeof head === 'string' && ['dependencies', 'measures', 'policies', 'blocs'].includes(head)
        ? owners.get(`${head}.${String(id)}`)
        : head === 'member_states' || head === 'formulas'
          ? single(head)
          : undefined;
    if (!owner) return scenario.locate(defPath, key);
    const filePath = head === 'member_states' ? ['states', ...defPath.slice(1)] : defPath;
    const at = owner.locate(filePath, key);
    // Keep the shown path unless the number came from an override (which shows its own).
    return at.path === formatPath(key === undefined ? filePath : [...filePath, key])
      ? { ...at, path: formatPath(key === undefined ? defPath : [...defPath, key]) }
      : at;
  };

  return { def, provenance, uncertain, locate, diagnostics };
}

function procedureOf(p: Plain<ScenarioDef>['procedure'], roundMonths: number): ResolvedProcedure {
  const rounds = (months: number) => Math.max(1, Math.ceil(months / roundMonths));
  return {
    examination: p.examination ?? rounds(STAGE_MONTHS.examination),
    determination: p.determination ?? rounds(STAGE_MONTHS.determination),
    engagement: p.engagement ?? rounds(STAGE_MONTHS.engagement),
    committee: p.committee ?? rounds(STAGE_MONTHS.committee),
    appeal: p.appeal
      ? [p.appeal[0], p.appeal[1]]
      : [rounds(STAGE_MONTHS.appealMin), rounds(STAGE_MONTHS.appealMax)],
    application: p.application ?? rounds(STAGE_MONTHS.application),
  };
}
