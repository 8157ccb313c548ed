// The engine's view of a scenario: plain numbers, ids resolved to indices,
// formulas already compiled. io/ builds it from YAML; the engine never parses.
import type { FormulaSet } from './formula-roles.js';

/**
 * The two sides of a dispute by role: the coercer's measures start it to
 * extract a concession; the target resists or gives in. Deal terms q run from
 * 0 (the coercer lifts its measures and gets nothing) to 1 (the target
 * concedes everything). Scenarios name the sides (EU, CN, JP, …); the engine
 * only knows their roles.
 */
export type Role = 'target' | 'coercer';
export const ROLES: readonly Role[] = ['target', 'coercer'];
export const other = (b: Role): Role => (b === 'target' ? 'coercer' : 'target');

/** How a side decides: as the EU's Council (member states, QMV, the ACI) or as one government. */
export type Decides = 'eu_council' | 'government';

export type Stance = 'hawkish' | 'cautious' | 'ambivalent' | 'engaging';
export type Mechanism = 'supply' | 'service' | 'market';
export type LegalBasis = 'aci' | 'trade_defence' | 'national' | 'government' | 'wider';

export interface Bloc {
  /** The scenario's name for the side, e.g. EU, CN, JP. */
  readonly id: string;
  readonly role: Role;
  readonly name: string;
  /** How sentences name it: "the EU", "China". */
  readonly short: string;
  readonly decides: Decides;
  /** Whether allies join this side's export cuts (g7_alignment then removes the other side's alternatives). */
  readonly alliesAlign: boolean;
  /** EUR bn per year. */
  readonly gdp: number;
  /** Annualised % of GDP beyond which the bloc seeks to de-escalate. */
  readonly painTolerance: number;
  /** What the dispute is worth to the bloc, EUR bn. */
  readonly stakes: number;
  /** Per-round discount factor in (0, 1]. */
  readonly discount: number;
  /** Standard deviation of the log-noise through which it sees the other side's costs. */
  readonly misperception: number;
  /** De-risking effort in [0,1] when no pain is felt. */
  readonly baseEffort: number;
}

export interface MemberState {
  readonly id: string;
  readonly name: string;
  /** Share of EU population, %, as the Council counts it. */
  readonly population: number;
  readonly gdp: number;
  readonly stance: Stance;
  /** Log-odds of support for countermeasures before pain, cost and pressure. */
  readonly baseSupport: number;
  /** +1: its own pain makes it rally; -1: pain makes it want the supply back. */
  readonly painResponse: number;
  /** Sector → weight; a dependency's EU-side pain is shared by these weights. */
  readonly exposure: Readonly<Record<string, number>>;
  /** Measure id → weight; an EU measure's cost is shared by these weights. */
  readonly levers: Readonly<Record<string, number>>;
}

export interface Dependency {
  readonly id: string;
  readonly name: string;
  readonly mechanism: Mechanism;
  /** Supply/service: who provides it. Market: the exporter. */
  readonly supplier: Role;
  /** Supply/service: who needs it. Market: the importer. */
  readonly dependent: Role;
  /** Whether the supplier's allies join its cuts (its side's allies_align): g7_alignment then applies. */
  readonly alliesAlign: boolean;
  readonly sector: string;
  /** Annual flow, EUR bn. */
  readonly value: number;
  readonly share: number;
  readonly criticality: number;
  readonly bufferMonths: number;
  readonly shortRunAlternatives: number;
  readonly substitutionYears: number;
  readonly divertible: number;
  readonly decayPerMonth: number;
  readonly recoveryPerMonth: number;
  readonly elasticity: number;
  readonly margin: number;
  readonly exporterIncidence: number;
  /** Explicit member-state weights; when absent the states' sector exposure is used. */
  readonly exposure: Readonly<Record<string, number>> | null;
  /** Default formulas with this dependency's and its measures' overrides applied. */
  readonly formulas: FormulaSet;
}

export interface Level {
  readonly name: string;
  /** Restriction in [0,1] the level imposes on each dependency it acts on. */
  readonly intensity: number;
  /** Ad-valorem tariff (market dependencies), e.g. 0.25. */
  readonly tariff: number;
  /** Escalation rung 0..6 this level stands for. */
  readonly rung: number;
}

export interface Measure {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly bloc: Role;
  readonly legalBasis: LegalBasis;
  /** Member state that decides a national measure alone. */
  readonly holder: string | null;
  /** ACI Annex I category, e.g. "(a) tariffs". */
  readonly category: string | null;
  /** Indices into Scenario.dependencies. */
  readonly actsOn: readonly number[];
  readonly leadRounds: number;
  readonly reversible: boolean;
  /** levels[0] is "off"; higher indices escalate. */
  readonly levels: readonly Level[];
  /** Member state → fall in its support score (log-odds) at full intensity: China's sticks and carrots. */
  readonly pressure: Readonly<Record<string, number>>;
}

export type PolicyKind = 'hold' | 'tit_for_tat' | 'graduated' | 'appeaser' | 'best_response';

export interface Policy {
  readonly id: string;
  readonly kind: PolicyKind;
  readonly description: string;
  readonly params: Readonly<Record<string, number>>;
}

export interface Procedure {
  /** Rounds each ACI stage takes. */
  readonly examination: number;
  readonly determination: number;
  readonly engagement: number;
  readonly committee: number;
  readonly appealMin: number;
  readonly appealMax: number;
  readonly application: number;
}

export interface Params {
  readonly g7Alignment: number;
  /** Rounds the negotiation projects ahead. */
  readonly horizon: number;
  readonly votingMode: 'deterministic' | 'stochastic';
  /** Log-odds added to every state's support (EU solidarity). */
  readonly solidarity: number;
  /** Score at or above which a state votes for; at or below `voteAgainst`, against. */
  readonly voteFor: number;
  readonly voteAgainst: number;
  /** Per-round probability of breach when the snapback has no credibility. */
  readonly breachBase: number;
  readonly snapbackCredibility: number;
  /** Consecutive rounds over its pain tolerance after which a side gives in. */
  readonly patience: number;
  /** Rung from which both sides over tolerance counts as a spiral. */
  readonly spiralRung: number;
  /** Rounds after a rejected ACI determination before the case may be reopened. */
  readonly reopenAfter: number;
  /** A deal giving one side at least 1 − this of what is at stake is that side's win (the other backs down). */
  readonly capitulation: number;
  /**
   * How far each side expects to prevail if the contest goes on (0..1): 1 =
   * each expects to win outright, 0 = both expect the same terms.
   */
  readonly optimism: number;
  /** Months over which the sides' optimism, 1 at the outset, halves its distance to `optimism` (0: no fade). */
  readonly optimismHalfLife: number;
  /** Months of coercion that does not bite after which the coercer lifts its measures. */
  readonly futilityMonths: number;
  /** Coercion "bites" while the target's pain is at least this share of its tolerance. */
  readonly futilityBite: number;
  /** Share of the buyers' price rise times the trade that stops that the importer loses (formula `market_cost`). */
  readonly deadweightShare: number;
  /** Importer's cost of moving a EUR of stopped trade to other suppliers (formula `market_cost`). */
  readonly switchingCost: number;
  /** Months of stock rebuilt per month once a supply flow resumes. */
  readonly restockPerMonth: number;
  /** Scale of the logistic noise on a state's support score when votes are stochastic. */
  readonly voteNoise: number;
}

export interface ScriptedEvent {
  readonly round: number;
  readonly text: string;
  /** Measure id → level forced at the start of the round. */
  readonly levels: Readonly<Record<string, number>>;
  /** Member state → change in support score. */
  readonly support: Readonly<Record<string, number>>;
  /** Dotted parameter path → new value, applied from this round on. */
  readonly set: Readonly<Record<string, number>>;
}

/** A random stream; the engine receives these, it never creates randomness itself. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** Derives independent streams by hashing (seed, labels…) — never seed + i. */
export interface RandomSource {
  readonly algorithm: string;
  stream(seed: string, ...labels: (string | number)[]): Rng;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** Content hash of every input that shaped this scenario. */
  readonly hash: string;
  readonly startDate: string;
  readonly rounds: number;
  readonly roundMonths: number;
  readonly blocs: Readonly<Record<Role, Bloc>>;
  /** The side that decides as the EU's Council, if any: the member states are its. */
  readonly council: Role | null;
  readonly states: readonly MemberState[];
  readonly dependencies: readonly Dependency[];
  readonly measures: readonly Measure[];
  readonly policies: Readonly<Record<string, Policy>>;
  /** 'human' or a policy id, per bloc. */
  readonly players: Readonly<Record<Role, string>>;
  readonly params: Params;
  readonly procedure: Procedure;
  /** Measure id → level in force at round 0. */
  readonly startLevels: Readonly<Record<string, number>>;
  readonly events: readonly ScriptedEvent[];
  readonly formulas: FormulaSet;
  readonly random: RandomSource;
  /**
   * Every number that may be changed after the build (batch draws, calibration,
   * scripted events, injects): the user's dotted path, as io writes it, to
   * where the number sits in this object. Built once by io; the engine never
   * converts names.
   */
  readonly targets: ReadonlyMap<string, readonly (string | number)[]>;
}
