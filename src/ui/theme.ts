// Colours by meaning. Every meaning is also written in text or symbols, so
// with colour off (NO_COLOR) the screen reads the same.
import { createContext, useContext } from 'react';
import type { Role, Scenario } from '../engine/index.js';

export const PALETTE = {
  target: 'blueBright',
  coercer: 'redBright',
  harm: 'red',
  cost: 'yellow',
  for: 'green',
  against: 'red',
  abstain: 'yellow',
  zone: 'green',
  good: 'green',
  warn: 'yellow',
  bad: 'red',
  accent: 'cyan',
  muted: 'gray',
} as const;

export type Hue = keyof typeof PALETTE;

/** Whether colours are on (false under NO_COLOR). */
export const ColorContext = createContext(true);

/** A function from a meaning to ink's colour name, or undefined when colours are off. */
export function useColor(): (role: Hue) => string | undefined {
  const on = useContext(ColorContext);
  return (role) => (on ? PALETTE[role] : undefined);
}

/** How the screen names the two sides: in a sentence ("the EU"), and as a team ("EU", "China"). */
export interface SideNames {
  readonly short: Readonly<Record<Role, string>>;
  readonly team: Readonly<Record<Role, string>>;
  /** The scenario's ids: "EU", "CN". */
  readonly ids: Readonly<Record<Role, string>>;
}

export const namesOf = (sc: Scenario): SideNames => ({
  short: { target: sc.blocs.target.short, coercer: sc.blocs.coercer.short },
  team: { target: teamName(sc.blocs.target.short), coercer: teamName(sc.blocs.coercer.short) },
  ids: { target: sc.blocs.target.id, coercer: sc.blocs.coercer.id },
});

/** "the EU" → "EU": a side's name as a team. */
const teamName = (short: string) => short.replace(/^the /i, '');

/** The current scenario's side names (set by App). */
export const SidesContext = createContext<SideNames>({
  short: { target: 'the target', coercer: 'the coercer' },
  team: { target: 'Target', coercer: 'Coercer' },
  ids: { target: 'T', coercer: 'C' },
});

export const useSides = (): SideNames => useContext(SidesContext);

/** A sentence's first word capitalised: "the EU" → "The EU". */
export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Symbols that carry the meaning of a colour. */
export const SYMBOL = {
  for: '✓',
  against: '✗',
  abstain: '○',
  absent: '–',
  cursor: '▸',
  pending: '⧗',
  here: '▶',
} as const;
