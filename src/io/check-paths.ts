// Dotted paths that are not applied at load time: `uncertain:` (sampled by
// Monte Carlo) and `events[].set` (applied by the engine mid-run).
import type { Diagnostic } from './diagnostics.js';
import { type Loc, type RouteContext, routePath } from './overrides.js';
import { formatPath } from './paths.js';
import type { UncertainParam } from './provenance.js';
import { unwrap } from './schema-path.js';
import { type Distribution, rangeProblem } from './schemas/distribution.js';
import { numRange } from './schemas/num.js';

export interface UncertainEntry {
  readonly text: string;
  readonly dist: Distribution;
  readonly at: Loc;
}

export function checkUncertain(
  entries: readonly UncertainEntry[],
  ctx: RouteContext,
): { diagnostics: Diagnostic[]; params: UncertainParam[] } {
  const diagnostics: Diagnostic[] = [];
  const params: UncertainParam[] = [];
  for (const e of entries) {
    const r = routePath(e.text, ctx);
    const range = r.ok ? numRange(unwrap(r.value.walk.schema, r.value.walk.data)) : undefined;
    if (!r.ok || !range) {
      const message = r.ok ? `"${e.text}" is not a number that can be uncertain` : r.error;
      diagnostics.push({ ...e.at, code: 'uncertain/path', message });
      continue;
    }
    const problem = rangeProblem(e.dist, range);
    if (problem !== null) {
      diagnostics.push({ ...e.at, code: 'uncertain/range', message: problem });
      continue;
    }
    params.push({ path: formatPath(r.value.defPath), dist: e.dist, file: e.at.file, line: e.at.line });
  }
  return { diagnostics, params };
}

/** Paths the engine can change mid-run: parameters.<x>, dependencies.<id>.<field>, blocs.<EU|CN>.<field>. */
export function checkEventSet(
  set: Readonly<Record<string, number>>,
  at: (key: string) => Loc,
  ctx: RouteContext,
): { diagnostics: Diagnostic[]; set: Record<string, number> } {
  const diagnostics: Diagnostic[] = [];
  const out: Record<string, number> = {};
  for (const [text, value] of Object.entries(set)) {
    const r = routePath(text, ctx);
    const head = r.ok ? r.value.defPath[0] : undefined;
    const depth = r.ok ? r.value.defPath.length : 0;
    const flat =
      (head === 'parameters' && depth === 2) ||
      ((head === 'dependencies' || head === 'blocs') && depth === 3);
    if (!r.ok || !flat || !r.value.walk.numeric) {
      const message = !r.ok
        ? r.error
        : `"${text}" cannot change during a run; use parameters.<name>, dependencies.<id>.<field> or blocs.<EU|CN>.<field>`;
      diagnostics.push({ ...at(text), code: 'event/path', message });
      continue;
    }
    const check = r.value.walk.schema.safeParse(value);
    if (!check.success) {
      diagnostics.push({
        ...at(text),
        code: 'event/range',
        message: check.error.issues[0]?.message ?? 'invalid value',
      });
      continue;
    }
    out[formatPath(r.value.defPath)] = value;
  }
  return { diagnostics, set: out };
}

/** What a journal's inject holds (src/io/journal.ts InjectSchema). */
export interface InjectData {
  readonly levels: Readonly<Record<string, number>>;
  readonly support: Readonly<Record<string, number>>;
  readonly set: Readonly<Record<string, number>>;
}

/**
 * The checks a scenario's events get, for a shock injected during a game
 * (a journal is a file like any other): set paths and their ranges, member
 * states of support, measures and levels. `at(path)` places each problem.
 */
export function checkInject(
  inj: InjectData,
  at: (path: string) => Loc,
  ctx: RouteContext,
  def: {
    readonly member_states: Readonly<Record<string, unknown>>;
    readonly measures: Readonly<Record<string, { readonly levels: readonly unknown[] }>>;
  },
): Diagnostic[] {
  const out = checkEventSet(inj.set, (key) => at(`set.${key}`), ctx).diagnostics;
  for (const [code, v] of Object.entries(inj.support))
    if (!Object.hasOwn(def.member_states, code))
      out.push({ ...at(`support.${code}`), code: 'ref/unknown-state', message: `no member state "${code}"` });
    else if (!Number.isFinite(v))
      out.push({ ...at(`support.${code}`), code: 'event/range', message: `expected a number, got ${v}` });
  for (const [id, level] of Object.entries(inj.levels)) {
    const m = Object.hasOwn(def.measures, id) ? def.measures[id] : undefined;
    if (!m) out.push({ ...at(`levels.${id}`), code: 'ref/unknown-measure', message: `no measure "${id}"` });
    else if (!Number.isInteger(level) || level < 0 || level > m.levels.length)
      out.push({
        ...at(`levels.${id}`),
        code: 'ref/level',
        message: `expected a level from 0 to ${m.levels.length}, got ${level}`,
      });
  }
  return out;
}
