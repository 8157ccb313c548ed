// Dotted paths: `measures.x.levels[1].intensity` ⇄ ['measures','x','levels',1,'intensity'].
// `levels.1.intensity` is accepted too.

export type PathSeg = string | number;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** Splits a dotted path; a segment of digits (or `[n]`) becomes a list index. Undefined when malformed. */
export function parsePath(text: string): PathSeg[] | undefined {
  const out: PathSeg[] = [];
  for (const part of text.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    const [, name = '', idx = ''] = m;
    if (name === '' && idx === '') return undefined;
    if (name !== '') out.push(/^\d+$/.test(name) ? Number(name) : name);
    for (const i of idx.matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

/** The canonical text of a dotted path (`levels.1` → `levels[1]`). */
export const normalizePath = (text: string): string | undefined => {
  const p = parsePath(text);
  return p && formatPath(p);
};
