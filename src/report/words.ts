// Numbers and names in words, as the report writes them.
import type { BlocId, Outcome } from '../engine/index.js';

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

export const blocName = (b: BlocId): string => (b === 'EU' ? 'the EU' : 'China');
export const BlocName = (b: BlocId): string => (b === 'EU' ? 'The EU' : 'China');
export const blocShort = (b: BlocId): string => (b === 'EU' ? 'EU' : 'China');

export const OUTCOME_LABEL: Record<Outcome, string> = {
  landing_zone: 'deal (landing zone)',
  eu_backs_down: 'the EU backs down',
  cn_backs_down: 'China backs down',
  spiral: 'spiral',
  stalemate: 'stalemate',
};

export const OUTCOMES: readonly Outcome[] = [
  'landing_zone',
  'cn_backs_down',
  'eu_backs_down',
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
