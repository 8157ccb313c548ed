// One pass, all problems: when a scenario does not parse, a copy of it with
// each problem set aside — a misspelt field renamed to what it meant, a bad
// value removed (its default then applies) — is parsed instead, so that the
// later checks (models, overrides, ids) still run and report their problems.
// The load fails all the same: the copy only lets the checks go on.
import type * as z from 'zod';
import type { Diagnostic } from './diagnostics.js';
import { isObj } from './is-obj.js';
import { parseWith } from './load-model.js';
import { type PathSeg, parsePath } from './paths.js';
import type { Result } from './result.js';
import type { Locator } from './zod-issues.js';

/** Removes `path` from `data` (or renames its last key to `to`); false when there was nothing there. */
function setAside(data: unknown, path: readonly PathSeg[], to?: string): boolean {
  let at: unknown = data;
  for (const seg of path.slice(0, -1)) {
    if (!isObj(at) && !Array.isArray(at)) return false;
    at = (at as Record<string | number, unknown>)[seg];
  }
  const last = path[path.length - 1];
  if (last === undefined || !isObj(at) || !(String(last) in at)) return false;
  if (to !== undefined && !(to in at)) at[to] = at[String(last)];
  delete at[String(last)];
  return true;
}

/** The parse of `data` with its problems set aside, and the data it parsed; null when the parse does not allow it. */
export function lenientParse<S extends z.ZodType>(
  schema: S,
  data: Record<string, unknown>,
  locate: Locator,
  problems: readonly Diagnostic[],
): { result: Result<z.infer<S>, Diagnostic[]>; data: Record<string, unknown> } | null {
  const copy = structuredClone(data);
  let ds = problems;
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const d of ds) {
      const path = parsePath(d.path);
      if (!path || path.length === 0) return null;
      const meant = /^unknown field "[^"]*" — did you mean "([^"]*)"\?$/.exec(d.message)?.[1];
      // A value inside { value: … } goes with its wrapper.
      const target = path[path.length - 1] === 'value' && path.length > 1 ? path.slice(0, -1) : path;
      changed = setAside(copy, target, meant) || setAside(copy, target.slice(0, -1)) || changed;
    }
    const r = parseWith(schema, copy, locate);
    if (r.ok) return { result: r, data: copy };
    if (!changed) return null;
    ds = r.error;
  }
  return null;
}
