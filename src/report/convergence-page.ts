// `sensitivity --html`: the convergence of a Sobol' analysis as one
// self-contained page: per lever setting, a chart of each metric's total
// indices (its top factors) against the base rows N, and one of the outcome
// shares; the terminal's tables below them. No scripts, no network.
import { htmlPage, PRE_CSS } from './page.js';
import { type LineSeries, lineChart } from './svg/line-chart.js';
import { esc } from './svg/xml.js';

/** What the page draws (batch/convergence.ts's report has this shape). */
export interface ConvergenceData {
  readonly steps: readonly number[];
  readonly blocks: readonly {
    readonly lever: number;
    readonly shares: readonly { readonly outcome: string; readonly values: readonly number[] }[];
    readonly metrics: readonly {
      readonly metric: string;
      readonly factors: readonly { readonly name: string; readonly ST: readonly number[] }[];
    }[];
  }[];
}

const PALETTE = ['#1f4e9c', '#b3261e', '#2e7d32', '#7b1fa2', '#00838f', '#8d6e00'];
const DASHES = [undefined, '7 4', '3 3', '10 3 2 3', '1 3', '12 4'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'circle', 'square'] as const;

const styled = (s: { name: string; values: readonly number[] }, i: number): LineSeries => ({
  name: s.name,
  values: s.values,
  color: PALETTE[i % PALETTE.length]!,
  ...(DASHES[i % DASHES.length] ? { dash: DASHES[i % DASHES.length]! } : {}),
  marker: MARKERS[i % MARKERS.length]!,
});

export function convergenceHtml(
  title: string,
  r: ConvergenceData,
  leverName: (lever: number) => string | null,
  table: string,
  top = 6,
): string {
  const body: string[] = [];
  let id = 0;
  const chart = (name: string, yLabel: string, series: { name: string; values: readonly number[] }[]) => {
    id++;
    const svg = lineChart({
      id: `chart-${id}`,
      title: name,
      desc: `${name}: ${yLabel} against the number of base rows N`,
      // N doubles from step to step: equal spacing (a log scale), each step labelled with its N.
      x: r.steps.map((_, i) => i + 1),
      xLabel: 'base rows N (each step doubles N)',
      xTickLabel: (x) => String(r.steps[x - 1] ?? ''),
      yLabel,
      yMin: 0,
      series: series.map(styled),
    });
    body.push(`<figure>${svg}<figcaption>${esc(name)}</figcaption></figure>`);
  };
  for (const b of r.blocks) {
    const lever = leverName(b.lever);
    if (lever) body.push(`<h2>${esc(lever)}</h2>`);
    for (const m of b.metrics)
      chart(
        `Total Sobol' indices of ${m.metric}, top ${Math.min(top, m.factors.length)} factors`,
        'ST',
        m.factors.slice(0, top).map((f) => ({ name: f.name, values: f.ST })),
      );
    if (b.shares.length > 0)
      chart(
        'Outcome shares over the A and B rows',
        'share of runs',
        b.shares.map((s) => ({ name: s.outcome, values: s.values })),
      );
  }
  return htmlPage({
    title,
    css: PRE_CSS,
    body: `<header><h1>${esc(title)}</h1></header>
${body.join('\n')}
<pre>${esc(table)}</pre>
<footer>Written by <code>aci-sim sensitivity --html</code>; the charts are drawn from the same numbers as the tables.</footer>`,
  });
}
