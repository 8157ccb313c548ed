// The landing zone round by round: per round a column with the target's
// acceptable range [0, targetMax] on the left, the coercer's [coercerMin, 1] on the right,
// their overlap across the column, and the deal's terms q marked.
import { frame, type LegendItem, plotArea } from './frame.js';
import { COLORS, hatchPattern, marker } from './marks.js';
import { linear, roundTicks } from './scale.js';
import { el, text } from './xml.js';

export interface ZoneColumn {
  round: number;
  /** Highest q the target accepts and lowest q the coercer accepts; null before any projection. */
  targetMax: number | null;
  coercerMin: number | null;
  /** Terms of a deal struck this round. */
  deal?: number | null;
  /** Terms of a deal standing through this round (drawn dotted; no ranges are drawn). */
  holding?: number | null;
}

export interface BandChartSpec {
  id: string;
  title: string;
  desc: string;
  columns: readonly ZoneColumn[];
  /** How the legend names the two sides (default: target, coercer). */
  names?: { target: string; coercer: string };
  xLabel: string;
  xTickLabel?: (round: number) => string;
  width?: number;
  height?: number;
}

const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const clamp = (v: number) => Math.min(1, Math.max(0, v));

export function bandChart(spec: BandChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 340;
  const p = (name: string) => `${spec.id}-${name}`;
  const names = spec.names ?? { target: 'the target', coercer: 'the coercer' };
  const defs = [
    hatchPattern(p('eu'), 'diagonal', COLORS.target),
    hatchPattern(p('cn'), 'back-diagonal', COLORS.coercer),
    hatchPattern(p('zone'), 'cross', COLORS.overlap),
  ].join('');
  const legend: LegendItem[] = [
    { label: `${names.target} accepts (0 to its maximum)`, fill: `url(#${p('eu')})`, stroke: COLORS.target },
    {
      label: `${names.coercer} accepts (its minimum to 1)`,
      fill: `url(#${p('cn')})`,
      stroke: COLORS.coercer,
    },
    { label: 'landing zone (both accept)', fill: `url(#${p('zone')})`, stroke: COLORS.overlap },
    { label: 'deal struck at q', line: { color: COLORS.deal, marker: 'diamond', width: 2.5 } },
  ];
  if (spec.columns.some((c) => ok(c.holding)))
    legend.push({ label: 'deal in force', line: { color: COLORS.deal, dash: '2 3', width: 2 } });
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, label: v.toFixed(2) }));
  const box = plotArea(
    width,
    height,
    yTicks.map((t) => t.label),
    legend,
  );
  const rounds = spec.columns.map((c) => c.round);
  const r0 = rounds.length ? Math.min(...rounds) : 0;
  const r1 = rounds.length ? Math.max(...rounds) : 1;
  const x = linear([r0 - 0.5, r1 + 0.5], [box.left, box.right]);
  const y = linear([0, 1], [box.bottom, box.top]);
  const colW = Math.max(2, (x(r0 + 1) - x(r0)) * 0.8);
  const half = colW / 2;
  const body: string[] = [];
  for (const c of spec.columns) {
    const cx = x(c.round);
    const left = cx - half;
    if (ok(c.targetMax)) {
      const top = y(clamp(c.targetMax));
      body.push(rect(left, top, half - 1, y(0) - top, `url(#${p('eu')})`, COLORS.target, 'eu'));
    }
    if (ok(c.coercerMin)) {
      const top = y(1);
      body.push(
        rect(cx + 1, top, half - 1, y(clamp(c.coercerMin)) - top, `url(#${p('cn')})`, COLORS.coercer, 'cn'),
      );
    }
    if (ok(c.targetMax) && ok(c.coercerMin) && c.coercerMin <= c.targetMax) {
      const top = y(clamp(c.targetMax));
      const h = Math.max(1.5, y(clamp(c.coercerMin)) - top);
      body.push(rect(left, top, colW, h, `url(#${p('zone')})`, COLORS.overlap, 'zone', 2));
    }
    if (ok(c.holding)) {
      const hy = y(clamp(c.holding));
      body.push(
        el('line', {
          x1: left,
          x2: left + colW,
          y1: hy,
          y2: hy,
          stroke: COLORS.deal,
          'stroke-width': 2,
          'stroke-dasharray': '2 3',
          class: 'holding',
        }),
      );
    }
    if (ok(c.deal)) {
      const dy = y(clamp(c.deal));
      body.push(
        el('line', {
          x1: left - 3,
          x2: left + colW + 3,
          y1: dy,
          y2: dy,
          stroke: COLORS.deal,
          'stroke-width': 2.5,
        }),
        marker('diamond', cx, dy, COLORS.deal, 4.5),
        text(cx, dy - 9, `deal q = ${c.deal.toFixed(2)}`, {
          'font-weight': 'bold',
          'text-anchor': cx > (box.left + box.right) / 2 ? 'end' : 'start',
          dx: cx > (box.left + box.right) / 2 ? 6 : -6,
          stroke: '#ffffff',
          'stroke-width': 4,
          'paint-order': 'stroke',
          class: 'deal-label',
        }),
      );
    }
  }
  const fmt = spec.xTickLabel ?? String;
  return frame({
    id: spec.id,
    title: spec.title,
    desc: spec.desc,
    width,
    height,
    box,
    x,
    y,
    xTicks: roundTicks(r0, r1).map((v) => ({ value: v, label: fmt(v) })),
    yTicks,
    xLabel: spec.xLabel,
    yLabel: 'deal terms q',
    legend,
    defs,
    body: body.join(''),
  });
}

function rect(x: number, y: number, w: number, h: number, fill: string, stroke: string, cls: string, sw = 1) {
  return el('rect', {
    x,
    y,
    width: Math.max(0, w),
    height: Math.max(0, h),
    fill,
    stroke,
    'stroke-width': sw,
    class: cls,
  });
}
