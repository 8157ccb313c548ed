// What a side can do in a round. Orders are data, so a game is its seed plus
// its order log, and replaying the log rebuilds every state.

export interface Proposal {
  /** Deal terms: 0 = the coercer lifts its measures and gets nothing; 1 = the target concedes all. */
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
export interface Inject {
  text: string;
  /** Measure id → level forced at the start of the round. */
  levels: Record<string, number>;
  /** Member state → change in support score. */
  support: Record<string, number>;
  /** Dotted parameter path → new value, applied from this round on. */
  set: Record<string, number>;
}

export interface Orders {
  target?: BlocOrders;
  coercer?: BlocOrders;
  inject?: Inject[];
}
