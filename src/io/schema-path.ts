// Walks a zod schema along a data path, using the data itself to pick union
// branches. Used to check override paths and to list a mapping's fields.
import type * as z from 'zod';
import { didYouMean, listSome } from './did-you-mean.js';
import { isObj } from './is-obj.js';
import { formatPath, type PathSeg } from './paths.js';
import { numRange } from './schemas/num.js';

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
  discriminator?: string;
  getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default/pipe wrappers and picks the union branch that fits `data`. */
export function unwrap(s: z.ZodType, data: unknown): z.ZodType {
  for (;;) {
    if (numRange(s)) return s;
    const d = defOf(s);
    if (
      d.innerType &&
      ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(d.type)
    )
      s = d.innerType;
    // A preprocessed field (transform → schema) is described by what it checks.
    else if (d.type === 'pipe' && d.in) s = defOf(d.in).type === 'transform' && d.out ? d.out : d.in;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else if (d.type === 'union' && d.options) {
      const pick = pickOption(d, data);
      if (!pick) return s;
      s = pick;
    } else return s;
  }
}

function pickOption(d: Def, data: unknown): z.ZodType | undefined {
  const options = d.options ?? [];
  if (d.discriminator && isObj(data)) {
    const v = data[d.discriminator];
    return options.find((o) => {
      const lit = unwrap(o, data);
      const field = defOf(lit).shape?.[d.discriminator!];
      return field && (defOf(field) as unknown as { values?: unknown[] }).values?.includes(v);
    });
  }
  const want = Array.isArray(data) ? 'array' : isObj(data) ? 'object' : typeof data;
  return options.find((o) => {
    if (numRange(o)) return want === 'number' || want === 'object';
    const t = defOf(unwrap(o, undefined)).type;
    return t === want || (want === 'object' && (t === 'record' || t === 'object'));
  });
}

/** The fields of the mapping schema at `path`, if it is an object schema. */
export function fieldsAt(root: z.ZodType, data: unknown, path: readonly PathSeg[]): string[] {
  const r = walkSchema(root, data, path);
  if (!r.ok) return [];
  let s = unwrap(r.schema, r.data);
  // A calibrated number written as a mapping: its object branch.
  if (numRange(s) && isObj(r.data)) s = defOf(s).options?.find((o) => defOf(o).type === 'object') ?? s;
  const d = defOf(s);
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

export type Walk =
  | { ok: true; schema: z.ZodType; data: unknown; numeric: boolean; text: boolean }
  | { ok: false; depth: number; message: string };

/** Follows `path` through the schema and the data; unknown fields, ids or indices are errors. */
export function walkSchema(
  root: z.ZodType,
  rootData: unknown,
  path: readonly PathSeg[],
  show: (p: readonly PathSeg[]) => string = formatPath,
): Walk {
  let s = root;
  let data = rootData;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const here = show(path.slice(0, i)) || 'the top level';
    const u = unwrap(s, data);
    const d = defOf(u);
    const fail = (message: string): Walk => ({ ok: false, depth: i, message });
    if (numRange(u) || !['object', 'record', 'array', 'tuple'].includes(d.type))
      return fail(`${here} is a single value; it has no "${String(seg)}"`);
    if (d.type === 'object') {
      const keys = Object.keys(d.shape ?? {});
      if (typeof seg !== 'string' || !keys.includes(seg))
        return fail(
          `unknown field "${String(seg)}" in ${here}${didYouMean(String(seg), keys) || ` (fields: ${listSome(keys)})`}`,
        );
      s = d.shape![seg]!;
      data = isObj(data) ? data[seg] : undefined;
    } else if (d.type === 'record') {
      const keys = isObj(data) ? Object.keys(data) : [];
      if (typeof seg !== 'string' || !keys.includes(seg))
        return fail(
          `${here} has no "${String(seg)}"${didYouMean(String(seg), keys) || ` (it has: ${listSome(keys)})`}`,
        );
      s = d.valueType!;
      data = (data as Record<string, unknown>)[seg];
    } else {
      const n = d.type === 'tuple' ? (d.items?.length ?? 0) : Array.isArray(data) ? data.length : 0;
      if (typeof seg !== 'number' || seg >= n)
        return fail(
          `${here} has ${n} entr${n === 1 ? 'y' : 'ies'} (indices 0 to ${n - 1}); there is no [${String(seg)}]`,
        );
      s = d.type === 'tuple' ? d.items![seg]! : d.element!;
      data = Array.isArray(data) ? data[seg] : undefined;
    }
  }
  const leaf = unwrap(s, data);
  const t = defOf(leaf).type;
  return {
    ok: true,
    schema: s,
    data,
    numeric: numRange(leaf) !== undefined || t === 'number',
    text: ['string', 'enum', 'literal'].includes(t),
  };
}
