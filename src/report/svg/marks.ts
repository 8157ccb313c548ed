// Marks shared by the charts: point markers, a colour-blind-safe palette
// (Okabe–Ito) and hatch patterns, so every chart reads in black and white.
import { el } from './xml.js';

export const COLORS = {
  target: '#0072B2',
  coercer: '#D55E00',
  overlap: '#009E73',
  for: '#009E73',
  against: '#CC79A7',
  neutral: '#555555',
  grid: '#dddddd',
  axis: '#333333',
  deal: '#000000',
} as const;

export type MarkerKind = 'circle' | 'square' | 'triangle' | 'diamond' | 'none';

/** A point marker centred on (x, y). */
export function marker(kind: MarkerKind, x: number, y: number, color: string, size = 3.5): string {
  const s = size;
  switch (kind) {
    case 'circle':
      return el('circle', { cx: x, cy: y, r: s, fill: '#fff', stroke: color, 'stroke-width': 1.5 });
    case 'square':
      return el('rect', { x: x - s, y: y - s, width: 2 * s, height: 2 * s, fill: color });
    case 'triangle':
      return el('path', {
        d: `M${x},${y - s * 1.2}L${x + s * 1.1},${y + s * 0.8}L${x - s * 1.1},${y + s * 0.8}Z`,
        fill: color,
      });
    case 'diamond':
      return el('path', {
        d: `M${x},${y - s * 1.4}L${x + s * 1.1},${y}L${x},${y + s * 1.4}L${x - s * 1.1},${y}Z`,
        fill: color,
      });
    case 'none':
      return '';
  }
}

export type Hatch = 'diagonal' | 'back-diagonal' | 'cross' | 'dots' | 'solid';

/** A fill pattern with id `${prefix}-${name}`: light tint of the colour plus lines in it. */
export function hatchPattern(id: string, kind: Hatch, color: string): string {
  const bg = el('rect', { width: 8, height: 8, fill: color, 'fill-opacity': 0.18 });
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    el('line', { x1, y1, x2, y2, stroke: color, 'stroke-width': 1.6 });
  const marks =
    kind === 'diagonal'
      ? [line(0, 8, 8, 0), line(-2, 2, 2, -2), line(6, 10, 10, 6)]
      : kind === 'back-diagonal'
        ? [line(0, 0, 8, 8), line(-2, 6, 2, 10), line(6, -2, 10, 2)]
        : kind === 'cross'
          ? [line(0, 8, 8, 0), line(0, 0, 8, 8)]
          : kind === 'dots'
            ? [el('circle', { cx: 4, cy: 4, r: 1.6, fill: color })]
            : [el('rect', { width: 8, height: 8, fill: color, 'fill-opacity': 0.6 })];
  return el('pattern', { id, patternUnits: 'userSpaceOnUse', width: 8, height: 8 }, [bg, ...marks]);
}
