// Dotted-path assignments (scenario `overrides:` and the CLI's --set): route a
// path to the file and field it changes, check that the field exists, and
// write the value into a copy of that file's data before it is validated.
import type { Diagnostic } from './diagnostics.js';
import { didYouMean, listSome } from './did-you-mean.js';
import { isObj } from './is-obj.js';
import { formatPath, type PathSeg, parsePath } from './paths.js';
import { kindOf } from './resolve-models.js';
import { err, ok, type Result } from './result.js';
import { type Walk, walkSchema } from './schema-path.js';
import { ModelFileSchema } from './schemas/model.js';
import { ScenarioSchema } from './schemas/scenario.js';
import { forbiddenKeyProblem } from './untrusted.js';
import type { YamlSource } from './yaml-source.js';
import type { Locator } from './zod-issues.js';

/** Where an assignment was written; `path` is what diagnostics show. */
export type Loc = Omit<Diagnostic, 'code' | 'message' | 'hint'>;

export interface Assignment {
  readonly text: string;
  readonly value: unknown;
  readonly at: Loc;
}

/** A data path resolved to the file that holds it: a model file or the (merged) scenario. */
export interface Route {
  readonly src: YamlSource | 'scenario';
  readonly filePath: PathSeg[];
  readonly defPath: PathSeg[];
  readonly walk: Extract<Walk, { ok: true }>;
}

export interface RouteContext {
  readonly models: readonly YamlSource[];
  /** Current data per model file (copies once assigned to). */
  readonly data: Map<YamlSource, unknown>;
  scenario: Record<string, unknown>;
}

const COLLECTIONS = ['dependencies', 'measures', 'policies'] as const;
const SINGLES: Record<string, string> = {
  blocs: 'blocs',
  member_states: 'member_states',
  formulas: 'formulas',
};
const SCENARIO_HEADS = ['parameters', 'procedure', 'rounds', 'round_months', 'start', 'players'];
const HEADS = [...COLLECTIONS, ...Object.keys(SINGLES), ...SCENARIO_HEADS];
const NOUN: Record<string, string> = { dependencies: 'dependency', measures: 'measure', policies: 'policy' };

/** The def path as the file writes it (member_states.X lives under `states:`). */
export const toFilePath = (defPath: readonly PathSeg[]): PathSeg[] =>
  defPath[0] === 'member_states' ? ['states', ...defPath.slice(1)] : [...defPath];
export const toDefPath = (kind: string | undefined, filePath: readonly PathSeg[]): PathSeg[] =>
  kind === 'member_states' && filePath[0] === 'states'
    ? ['member_states', ...filePath.slice(1)]
    : [...filePath];

/** Resolves a dotted path to a field; the error says what is wrong, with did-you-mean. */
export function routePath(text: string, ctx: RouteContext): Result<Route, string> {
  const segs = parsePath(text);
  if (!segs || segs.length === 0)
    return err(`"${text}" is not a dotted path like dependencies.magnets.share`);
  const forbidden = segs.find((x) => typeof x === 'string' && forbiddenKeyProblem(x));
  if (forbidden !== undefined) return err(forbiddenKeyProblem(String(forbidden))!);
  // The member-states file writes `states:`; scenarios have said `member_states.`: both name the same.
  if (segs[0] === 'states') segs[0] = 'member_states';
  const head = String(segs[0]);
  let defPath = segs;
  if (head === 'formulas' && segs.length === 2) defPath = [...segs, 'expr'];
  if (SCENARIO_HEADS.includes(head)) return finish(text, 'scenario', defPath, ctx);
  if (head in SINGLES) {
    const src = ctx.models.find((m) => kindOf(m) === SINGLES[head]);
    if (!src) return err(`no ${SINGLES[head]} model is listed, so "${text}" names nothing`);
    return finish(text, src, defPath, ctx);
  }
  if ((COLLECTIONS as readonly string[]).includes(head)) {
    const id = segs[1];
    if (typeof id !== 'string') return err(`name a ${NOUN[head]}: ${head}.<id>.<field>`);
    const files = ctx.models.filter((m) => kindOf(m) === head);
    const ids = files.flatMap((f) => Object.keys(field(ctx.data.get(f), head)));
    const src = files.find((f) => Object.hasOwn(field(ctx.data.get(f), head), id));
    if (!src)
      return err(`unknown ${NOUN[head]} "${id}"${didYouMean(id, ids) || ` (known: ${listSome(ids)})`}`);
    return finish(text, src, defPath, ctx);
  }
  return err(
    `unknown path "${text}"${didYouMean(head, HEADS) || ` — a path starts with one of ${HEADS.join(', ')}`}`,
  );
}

const field = (data: unknown, key: string): Record<string, unknown> =>
  isObj(data) && isObj(data[key]) ? data[key] : {};

function finish(
  text: string,
  src: YamlSource | 'scenario',
  defPath: PathSeg[],
  ctx: RouteContext,
): Result<Route, string> {
  const filePath = toFilePath(defPath);
  const data = src === 'scenario' ? ctx.scenario : ctx.data.get(src);
  const schema = src === 'scenario' ? ScenarioSchema : ModelFileSchema;
  const show = (p: readonly PathSeg[]) =>
    formatPath(toDefPath(src === 'scenario' ? undefined : kindOf(src), p));
  const walk = walkSchema(schema, data, filePath, show);
  if (!walk.ok) return err(walk.message);
  if (!walk.numeric && !walk.text)
    return err(`"${text}" is not a single number or text; name one of its fields`);
  return ok({ src, filePath, defPath, walk });
}

/** Key of a file path, for attributing later diagnostics to the assignment. */
export const pathKey = (p: readonly PathSeg[]): string => JSON.stringify(p);

export interface Applied {
  readonly diagnostics: Diagnostic[];
  /** Per file (or 'scenario'): file path key → the assignment that wrote it. */
  readonly origins: Map<YamlSource | 'scenario', Map<string, Assignment>>;
}

/** Applies assignments in order (a later one wins); unknown paths are diagnostics. */
export function applyAssignments(list: readonly Assignment[], ctx: RouteContext, coerce: boolean): Applied {
  const diagnostics: Diagnostic[] = [];
  const origins: Applied['origins'] = new Map();
  const copied = new Set<YamlSource | 'scenario'>();
  for (const a of list) {
    const r = routePath(a.text, ctx);
    if (!r.ok) {
      diagnostics.push({ ...a.at, code: 'override/unknown-path', message: r.error });
      continue;
    }
    const { src, filePath, walk } = r.value;
    let value = a.value;
    if (
      coerce &&
      walk.numeric &&
      typeof value === 'string' &&
      value.trim() !== '' &&
      Number.isFinite(Number(value))
    )
      value = Number(value);
    if (!copied.has(src)) {
      copied.add(src);
      if (src === 'scenario') ctx.scenario = structuredClone(ctx.scenario);
      else ctx.data.set(src, structuredClone(ctx.data.get(src)));
    }
    setIn(src === 'scenario' ? ctx.scenario : ctx.data.get(src), filePath, value);
    const byPath = origins.get(src) ?? new Map<string, Assignment>();
    byPath.set(pathKey(filePath), { ...a, value });
    origins.set(src, byPath);
  }
  return { diagnostics, origins };
}

function setIn(root: unknown, path: readonly PathSeg[], value: unknown): void {
  let node = root as Record<PathSeg, unknown>;
  path.forEach((seg, i) => {
    if (i === path.length - 1) node[seg] = value;
    else {
      if (typeof node[seg] !== 'object' || node[seg] === null) node[seg] = {};
      node = node[seg] as Record<PathSeg, unknown>;
    }
  });
}

/** A locator that places problems inside assigned fields at the assignment. */
export function withOrigins(base: Locator, origins: ReadonlyMap<string, Assignment> | undefined): Locator {
  if (!origins || origins.size === 0) return base;
  return (path, key) => {
    for (let n = path.length; n >= 1; n--) {
      const a = origins.get(pathKey(path.slice(0, n)));
      if (a) return { ...a.at, path: a.at.path + formatPath(['_', ...path.slice(n)]).slice(1) };
    }
    return base(path, key);
  };
}
