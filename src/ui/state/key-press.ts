// A key press as ink reports it, and a one-line text editor on top of it.
import type { Key } from 'ink';

export interface KeyPress {
  input: string;
  key: Partial<Key>;
  /** When it was pressed (ms since 1970): the journal's time of a facilitator action. */
  at?: number;
}

export type TextEdit = { text: string; done: null | 'submit' | 'cancel' };

const MAX_TEXT = 400;

/** Applies a key to a line of text: printable input appends, backspace erases, Enter submits, Esc cancels. */
export function editText(text: string, { input, key }: KeyPress): TextEdit {
  if (key.return) return { text, done: 'submit' };
  if (key.escape) return { text, done: 'cancel' };
  if (key.backspace || key.delete) return { text: [...text].slice(0, -1).join(''), done: null };
  if (key.ctrl || key.meta) return { text, done: null };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
  return { text: (text + printable).slice(0, MAX_TEXT), done: null };
}

/** The digit a key stands for, or null. */
export const digitOf = (input: string): number | null => (/^[0-9]$/.test(input) ? Number(input) : null);
