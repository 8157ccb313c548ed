// The event log: every entry carries a namespaced code and a sentence a person reads.
export interface SimEvent {
  round: number;
  code: string;
  text: string;
  data?: Readonly<Record<string, string | number | boolean | null>>;
}

/** Formats an event as one line: `round 3: …`. */
export const describe = (e: SimEvent): string => `round ${e.round}: ${e.text}`;

export const pct = (x: number, digits = 1): string => `${x.toFixed(digits)}%`;
