// What a side can do in a round. Orders are data, so a game is its seed plus
// its order log, and replaying the log rebuilds every state.
import type { BlocId, ScriptedEvent } from './types.js';

export interface Proposal {
  /** Deal terms: 0 = China restores licences and gets nothing; 1 = the EU concedes all. */
  q: number;
  /** Measures the deal keeps in force (all others are lifted). */
  keep?: string[];
}

export interface BlocOrders {
  /** Measure id → level wanted. */
  set?: Record<string, number>;
  propose?: Proposal;
  /** Answer to the other side's proposal this round; computer players answer by their bounds. */
  respond?: 'accept' | 'reject';
  /** Concede the dispute. */
  backDown?: boolean;
}

/** A shock the facilitator injects: applied at the start of the round like a scripted event. */
export type Inject = Omit<ScriptedEvent, 'round'>;

export type Orders = Partial<Record<BlocId, BlocOrders>> & { inject?: Inject[] };

/** One round of a game as recorded in a journal or order log. */
export interface LoggedRound {
  orders: Orders;
}
