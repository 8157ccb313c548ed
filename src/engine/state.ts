// SimState: everything that changes during a run, as plain data.
import type { Role } from './types.js';

export interface DepState {
  /** 1 − Π(1 − intensity) of the measures acting on it, in [0,1]. */
  restriction: number;
  /** Ad-valorem tariff on a market flow. */
  tariff: number;
  /** Share of the flow the dependent side has learned to do without, in [0,1]. */
  substituted: number;
  /** Stocks left, in months of the flow. */
  buffer: number;
  /** Serviced capacity still working, in [0,1] (services only). */
  availability: number;
}

export interface PendingChange {
  level: number;
  /** Rounds until it applies. */
  roundsLeft: number;
  /** For ACI measures: waiting for the committee or the appeal committee. */
  stage: 'lead' | 'committee' | 'appeal' | 'application';
}

export interface MeasureState {
  level: number;
  pending: PendingChange | null;
}

export interface Pain {
  /** Harm the other side's measures did, EUR bn. */
  harm: number;
  /** What its own measures cost it, EUR bn. */
  cost: number;
}

export interface Deal {
  q: number;
  round: number;
  proposer: Role;
  /** Measures kept in force by the deal (everything else is lifted). */
  kept: string[];
  snapback: boolean;
  /** Levels in force before the deal, restored by a breach. */
  before: number[];
}

export interface ZoneView {
  /** Lowest q the coercer accepts and highest q the target accepts, true values. */
  coercerMin: number;
  targetMax: number;
  /** The same bounds as each side perceives the other's. */
  targetSees: { coercerMin: number; targetMax: number };
  coercerSees: { coercerMin: number; targetMax: number };
  /** Projected discounted cost of going on, EUR bn. */
  costTarget: number;
  costCoercer: number;
}

export type Outcome = 'landing_zone' | 'target_backs_down' | 'coercer_backs_down' | 'spiral' | 'stalemate';

export type AciStage = 'none' | 'examination' | 'determination' | 'engagement' | 'authorised' | 'rejected';

export interface SimState {
  /** The run's seed key; every draw comes from streams named (seed, round, label). */
  seed: string;
  /** Rounds completed. */
  round: number;
  deps: DepState[];
  measures: MeasureState[];
  aci: { stage: AciStage; roundsLeft: number; attempts: number };
  /** Per member state: support score (log-odds) after the last round. */
  support: number[];
  /** Per member state: shifts injected by events. */
  supportShift: number[];
  /** Per member state: last round's vote, 'for' | 'against' | 'abstain'. */
  votes: ('for' | 'against' | 'abstain')[];
  /** Cumulative and last-round pain per bloc. */
  pain: Record<Role, Pain>;
  lastPain: Record<Role, Pain>;
  /** Cumulative EUR bn per member state. */
  statePain: number[];
  /** Consecutive rounds each bloc has been over its pain tolerance. */
  overTolerance: Record<Role, number>;
  /** Parameter paths set by scripted events, applied from their round on. */
  overrides: Record<string, number>;
  zone: ZoneView | null;
  /** Terms both expect if the contest went on to the top of the ladder (negotiation.ts `contestTerms`); null at optimism 1. */
  expected: number | null;
  deal: Deal | null;
  dealsBroken: number;
  widerUnlocked: boolean;
  outcome: Outcome | null;
  outcomeRound: number | null;
  peakRung: number;
  /** Smallest population margin (points) by which a Council vote reached QM; null before any vote. */
  minQmMargin: number | null;
  /** Consecutive rounds the coercer's measures restricted a flow without biting (see futility). */
  biteless: number;
}
