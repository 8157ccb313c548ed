// Numbers and names in words, as the report writes them.
import type { Outcome, Role, Scenario } from '../engine/index.js';

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** 1234567 → "1,234,567". */
export const thousands = (n: number): string =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Whole numbers to ten in words, then digits; halves as "1.5". */
export function count(n: number): string {
  if (Number.isInteger(n)) return n >= 0 && n <= 10 ? SMALL[n]! : thousands(n);
  return n.toFixed(1);
}

/** "two rounds", "one round", "1.5 rounds". */
export const rounds = (n: number): string => `${count(n)} round${n === 1 ? '' : 's'}`;

/** EUR bn with sensible precision. */
export function money(x: number): string {
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 1 ? 1 : a >= 0.01 || a === 0 ? 2 : 3;
  return `EUR ${x.toFixed(digits)} bn`;
}

export const pct = (x: number, digits = 0): string => `${x.toFixed(digits)}%`;

/** A share of games in %: whole when it is whole, else one decimal (so shares add up to 100). */
export const share = (part: number, whole: number): string => {
  const x = (part / Math.max(1, whole)) * 100;
  return pct(x, Number.isInteger(x) ? 0 : 1);
};

/** A side in a sentence: "the EU", "China". */
export const blocName = (sc: Scenario, b: Role): string => sc.blocs[b].short;
/** The same at the start of a sentence: "The EU". */
export const BlocName = (sc: Scenario, b: Role): string => capital(sc.blocs[b].short);
/** A side as a team or a column: "EU", "China". */
export const blocShort = (sc: Scenario, b: Role): string => sc.blocs[b].short.replace(/^the /i, '');

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const outcomeLabel = (sc: Scenario, o: Outcome): string =>
  o === 'target_backs_down' || o === 'coercer_backs_down'
    ? `${blocName(sc, o === 'target_backs_down' ? 'target' : 'coercer')} backs down`
    : o === 'landing_zone'
      ? 'deal (landing zone)'
      : o;

export const OUTCOMES: readonly Outcome[] = [
  'landing_zone',
  'coercer_backs_down',
  'target_backs_down',
  'spiral',
  'stalemate',
];

/** "1st", "2nd", "83rd" … */
export function ordinal(n: number): string {
  const r = Math.round(n);
  const t = r % 100;
  const suffix = t >= 11 && t <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][r % 10] ?? 'th');
  return `${r}${suffix}`;
}

/** A name inside a sentence: "Licensing of antimony" → "licensing of antimony"; "DUV servicing" stays. */
export const inSentence = (name: string): string =>
  /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;

/** Capitalises the first letter. */
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
