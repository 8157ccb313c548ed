// Broken invariants and bad runtime values. Domain outcomes are events, not errors.
export type SimErrorCode =
  | 'formula/non-finite'
  | 'order/unknown-measure'
  | 'order/illegal-level'
  | 'order/wrong-bloc'
  | 'order/bad-proposal'
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
