// Plain numbers with a range whose error message states the whole range,
// e.g. "expected a number from 0 to 1, got 1.4".
import * as z from 'zod';

export interface Range {
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Exclusive lower bound. */
  readonly gt?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
  readonly int?: boolean;
}

export function rangeText(r: Range): string {
  const what = r.int ? 'a whole number' : 'a number';
  if (r.min !== undefined && r.max !== undefined) return `${what} from ${r.min} to ${r.max}`;
  if (r.gt !== undefined && r.max !== undefined) return `${what} above ${r.gt} and at most ${r.max}`;
  if (r.min !== undefined) return `${what} ≥ ${r.min}`;
  if (r.gt !== undefined) return `${what} > ${r.gt}`;
  if (r.max !== undefined) return `${what} ≤ ${r.max}`;
  return what;
}

export const showValue = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (v === null) return 'nothing (null)';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
};

/** Whether a plain value satisfies the range. */
export function inRange(r: Range, v: number): boolean {
  if (r.int && !Number.isInteger(v)) return false;
  if (r.min !== undefined && v < r.min) return false;
  if (r.gt !== undefined && v <= r.gt) return false;
  if (r.max !== undefined && v > r.max) return false;
  return true;
}

/** A plain number in a range. */
export function plain(r: Range = {}) {
  const error = (iss: { input?: unknown }) => `expected ${rangeText(r)}, got ${showValue(iss.input)}`;
  let s = z.number({ error });
  if (r.int) s = s.int({ error });
  if (r.min !== undefined) s = s.min(r.min, { error });
  if (r.gt !== undefined) s = s.gt(r.gt, { error });
  if (r.max !== undefined) s = s.max(r.max, { error });
  return s;
}
