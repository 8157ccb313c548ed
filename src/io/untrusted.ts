// Rules for text from files a user may have been sent (scenarios, models,
// experiments, journals): no control characters that a terminal would act on,
// no keys that reach an object's prototype, bounded size and nesting.

/** Keys that would reach Object.prototype when used on a plain object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 8 * 2 ** 20;

/** Mappings and lists may nest this deep at most. */
export const MAX_DEPTH = 64;

// C0 except tab and newline, DEL, C1 (which includes the 8-bit CSI and OSC introducers).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

const NAMES: Record<number, string> = { 27: 'ESC', 7: 'BEL', 13: 'CR', 0: 'NUL', 155: 'CSI', 157: 'OSC' };

/** Why a text may not be shown as it is, or null when it is clean (tabs and newlines are fine). */
export function controlProblem(text: string): string | null {
  const m = CONTROL.exec(text);
  if (!m) return null;
  const code = m[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code] ? ` ${NAMES[code]}` : '';
  return `text holds a control character (${hex}${name}) at position ${m.index + 1}, which a terminal would act on; remove it`;
}

/** The text with every control character (but tab and newline) removed: for text shown that cannot be refused. */
export const stripControl = (text: string): string => text.replace(new RegExp(CONTROL.source, 'g'), '');

export const forbiddenKeyProblem = (key: string): string | null =>
  FORBIDDEN_KEYS.has(key)
    ? `"${key}" may not be used as a key (it would reach JavaScript's object prototype)`
    : null;

/** Problems of plain data parsed from JSON: forbidden keys, control characters, depth; [path, message] pairs. */
export function plainDataProblems(v: unknown, path: (string | number)[] = [], out: [string, string][] = []) {
  const at = () => path.map(String).join('.');
  if (path.length > MAX_DEPTH) {
    out.push([at(), `nests deeper than ${MAX_DEPTH} levels`]);
    return out;
  }
  if (typeof v === 'string') {
    const bad = controlProblem(v);
    if (bad) out.push([at(), bad]);
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) plainDataProblems(v[i], [...path, i], out);
  } else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      const bad = forbiddenKeyProblem(k) ?? (controlProblem(k) ? `key ${controlProblem(k)}` : null);
      if (bad) out.push([at(), bad]);
      else plainDataProblems(x, [...path, k], out);
    }
  return out;
}
