// The comparison with computer-played games: a histogram of one measure
// with this game's value marked, and horizontal bars of outcome shares.
import { frame, type LegendItem, plotArea } from './frame.js';
import { COLORS, hatchPattern, marker } from './marks.js';
import { linear, niceDomain, tickLabel } from './scale.js';
import { el, esc, text, textWidth } from './xml.js';

export interface HistogramSpec {
  id: string;
  title: string;
  desc: string;
  values: readonly number[];
  /** Runs the shares are taken of (default: values.length). */
  total?: number;
  /** Whole numbers (rounds): one bar per value instead of bins. */
  discrete?: boolean;
  xLabel: string;
  /** This game's value, marked with a line; null when it has none. */
  mark: { value: number | null; label: string };
  /** Shown when there are no values. */
  emptyNote: string;
  width?: number;
  height?: number;
}

interface Bin {
  lo: number;
  hi: number;
  count: number;
}

/** Bins over the values: whole-number bins, or about `count` nice bins. */
export function binValues(
  values: readonly number[],
  discrete: boolean,
  count = 12,
  include: number[] = [],
): Bin[] {
  const all = [...values, ...include].filter(Number.isFinite);
  if (all.length === 0) return [];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const edges: number[] = [];
  if (discrete) for (let v = Math.floor(min); v <= Math.ceil(max) + 1; v++) edges.push(v - 0.5);
  else {
    const nice = niceDomain(min, max === min ? min + 1 : max, count);
    edges.push(...nice.ticks);
    if (edges.length < 2) edges.push(nice.domain[1] + 1);
  }
  const bins: Bin[] = [];
  for (let i = 0; i + 1 < edges.length; i++) bins.push({ lo: edges[i]!, hi: edges[i + 1]!, count: 0 });
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    let i = bins.findIndex((b) => v >= b.lo && v < b.hi);
    if (i < 0) i = bins.length - 1;
    bins[i]!.count += 1;
  }
  return bins;
}

export function histogram(spec: HistogramSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 280;
  const total = spec.total ?? spec.values.length;
  const markValue = spec.mark.value;
  const bins = binValues(spec.values, spec.discrete === true, 12, markValue === null ? [] : [markValue]);
  const shares = bins.map((b) => (total > 0 ? (b.count / total) * 100 : 0));
  const nice = niceDomain(0, Math.max(1, ...shares), 4);
  const stepY = (nice.ticks[1] ?? 1) - (nice.ticks[0] ?? 0);
  const yTicks = nice.ticks.map((v) => ({ value: v, label: `${tickLabel(v, stepY)}%` }));
  const pid = `${spec.id}-runs`;
  const legend: LegendItem[] = [
    { label: 'computer-played games', fill: `url(#${pid})`, stroke: COLORS.neutral },
    { label: spec.mark.label, line: { color: COLORS.deal, marker: 'triangle', width: 2.5 } },
  ];
  const box = plotArea(
    width,
    height,
    yTicks.map((t) => t.label),
    legend,
  );
  const lo = bins[0]?.lo ?? 0;
  const hi = bins[bins.length - 1]?.hi ?? 1;
  const x = linear([lo, hi], [box.left + 4, box.right - 4]);
  const y = linear(nice.domain, [box.bottom, box.top]);
  const body = bins.map((b, i) =>
    el('rect', {
      x: x(b.lo) + 1,
      y: y(shares[i]!),
      width: Math.max(0, x(b.hi) - x(b.lo) - 2),
      height: Math.max(0, y(0) - y(shares[i]!)),
      fill: `url(#${pid})`,
      stroke: COLORS.neutral,
      class: 'bin',
    }),
  );
  if (bins.length === 0 || spec.values.length === 0)
    body.push(
      text((box.left + box.right) / 2, (box.top + box.bottom) / 2, spec.emptyNote, {
        'text-anchor': 'middle',
        'font-size': 13,
      }),
    );
  if (markValue !== null && Number.isFinite(markValue) && bins.length > 0) {
    const mx = x(markValue);
    const right = mx + textWidth(spec.mark.label, 11) + 8 > box.right;
    body.push(
      el('line', {
        x1: mx,
        x2: mx,
        y1: box.top,
        y2: box.bottom,
        stroke: COLORS.deal,
        'stroke-width': 2.5,
        class: 'mark',
      }),
      marker('triangle', mx, box.top + 2, COLORS.deal, 5),
      text(right ? mx - 6 : mx + 6, box.top + 14, spec.mark.label, {
        'text-anchor': right ? 'end' : 'start',
        'font-weight': 'bold',
      }),
    );
  }
  const xStep = spec.discrete ? 1 : (bins[0]?.hi ?? 1) - (bins[0]?.lo ?? 0);
  const edges = spec.discrete ? bins.map((b) => (b.lo + b.hi) / 2) : [...bins.map((b) => b.lo), hi];
  const every = Math.max(1, Math.ceil(edges.length / 12));
  const xTicks = edges
    .filter((_, i) => i % every === 0)
    .map((v) => ({ value: v, label: tickLabel(v, xStep) }));
  return frame({
    id: spec.id,
    title: spec.title,
    desc: spec.desc,
    width,
    height,
    box,
    x,
    y,
    xTicks,
    yTicks,
    xLabel: spec.xLabel,
    yLabel: 'share of games',
    legend,
    defs: hatchPattern(pid, 'dots', COLORS.neutral),
    body: body.join(''),
  });
}

const HALO = { stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' } as const;

/**
 * A bar's label, placed where it fits whole: right of the bar on one line,
 * else inside its end (on a white halo), else on two lines right of the bar,
 * else on two lines inside it.
 */
function barLabel(
  share: string,
  tag: string,
  at: { start: number; end: number; mid: number; width: number },
  bold: boolean,
): string {
  const attrs = { 'font-weight': bold ? 'bold' : undefined };
  const one = tag ? `${share} ${tag}` : share;
  const room = { right: at.width - 4 - (at.end + 6), inside: at.end - at.start - 12 };
  const w = textWidth(one, 11);
  if (w <= room.right) return text(at.end + 6, at.mid + 4, one, attrs);
  // Inside the bar the label sits on a white card, readable over the hatching.
  const card = (width: number, lines: number) =>
    el('rect', {
      x: at.end - 9 - width,
      y: at.mid - 7 * lines - 1,
      width: width + 6,
      height: 14 * lines + 2,
      fill: '#ffffff',
    });
  if (w <= room.inside)
    return card(w, 1) + text(at.end - 6, at.mid + 4, one, { ...attrs, ...HALO, 'text-anchor': 'end' });
  // Else wrapped by words into lines that fit, beside the bar or inside it, whichever has more room.
  const beside = room.right >= room.inside;
  const lines = wrapWords(one, Math.max(room.right, room.inside));
  const wide = Math.max(...lines.map((l) => textWidth(l, 11)));
  const x = beside ? at.end + 6 : at.end - 6;
  const top = at.mid + 4 - ((lines.length - 1) * 12) / 2;
  const spans = lines.map((l, i) => el('tspan', { x, y: top + i * 12 }, esc(l)));
  if (beside) return el('text', { ...attrs, 'text-anchor': 'start' }, spans);
  return card(wide, lines.length) + el('text', { ...attrs, ...HALO, 'text-anchor': 'end' }, spans);
}

/** Words packed greedily into lines no wider than `width` (a word longer than that stands alone). */
function wrapWords(s: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of s.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, 11) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export interface BarSpec {
  id: string;
  title: string;
  desc: string;
  bars: readonly { label: string; count: number; highlight?: boolean }[];
  total: number;
  highlightLabel: string;
  width?: number;
}

/** Horizontal bars of shares, one per category; the highlighted one is outlined and labelled. */
export function barChart(spec: BarSpec): string {
  const width = spec.width ?? 720;
  const rowH = 26;
  const pid = `${spec.id}-bar`;
  const hid = `${spec.id}-hl`;
  const legend: LegendItem[] = [
    { label: 'computer-played games', fill: `url(#${pid})`, stroke: COLORS.neutral },
    { label: spec.highlightLabel, fill: `url(#${hid})`, stroke: COLORS.deal },
  ];
  const n = Math.max(1, spec.bars.length);
  const yTicks = spec.bars.map((b, i) => ({ value: n - i - 0.5, label: b.label }));
  const height = 40 + 56 + n * rowH + 20;
  const box = plotArea(
    width,
    height,
    yTicks.map((t) => t.label),
    legend,
  );
  const x = linear([0, 100], [box.left, box.right - 90]);
  const y = linear([0, n], [box.bottom, box.top]);
  const body: string[] = [];
  spec.bars.forEach((b, i) => {
    const share = spec.total > 0 ? (b.count / spec.total) * 100 : 0;
    const top = y(n - i) + 4;
    const h = y(0) - y(1) - 8;
    body.push(
      el('rect', {
        x: x(0),
        y: top,
        width: Math.max(b.count > 0 ? 1 : 0, x(share) - x(0)),
        height: h,
        fill: `url(#${b.highlight ? hid : pid})`,
        stroke: b.highlight ? COLORS.deal : COLORS.neutral,
        'stroke-width': b.highlight ? 2.5 : 1,
        class: b.highlight ? 'bar highlight' : 'bar',
      }),
      barLabel(
        `${share.toFixed(share > 0 && share < 1 ? 1 : 0)}% (${b.count})`,
        b.highlight ? `← ${spec.highlightLabel}` : '',
        { start: x(0), end: x(share), mid: top + h / 2, width },
        b.highlight === true,
      ),
    );
  });
  const xTicks = [0, 25, 50, 75, 100].map((v) => ({ value: v, label: `${v}%` }));
  return frame({
    id: spec.id,
    title: spec.title,
    desc: spec.desc,
    width,
    height,
    box,
    x,
    y,
    xTicks,
    yTicks,
    xLabel: 'share of computer-played games',
    yLabel: '',
    legend,
    defs: hatchPattern(pid, 'dots', COLORS.neutral) + hatchPattern(hid, 'cross', COLORS.deal),
    body: body.join(''),
    grid: 'x',
  });
}
