// Calibrated numbers → plain numbers, remembering where each came from
// (source, assumption, file and line) and which carry a distribution.
import type * as z from 'zod';
import type { PathSeg } from './paths.js';
import { unwrap } from './schema-path.js';
import type { Distribution } from './schemas/distribution.js';
import { type Num, numRange } from './schemas/num.js';

export interface Provenance {
  readonly source?: string;
  readonly assumed?: boolean;
  /** Why an assumed number was chosen; `default` when the file does not write the number. */
  readonly why?: string;
  readonly file: string;
  /** 0 when the number has no line (a --set flag). */
  readonly line: number;
}

export interface UncertainParam {
  /** Dotted data path, e.g. `dependencies.magnets.substitution_years`. */
  readonly path: string;
  readonly dist: Distribution;
  readonly file: string;
  readonly line: number;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** A copy of validated `data` with every calibrated number replaced by its value; `onNum` sees each one. */
export function plainCopy(
  schema: z.ZodType,
  data: unknown,
  onNum: (path: readonly PathSeg[], n: Num) => void,
  path: PathSeg[] = [],
): unknown {
  if (data === undefined || data === null) return data;
  const s = unwrap(schema, data);
  if (numRange(s) && (typeof data === 'number' || typeof data === 'object')) {
    onNum(path, data as Num);
    return typeof data === 'number' ? data : (data as { value: number }).value;
  }
  const d = defOf(s);
  const rec = data as Record<string, unknown>;
  if (d.type === 'object' && d.shape) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) {
      const f = d.shape[k];
      out[k] = f ? plainCopy(f, v, onNum, [...path, k]) : v;
    }
    return out;
  }
  if (d.type === 'record' && d.valueType) {
    const vt = d.valueType;
    return Object.fromEntries(
      Object.entries(rec).map(([k, v]) => [k, plainCopy(vt, v, onNum, [...path, k])]),
    );
  }
  if (d.type === 'array' && d.element && Array.isArray(data)) {
    const el = d.element;
    return data.map((v, i) => plainCopy(el, v, onNum, [...path, i]));
  }
  if (d.type === 'tuple' && d.items && Array.isArray(data)) {
    const items = d.items;
    return data.map((v, i) => (items[i] ? plainCopy(items[i], v, onNum, [...path, i]) : v));
  }
  return data;
}

/** Provenance of one number at `line` of `file` (`written` false when a default filled it in). */
export function provenanceOf(n: Num, file: string, line: number, written: boolean): Provenance {
  if (typeof n === 'number') return written ? { file, line } : { why: 'default', file, line };
  return {
    ...(n.source === undefined ? {} : { source: n.source }),
    ...(n.assumed ? { assumed: true } : {}),
    ...(n.why === undefined ? {} : { why: n.why }),
    file,
    line,
  };
}
