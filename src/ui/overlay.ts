// The panels that take over the body of the screen for a moment.
import type { Role } from '../engine/index.js';

export interface DealForm {
  kind: 'deal';
  bloc: Role;
  q: number;
  /** Measure ids the deal keeps in force. */
  keep: string[];
  /** 0: the terms; 1…: the measures. */
  row: number;
  /** Enter was pressed on terms outside the side's zone: the next Enter sends them. */
  warned?: boolean;
}

export interface InjectForm {
  kind: 'inject';
  step: 'pick' | 'text' | 'effects';
  row: number;
  text: string;
  /** Member state id → change in support score. */
  support: Record<string, number>;
  /** Measure id → level forced at the start of the round. */
  levels: Record<string, number>;
}

export type Overlay =
  | { kind: 'help' }
  | { kind: 'legend' }
  /** The Council's likely ballots before a vote, with the pivotal states. */
  | { kind: 'board' }
  /** Every event whole; back: lines scrolled back from the newest. */
  | { kind: 'log'; back: number }
  | { kind: 'pause' }
  | { kind: 'quit' }
  | { kind: 'confirm'; action: 'backDown' | 'end' | 'undo'; bloc: Role | null }
  /** Hot-seat: a facilitator's key, done only when F confirms it. */
  | { kind: 'gate'; action: GatedAction }
  /** Hot-seat: what the round just played did, shown to both teams. */
  | { kind: 'results'; round: number }
  /** The scenario's scripted events of the round about to be decided. */
  | { kind: 'scripted'; round: number }
  | { kind: 'note'; text: string }
  | { kind: 'vote'; round: number }
  /** The journal could not be written: shown until acknowledged. */
  | { kind: 'saveFailed'; why: string }
  | DealForm
  | InjectForm;

/** The facilitator's keys that hot-seat teams may not use unconfirmed. */
export type GatedAction = 'view' | 'undo' | 'redo' | 'inject' | 'end' | 'pause';

/** Deal terms move in these steps. */
export const Q_STEP = 0.05;
/** An injected support shift moves in these steps, within ±SUPPORT_MAX. */
export const SUPPORT_STEP = 0.25;
export const SUPPORT_MAX = 3;
