// Why a computer player chose its orders, as data: the policies fill these in
// when asked (a run told to a person), and front ends turn them into words.
import type { Role } from '../types.js';

/** The projection behind a raise or cut: over the horizon, against keeping every level, EUR bn. */
export interface Projected {
  /** Extra harm to the other side. */
  readonly harmToOther: number;
  /** Extra cost to the side itself. */
  readonly ownCost: number;
}

export type MoveReason =
  /** The raise that hurts the other side most per unit of own cost (graduated, tit-for-tat). */
  | ({ readonly rule: 'best-ratio'; readonly measure: string; readonly level: number } & Projected)
  /** A raise chosen because it reaches the next rung (graduated escalation). */
  | ({ readonly rule: 'climb'; readonly measure: string; readonly level: number } & Projected)
  /** A raise to the next rung that bites no one yet: a threat. */
  | { readonly rule: 'threat'; readonly measure: string; readonly level: number }
  /** Tit-for-tat: the other side's rung is above (raise) or below (cut) the side's own. */
  | {
      readonly rule: 'match-down';
      readonly measure: string;
      readonly level: number;
      readonly mine: number;
      readonly theirs: number;
    }
  /** The appeaser lifts its measures: last round's pain (% of GDP a year) passed its threshold. */
  | {
      readonly rule: 'appease';
      readonly measure: string;
      readonly level: number;
      readonly painPct: number;
      readonly threshold: number;
    }
  /** Best response: the move with the highest projected utility (own cost plus implied terms), drawn by soft-max. */
  | ({
      readonly rule: 'utility';
      readonly measure: string | null;
      readonly level: number;
      /** Whether the move raises (else lowers) the measure. */
      readonly up: boolean;
      /** Utility of this move and of keeping every level, EUR bn (higher is better). */
      readonly utility: number;
      readonly keep: number;
    } & Projected)
  /** Terms offered inside the zone the side perceives. */
  | { readonly rule: 'offer'; readonly q: number; readonly lo: number; readonly hi: number }
  /** Nothing ordered: a deal in force, the policy holds, or no move is worth making. */
  | { readonly rule: 'keep'; readonly because: 'deal' | 'hold' | 'no-move' | 'under-threshold' };

/** A side's reasons for one round's orders. */
export interface RoundReasons {
  readonly side: Role;
  readonly policy: string;
  readonly reasons: readonly MoveReason[];
}
