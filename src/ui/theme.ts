// Colours by meaning. Every meaning is also written in text or symbols, so
// with colour off (NO_COLOR) the screen reads the same.
import { createContext, useContext } from 'react';
import type { BlocId } from '../engine/index.js';

export const PALETTE = {
  EU: 'blueBright',
  CN: 'redBright',
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

export type Role = keyof typeof PALETTE;

/** Whether colours are on (false under NO_COLOR). */
export const ColorContext = createContext(true);

/** A function from a meaning to ink's colour name, or undefined when colours are off. */
export function useColor(): (role: Role) => string | undefined {
  const on = useContext(ColorContext);
  return (role) => (on ? PALETTE[role] : undefined);
}

export const BLOC_NAME: Record<BlocId, string> = { EU: 'the EU', CN: 'China' };
export const TEAM_NAME: Record<BlocId, string> = { EU: 'EU', CN: 'China' };

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
