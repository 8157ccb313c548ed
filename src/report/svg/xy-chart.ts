// A chart of a batch output over one input: a sweep (the mean of a metric at
// each swept value, with its interval as a bar, joined by lines) or a scatter
// (one dot per run). One series per group (`--by package`), each with its
// own colour and marker, so the chart also reads in black and white.
import { frame, type LegendItem, plotArea } from './frame.js';
import { type MarkerKind, marker } from './marks.js';
import { linear, niceDomain, niceStep, tickLabel } from './scale.js';
import { el } from './xml.js';

export interface XyPoint {
  readonly x: number;
  readonly y: number;
  /** The interval of a sweep's mean; absent in a scatter. */
  readonly lo?: number;
  readonly hi?: number;
}

export interface XySeries {
  readonly name: string;
  readonly points: readonly XyPoint[];
}

export interface XyChartSpec {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly kind: 'sweep' | 'scatter';
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly XySeries[];
  readonly width?: number;
  readonly height?: number;
}

/** Okabe–Ito, colour-blind safe; series beyond eight repeat colours with other markers. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const MARKERS: MarkerKind[] = ['circle', 'square', 'triangle', 'diamond'];

export function xyChart(spec: XyChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 400;
  const style = (i: number) => ({ color: PALETTE[i % PALETTE.length]!, mark: MARKERS[i % MARKERS.length]! });
  const legend: LegendItem[] =
    spec.series.length > 1 || spec.series[0]?.name
      ? spec.series.map((s, i) => ({
          label: s.name,
          line: {
            color: style(i).color,
            marker: style(i).mark,
            ...(spec.kind === 'scatter' ? { width: 0 } : {}),
          },
        }))
      : [];
  const all = spec.series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x);
  const ys = all.flatMap((p) => [p.y, p.lo ?? p.y, p.hi ?? p.y]);
  const xd = niceDomain(Math.min(...xs), Math.max(...xs));
  const yd = niceDomain(Math.min(...ys), Math.max(...ys));
  const xStep = niceStep(xd.domain[1] - xd.domain[0], 5);
  const yStep = niceStep(yd.domain[1] - yd.domain[0], 5);
  const yTicks = yd.ticks.map((v) => ({ value: v, label: tickLabel(v, yStep) }));
  const box = plotArea(
    width,
    height,
    yTicks.map((t) => t.label),
    legend,
  );
  const x = linear(xd.domain, [box.left, box.right]);
  const y = linear(yd.domain, [box.bottom, box.top]);
  const body: string[] = [];
  spec.series.forEach((s, i) => {
    const { color, mark } = style(i);
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    if (spec.kind === 'sweep' && pts.length > 1)
      body.push(
        el('polyline', {
          points: pts.map((p) => `${x(p.x).toFixed(2)},${y(p.y).toFixed(2)}`).join(' '),
          fill: 'none',
          stroke: color,
          'stroke-width': 1.5,
          class: 'mean-line',
        }),
      );
    for (const p of pts) {
      if (p.lo !== undefined && p.hi !== undefined)
        body.push(
          el('line', {
            x1: x(p.x),
            x2: x(p.x),
            y1: y(p.lo),
            y2: y(p.hi),
            stroke: color,
            'stroke-width': 1.5,
            class: 'interval',
          }),
        );
      body.push(
        el('g', { class: 'point' }, marker(mark, x(p.x), y(p.y), color, spec.kind === 'scatter' ? 2.5 : 3.5)),
      );
    }
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
    xTicks: xd.ticks.map((v) => ({ value: v, label: tickLabel(v, xStep) })),
    yTicks,
    xLabel: spec.xLabel,
    yLabel: spec.yLabel,
    legend,
    body: body.join(''),
  });
}
