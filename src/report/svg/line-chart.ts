// Line and step charts over rounds: several series, each told apart by dash
// pattern and marker as well as colour, with optional reference lines.
import { frame, type LegendItem, plotArea, type Tick } from './frame.js';
import { COLORS, type MarkerKind, marker } from './marks.js';
import { linear, niceDomain, roundTicks, tickLabel } from './scale.js';
import { el, num, text } from './xml.js';

export interface LineSeries {
  name: string;
  /** One value per x; null or a non-finite number leaves a gap. */
  values: readonly (number | null)[];
  color: string;
  dash?: string;
  marker?: MarkerKind;
}

export interface RefLine {
  y: number;
  label: string;
}

export interface LineChartSpec {
  id: string;
  title: string;
  desc: string;
  /** The x of each value (rounds). */
  x: readonly number[];
  xLabel: string;
  xTickLabel?: (x: number) => string;
  yLabel: string;
  /** Fixed y ticks (e.g. rung names); otherwise nice ticks from the data. */
  yTicks?: readonly Tick[];
  yMin?: number;
  yMax?: number;
  series: readonly LineSeries[];
  refLines?: readonly RefLine[];
  /** Step interpolation: a value holds until the next x. */
  step?: boolean;
  width?: number;
  height?: number;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 320;
  const all = spec.series.flatMap((s) => s.values.filter(finite));
  for (const r of spec.refLines ?? []) all.push(r.y);
  let yTicks: readonly Tick[];
  let domain: [number, number];
  if (spec.yTicks && spec.yTicks.length > 0) {
    yTicks = spec.yTicks;
    const vs = yTicks.map((t) => t.value);
    domain = [spec.yMin ?? Math.min(...vs), spec.yMax ?? Math.max(...vs)];
  } else {
    const nice = niceDomain(spec.yMin ?? Math.min(0, ...all), spec.yMax ?? Math.max(0, ...all), 5);
    domain = nice.domain;
    const stepSize = (nice.ticks[1] ?? 1) - (nice.ticks[0] ?? 0);
    yTicks = nice.ticks.map((v) => ({ value: v, label: tickLabel(v, stepSize) }));
  }
  const xs = spec.x.length > 0 ? spec.x : [0];
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const legend: LegendItem[] = spec.series.map((s) => ({
    label: s.name,
    line: { color: s.color, ...(s.dash ? { dash: s.dash } : {}), marker: s.marker ?? 'none' },
  }));
  const box = plotArea(
    width,
    height,
    yTicks.map((t) => t.label),
    legend,
  );
  const pad = x1 > x0 ? 0 : 1;
  const x = linear([x0 - pad, x1 + pad], [box.left + 10, box.right - 10]);
  const y = linear(domain, [box.bottom, box.top]);
  const fmt = spec.xTickLabel ?? String;
  const xTicks = roundTicks(x0, x1).map((v) => ({ value: v, label: fmt(v) }));

  const refs = (spec.refLines ?? []).map(
    (r) =>
      el('line', {
        x1: box.left,
        x2: box.right,
        y1: y(r.y),
        y2: y(r.y),
        stroke: COLORS.neutral,
        'stroke-width': 1.2,
        'stroke-dasharray': '2 3',
      }) +
      text(box.right - 4, y(r.y) - 4, r.label, {
        'text-anchor': 'end',
        stroke: '#ffffff',
        'stroke-width': 4,
        'paint-order': 'stroke',
        class: 'ref-label',
      }),
  );
  const lines = spec.series.map((s, i) => {
    const pts: [number, number][] = [];
    const segments: string[] = [];
    const flush = () => {
      if (pts.length > 0) segments.push(pathOf(pts, spec.step === true));
      pts.length = 0;
    };
    spec.x.forEach((xv, k) => {
      const v = s.values[k];
      if (finite(v)) pts.push([x(xv), y(v)]);
      else flush();
    });
    flush();
    const marks = spec.x.map((xv, k) => {
      const v = s.values[k];
      return finite(v) ? marker(s.marker ?? 'none', x(xv), y(v), s.color) : '';
    });
    const path = el('path', {
      d: segments.join('') || undefined,
      fill: 'none',
      stroke: s.color,
      'stroke-width': 2,
      'stroke-dasharray': s.dash,
      'stroke-linejoin': 'round',
    });
    return el('g', { class: 'series', 'data-series': String(i) }, [segments.length ? path : '', ...marks]);
  });
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
    yLabel: spec.yLabel,
    legend,
    body: [...refs, ...lines].join(''),
  });
}

/** `M…L…` through the points; with `step`, horizontal then vertical moves. */
function pathOf(pts: readonly [number, number][], step: boolean): string {
  let d = '';
  pts.forEach(([px, py], i) => {
    if (i === 0) d += `M${num(px)},${num(py)}`;
    else if (step) d += `H${num(px)}V${num(py)}`;
    else d += `L${num(px)},${num(py)}`;
  });
  return d;
}
