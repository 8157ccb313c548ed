// Small helpers for writing SVG and HTML as strings: escaping, numbers for
// coordinates, and elements with attributes.

/** Escapes text for XML/HTML content and attribute values. */
export const esc = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A coordinate with at most two decimals; a non-finite number is a bug in the caller, so it throws. */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`chart coordinate is not a finite number: ${x}`);
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

export type Attrs = Readonly<Record<string, string | number | undefined>>;

/** `<tag a="…">children</tag>`, or self-closing without children; undefined attributes are left out. */
export function el(tag: string, attrs: Attrs = {}, children?: string | readonly string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : esc(v as string)}"`)
    .join('');
  if (children === undefined) return `<${tag}${a}/>`;
  return `<${tag}${a}>${typeof children === 'string' ? children : children.join('')}</${tag}>`;
}

/** Text element; the content is escaped. */
export const text = (x: number, y: number, content: string, attrs: Attrs = {}): string =>
  el('text', { x, y, ...attrs }, esc(content));

/** Rough width of a label in pixels (no font metrics in Node): 0.58 em per character. */
export const textWidth = (s: string, fontSize: number): number => s.length * fontSize * 0.58;
