// Broken invariants and bad runtime values. Domain outcomes are events, not errors.
export type SimErrorCode =
  | 'formula/non-finite'
  | 'formula/implausible'
  | 'order/unknown-measure'
  | 'order/illegal-level'
  | 'order/wrong-bloc'
  | 'order/bad-proposal'
  | 'order/unknown-path'
  | 'run/finished';

export class SimError extends Error {
  override readonly name = 'SimError';
  constructor(
    readonly code: SimErrorCode,
    message: string,
    readonly detail: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

/** Passes a formula's result through, or stops the run naming the formula and where it was used. */
export function finite(x: number, formula: string, dependency?: string): number {
  // Small enough to be inlined into the hot loops; the error is built elsewhere.
  return Number.isFinite(x) ? x : notFinite(x, formula, dependency);
}

function notFinite(x: number, formula: string, dependency: string | undefined): never {
  const where = dependency === undefined ? '' : ` for dependency "${dependency}"`;
  throw new SimError('formula/non-finite', `formula "${formula}" gave ${x}${where}`, {
    formula,
    ...(dependency === undefined ? {} : { dependency }),
  });
}

/** A formula's error not yet placed, with where it happened added (`where`: " in round 3"); any other error as it is. */
export function placed(e: unknown, where: string, round: number): unknown {
  if (e instanceof SimError && e.code.startsWith('formula/') && e.detail.round === undefined)
    return new SimError(e.code, `${e.message}${where}`, { ...e.detail, round });
  return e;
}

/** Results as large as this many times the flow's yearly value are a formula's mistake, not an economy. */
export const PLAUSIBLE_TIMES_VALUE = 100;

/**
 * A money result (EUR bn) within ±`cap`, passed through; else the run stops
 * naming the formula. Comparisons only: no allocation on the way through.
 */
export function plausible(
  x: number,
  cap: number,
  formula: string,
  dependency: string,
  times = PLAUSIBLE_TIMES_VALUE,
): number {
  return x <= cap && x >= -cap
    ? x
    : implausible(x, `outside ±${cap} (${times}× the flow's yearly value)`, formula, dependency);
}

/** A harm within the larger of that bound and the flow's criticality times its value: a sourced criticality may pass 100. */
export function plausibleHarm(
  x: number,
  value: number,
  criticality: number,
  formula: string,
  dependency: string,
) {
  const times = Math.max(PLAUSIBLE_TIMES_VALUE, criticality);
  return plausible(x, times * value, formula, dependency, times);
}

/** A share (0..1), with rounding slack, clamped into [0, 1]; anything further out stops the run. */
export function share(x: number, formula: string, dependency: string): number {
  return x >= -1e-9 && x <= 1 + 1e-9
    ? Math.min(1, Math.max(0, x))
    : implausible(x, 'outside [0, 1]', formula, dependency);
}

function implausible(x: number, what: string, formula: string, dependency: string): never {
  if (!Number.isFinite(x)) notFinite(x, formula, dependency);
  throw new SimError(
    'formula/implausible',
    `formula "${formula}" gave ${x}, ${what}, for dependency "${dependency}"`,
    {
      formula,
      dependency,
    },
  );
}
