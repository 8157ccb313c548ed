// The frame every chart shares: the SVG root with title and description, a
// white background, grid, axes with ticks and labels, and a legend below.
import { COLORS, type MarkerKind, marker } from './marks.js';
import type { Scale } from './scale.js';
import { el, esc, text, textWidth } from './xml.js';

export interface Tick {
  value: number;
  label: string;
}

export interface LegendItem {
  label: string;
  /** A line sample (line charts). */
  line?: { color: string; dash?: string; marker?: MarkerKind; width?: number };
  /** A filled swatch (bars, bands): a colour or `url(#pattern)`. */
  fill?: string;
  stroke?: string;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const FONT = 11;
const TITLE = 14;
const LEGEND_ROW = 18;

/** Plot area left by the title, the y tick labels, the axis titles and the legend. */
export function plotArea(
  width: number,
  height: number,
  yTickLabels: readonly string[],
  legend: readonly LegendItem[],
): Box {
  const yLabelWidth = Math.max(0, ...yTickLabels.map((s) => textWidth(s, FONT)));
  const left = 28 + yLabelWidth + 8;
  const rows = legendRows(legend, width - left - 16).length;
  return { left, top: 34, right: width - 16, bottom: height - 40 - rows * LEGEND_ROW };
}

export interface FrameSpec {
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  box: Box;
  x: Scale;
  y: Scale;
  xTicks: readonly Tick[];
  yTicks: readonly Tick[];
  xLabel: string;
  yLabel: string;
  legend: readonly LegendItem[];
  defs?: string;
  /** The marks, drawn over the grid and under the axes. */
  body: string;
  /** Grid lines at the y ticks (default) or the x ticks. */
  grid?: 'x' | 'y';
}

export function frame(f: FrameSpec): string {
  const { box, x, y } = f;
  const grid =
    f.grid === 'x'
      ? f.xTicks.map((t) =>
          el('line', { x1: x(t.value), x2: x(t.value), y1: box.top, y2: box.bottom, stroke: COLORS.grid }),
        )
      : f.yTicks.map((t) =>
          el('line', { x1: box.left, x2: box.right, y1: y(t.value), y2: y(t.value), stroke: COLORS.grid }),
        );
  const yLabels = f.yTicks.map((t) =>
    text(box.left - 6, y(t.value) + FONT * 0.35, t.label, { 'text-anchor': 'end' }),
  );
  const xLabels = f.xTicks.map(
    (t) =>
      el('line', {
        x1: x(t.value),
        x2: x(t.value),
        y1: box.bottom,
        y2: box.bottom + 4,
        stroke: COLORS.axis,
      }) + text(x(t.value), box.bottom + 6 + FONT, t.label, { 'text-anchor': 'middle' }),
  );
  const axes = [
    el('line', { x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom, stroke: COLORS.axis }),
    el('line', { x1: box.left, x2: box.left, y1: box.top, y2: box.bottom, stroke: COLORS.axis }),
  ];
  const midY = (box.top + box.bottom) / 2;
  const titles = [
    text(8, 20, f.title, { 'font-size': TITLE, 'font-weight': 'bold', class: 'chart-title' }),
    text((box.left + box.right) / 2, box.bottom + 8 + FONT * 2.4, f.xLabel, { 'text-anchor': 'middle' }),
    text(12, midY, f.yLabel, { 'text-anchor': 'middle', transform: `rotate(-90 12 ${midY})` }),
  ];
  const tid = `${f.id}-title`;
  const did = `${f.id}-desc`;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      id: f.id,
      class: 'chart',
      width: f.width,
      height: f.height,
      viewBox: `0 0 ${f.width} ${f.height}`,
      role: 'img',
      'aria-labelledby': `${tid} ${did}`,
      'font-family': 'Helvetica, Arial, sans-serif',
      'font-size': FONT,
      fill: COLORS.axis,
    },
    [
      el('title', { id: tid }, esc(f.title)),
      el('desc', { id: did }, esc(f.desc)),
      f.defs ? el('defs', {}, f.defs) : '',
      el('rect', { width: f.width, height: f.height, fill: '#ffffff' }),
      el('g', { class: 'grid' }, grid),
      el('g', { class: 'marks' }, f.body),
      el('g', { class: 'axes' }, [...axes, ...yLabels, ...xLabels, ...titles]),
      legendSvg(f.legend, box.left, box.bottom + 46, box.right - box.left),
    ],
  );
}

const SWATCH = 26;
const itemWidth = (i: LegendItem) => SWATCH + 6 + textWidth(i.label, FONT) + 16;

/** Legend items wrapped into rows that fit the width. */
export function legendRows(items: readonly LegendItem[], width: number): LegendItem[][] {
  const rows: LegendItem[][] = [];
  let row: LegendItem[] = [];
  let used = 0;
  for (const it of items) {
    const w = itemWidth(it);
    if (row.length > 0 && used + w > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(it);
    used += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function legendSvg(items: readonly LegendItem[], left: number, top: number, width: number): string {
  const out: string[] = [];
  legendRows(items, width).forEach((row, r) => {
    let x = left;
    const y = top + r * LEGEND_ROW;
    for (const it of row) {
      if (it.line) {
        out.push(
          el('line', {
            x1: x,
            x2: x + SWATCH,
            y1: y,
            y2: y,
            stroke: it.line.color,
            'stroke-width': it.line.width ?? 2,
            'stroke-dasharray': it.line.dash,
          }),
          marker(it.line.marker ?? 'none', x + SWATCH / 2, y, it.line.color),
        );
      } else {
        out.push(
          el('rect', {
            x,
            y: y - 6,
            width: SWATCH,
            height: 12,
            fill: it.fill ?? '#ccc',
            stroke: it.stroke ?? COLORS.axis,
          }),
        );
      }
      out.push(text(x + SWATCH + 6, y + FONT * 0.35, it.label));
      x += itemWidth(it);
    }
  });
  return el('g', { class: 'legend' }, out);
}
