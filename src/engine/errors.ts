// Broken invariants and bad runtime values. Domain outcomes are events, not errors.
export type SimErrorCode =
  | 'formula/non-finite'
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
