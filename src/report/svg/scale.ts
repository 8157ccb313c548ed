// Linear scales and "nice" axis ticks.

export interface Scale {
  (v: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linear(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const f = ((v: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0))) as Scale;
  f.domain = domain;
  f.range = range;
  return f;
}

/** A step of 1, 2 or 5 × 10^k giving about `count` intervals over the span. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/** Domain widened to whole steps and its ticks; an empty or flat range becomes [0, 1] or around the value. */
export function niceDomain(
  min: number,
  max: number,
  count = 5,
): { domain: [number, number]; ticks: number[] } {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    if (lo === 0) hi = 1;
    else if (lo > 0) lo = 0;
    else hi = 0;
  }
  const step = niceStep(hi - lo, count);
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0, v = start; v <= end + step * 1e-9 && i < 100; i++, v = start + i * step)
    ticks.push(roundTo(v, step));
  return { domain: [roundTo(start, step), roundTo(end, step)], ticks };
}

/** Removes floating-point noise (0.30000000000000004) relative to the step. */
function roundTo(v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(Math.min(12, digits)));
}

/** A tick label: as few decimals as the step needs. */
export function tickLabel(v: number, step: number): string {
  const digits = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
  return v.toFixed(digits);
}

/** Whole-number ticks for rounds 0..n, thinned to at most `max` labels. */
export function roundTicks(first: number, last: number, max = 13): number[] {
  const span = Math.max(1, last - first);
  const every =
    [1, 2, 3, 4, 5, 6, 10, 12, 20, 24, 50].find((k) => span / k <= max - 1) ?? Math.ceil(span / max);
  const out: number[] = [];
  for (let v = first; v <= last; v++) if ((v - first) % every === 0) out.push(v);
  return out;
}
