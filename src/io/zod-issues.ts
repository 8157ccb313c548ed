// Turns zod issues into diagnostics written for students: positions from the
// YAML document, plain-language messages, did-you-mean for unknown fields.
import type * as z from 'zod';
import type { Diagnostic } from './diagnostics.js';
import { didYouMean, listSome } from './did-you-mean.js';
import { formatPath, type PathSeg } from './paths.js';
import { fieldsAt } from './schema-path.js';
import { showValue } from './schemas/range.js';
import { keyPositionOf, positionOf, type YamlSource } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

/** Where a data path lives: which file, line and col, and the path to show. */
export type Locator = (
  path: readonly PathSeg[],
  key?: string,
) => Omit<Diagnostic, 'code' | 'message' | 'hint'>;

/** Positions in one YAML file; the shown path is the data path. */
export const sourceLocator =
  (src: YamlSource): Locator =>
  (path, key) => {
    const { line, col } = key === undefined ? positionOf(src, path) : keyPositionOf(src, path, key);
    return { file: src.file, line, col, path: formatPath(key === undefined ? path : [...path, key]) };
  };

export interface IssueContext {
  /** The schema that was parsed (for the fields of a mapping). */
  readonly schema: z.ZodType;
  /** The data that was parsed. */
  readonly data: unknown;
  readonly locate: Locator;
}

const WORDS: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  record: 'a mapping (key: value)',
  tuple: 'a list',
};

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    data,
  );

// Our own messages start in lower case; zod's defaults start in upper case.
const isOurs = (m: string) => /^[a-z]/.test(m);

export function issuesToDiagnostics(issues: readonly Issue[], ctx: IssueContext): Diagnostic[] {
  return dropMisspeltMissing(issues.flatMap((i) => one(i, i.path as PathSeg[], ctx)));
}

/** A misspelt field also shows up as a missing one: keep only the misspelling. */
export function dropMisspeltMissing(ds: readonly Diagnostic[]): Diagnostic[] {
  const misspelt = new Set(
    ds.flatMap((d) => {
      const m = /^unknown field "[^"]*" — did you mean "([^"]*)"\?$/.exec(d.message);
      return m ? [`${d.file}\u0000${d.path.replace(/\.?[^.]*$/, '')}\u0000${m[1]}`] : [];
    }),
  );
  return ds.filter((d) => {
    const m = /^missing required field "([^"]*)"$/.exec(d.message);
    return !(m && misspelt.has(`${d.file}\u0000${d.path}\u0000${m[1]}`));
  });
}

function one(issue: Issue, path: PathSeg[], ctx: IssueContext): Diagnostic[] {
  const at = (
    p: readonly PathSeg[],
    code: string,
    message: string,
    hint?: string,
    key?: string,
  ): Diagnostic => ({
    ...ctx.locate(p, key),
    code,
    message,
    ...(hint === undefined ? {} : { hint }),
  });
  const input = valueAt(ctx.data, path);
  const missing = (): Diagnostic => {
    const field = path[path.length - 1];
    return at(path.slice(0, -1), 'schema/missing', `missing required field "${String(field)}"`);
  };
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return [missing()];
      if (isOurs(issue.message)) return [at(path, 'schema/type', issue.message)];
      return [
        at(
          path,
          'schema/type',
          `expected ${WORDS[issue.expected] ?? issue.expected}, got ${showValue(input)}`,
        ),
      ];
    case 'unrecognized_keys': {
      const fields = fieldsAt(ctx.schema, ctx.data, path);
      return issue.keys.map((k) => {
        const dym = didYouMean(k, fields);
        const hint = dym === '' && fields.length > 0 ? `allowed fields: ${listSome(fields, 12)}` : undefined;
        return at(path, 'schema/unknown-field', `unknown field "${k}"${dym}`, hint, k);
      });
    }
    case 'invalid_value': {
      if (input === undefined) return [missing()];
      const vals = issue.values.map(String);
      const want = vals.length === 1 ? `"${vals[0]}"` : `one of ${vals.join(', ')}`;
      return [
        at(
          path,
          'schema/value',
          `expected ${want}, got ${showValue(input)}${didYouMean(String(input), vals)}`,
        ),
      ];
    }
    case 'invalid_union':
      return union(issue, path, input, ctx, at, missing);
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? '';
      return [
        at(path, 'schema/key', isOurs(inner) ? inner : `invalid key "${String(path[path.length - 1])}"`),
      ];
    }
    case 'too_big':
    case 'too_small': {
      if (isOurs(issue.message)) return [at(path, 'schema/range', issue.message)];
      const n = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
      const what = issue.origin === 'array' ? 'entries' : issue.origin === 'string' ? 'characters' : '';
      const rel = issue.code === 'too_big' ? 'at most' : 'at least';
      return [
        at(
          path,
          'schema/range',
          what ? `needs ${rel} ${n} ${what}` : `expected ${rel} ${n}, got ${showValue(input)}`,
        ),
      ];
    }
    default:
      return [at(path, `schema/${issue.code}`, isOurs(issue.message) ? issue.message : lower(issue.message))];
  }
}

function union(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: PathSeg[],
  input: unknown,
  ctx: IssueContext,
  at: (p: readonly PathSeg[], code: string, message: string, hint?: string) => Diagnostic,
  missing: () => Diagnostic,
): Diagnostic[] {
  const u = issue as { discriminator?: string; options?: unknown[] };
  if (u.discriminator !== undefined) {
    const opts = (u.options ?? []).map(String);
    if (input === undefined)
      return [
        at(
          path.slice(0, -1),
          'schema/missing',
          `missing required field "${u.discriminator}"`,
          `one of: ${opts.join(', ')}`,
        ),
      ];
    const dym = didYouMean(String(input), opts);
    return [
      at(
        path,
        'schema/value',
        `unknown ${u.discriminator} ${showValue(input)}${dym}`,
        dym ? undefined : `expected one of: ${opts.join(', ')}`,
      ),
    ];
  }
  if (input === undefined) return [missing()];
  const branches = issue.errors;
  const typeOnly = (b: readonly Issue[]) =>
    b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0;
  const real = branches.filter((b) => !typeOnly(b));
  if (real.length === 0) {
    const wants = branches.map((b) => (b[0] as { expected?: string }).expected ?? '?');
    const msg =
      wants.includes('number') && wants.includes('object')
        ? `expected a number (or a mapping with value: and source:), got ${showValue(input)}`
        : `expected ${[...new Set(wants)].map((w) => WORDS[w] ?? w).join(' or ')}, got ${showValue(input)}`;
    return [at(path, 'schema/type', msg)];
  }
  const best = real.reduce((a, b) => (b.length < a.length ? b : a));
  return best.flatMap((i) => one(i, [...path, ...(i.path as PathSeg[])], ctx));
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
