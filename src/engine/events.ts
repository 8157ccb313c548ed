// The event log as a typed union: each code has one name and its own data,
// which front ends read (never the text). `text` is the sentence a person reads.
import type { Vote } from './council/qmv.js';
import type { Role } from './types.js';

export type Ballot = Exclude<Vote, 'absent'>;

/** A Council or committee vote as held: every state's ballot and support score, and the count. */
export interface VoteRecord {
  /** One per member state, in the scenario's order. */
  readonly ballots: readonly { readonly state: string; readonly vote: Ballot; readonly score: number }[];
  readonly forStates: number;
  readonly forPopulation: number;
  readonly againstStates: number;
  readonly againstPopulation: number;
  /** Population points above (or below, negative) the 65% threshold. */
  readonly marginPopulation: number;
  readonly qualifiedMajorityFor: boolean;
  readonly qualifiedMajorityAgainst: boolean;
}

interface MeasureData {
  readonly side: Role;
  readonly measure: string;
  readonly level: number;
}

interface VotedMeasure {
  readonly vote: VoteRecord;
  readonly measure: string;
  readonly level: number;
}

type Empty = Readonly<Record<never, never>>;

/**
 * Why an order on a measure was not carried out ('record': a scripted event
 * or inject set its level this round, and that level holds for the round).
 */
export type RefusalReason = 'deal-in-force' | 'needs-breach' | 'aci-paused' | 'record';

/**
 * Why a side backed down: its own order, pain over tolerance, the Council
 * turning against it, a deal that gave the other side nearly all (terms), or
 * coercion that did not bite for long (futility: the coercer lifts its measures).
 */
export type BackDownReason = 'order' | 'pain' | 'cohesion' | 'terms' | 'futility';

export interface EventData {
  'scripted/event': Empty;
  'inject/event': Empty;
  'measure/announced': MeasureData & { readonly inRounds: number };
  'measure/in-force': MeasureData;
  'measure/lowered': MeasureData;
  'order/irreversible': MeasureData;
  'order/refused': MeasureData & { readonly reason: RefusalReason; readonly roundsLeft: number | null };
  'national/refused': MeasureData & { readonly holder: string; readonly support: number };
  'national/decided': MeasureData & { readonly holder: string; readonly support: number };
  'aci/requested': MeasureData & { readonly amended: boolean };
  'trade-defence/proposed': MeasureData & { readonly amended: boolean };
  'council/examination': Empty;
  'council/determination-tabled': Empty;
  'council/determination-adopted': { readonly vote: VoteRecord };
  'council/determination-failed': { readonly vote: VoteRecord; readonly attempt: number };
  'council/determination-rejected': { readonly vote: VoteRecord; readonly reopenIn: number };
  'council/engagement-over': Empty;
  'council/committee-adopted': VotedMeasure;
  'council/committee-blocked': VotedMeasure;
  'council/appeal': VotedMeasure & { readonly rounds: number };
  'council/appeal-adopted': VotedMeasure;
  'council/appeal-blocked': VotedMeasure;
  'deal/refused': {
    readonly proposer: Role;
    readonly responder: Role;
    readonly q: number;
    readonly keep: readonly string[];
  };
  'deal/struck': {
    readonly proposer: Role;
    readonly responder: Role;
    readonly q: number;
    readonly keep: readonly string[];
  };
  'deal/breached': { readonly breaker: Role; readonly dealRound: number; readonly q: number };
  'outcome/backs-down': { readonly side: Role; readonly reason: BackDownReason };
  'outcome/spiral': Empty;
  'outcome/stalemate': Empty;
}

export type EventCode = keyof EventData;

export type SimEvent = {
  [C in EventCode]: {
    readonly round: number;
    readonly code: C;
    readonly text: string;
    readonly data: EventData[C];
  };
}[EventCode];

export type EventOf<C extends EventCode> = Extract<SimEvent, { code: C }>;

/** Every event code, in the order a round can produce them (for front ends' tables and tests). */
export const EVENT_CODES: readonly EventCode[] = [
  'scripted/event',
  'inject/event',
  'measure/announced',
  'measure/in-force',
  'measure/lowered',
  'order/irreversible',
  'order/refused',
  'national/refused',
  'national/decided',
  'aci/requested',
  'trade-defence/proposed',
  'council/examination',
  'council/determination-tabled',
  'council/determination-adopted',
  'council/determination-failed',
  'council/determination-rejected',
  'council/engagement-over',
  'council/committee-adopted',
  'council/committee-blocked',
  'council/appeal',
  'council/appeal-adopted',
  'council/appeal-blocked',
  'deal/refused',
  'deal/struck',
  'deal/breached',
  'outcome/backs-down',
  'outcome/spiral',
  'outcome/stalemate',
];

/** Builds an event; the one place the union is assembled. */
export const event = <C extends EventCode>(round: number, code: C, data: EventData[C], text: string) =>
  ({ round, code, text, data }) as EventOf<C>;

/** Narrows an event to one code. */
export const is = <C extends EventCode>(e: SimEvent, code: C): e is EventOf<C> => e.code === code;

/** Events of a vote actually held (a tabled determination is not a vote yet). */
export const isVote = (e: SimEvent): e is Extract<SimEvent, { data: { readonly vote: VoteRecord } }> =>
  'vote' in e.data;

/** Formats an event as one line: `round 3: …`. */
export const describe = (e: SimEvent): string => `round ${e.round}: ${e.text}`;

export const pct = (x: number, digits = 1): string => `${x.toFixed(digits)}%`;
