// explain as one self-contained HTML page: the text in <pre> blocks, each
// heading (a title over a rule of ─) as <h2>, each chart as an inline SVG
// drawn by the report's line chart. No scripts, no network.
import { htmlPage, PRE_CSS } from '../page.js';
import { lineChart } from '../svg/line-chart.js';
import { esc } from '../svg/xml.js';
import type { ChartData, Line } from './doc.js';

const PALETTE = ['#1f4e9c', '#b3261e', '#2e7d32', '#7b1fa2', '#00838f', '#8d6e00'];
const DASHES = [undefined, '7 4', '3 3', '10 3 2 3', '1 3', '12 4'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'circle', 'square'] as const;

function svgOf(c: ChartData, id: string): string {
  return lineChart({
    id,
    title: c.title,
    desc: `${c.title}: ${c.yLabel} against ${c.xLabel}`,
    x: c.x,
    xLabel: c.xLabel,
    yLabel: c.yLabel,
    xTickLabel: (x) => String(Math.round(x * 1000) / 1000),
    series: c.series.map((s, i) => ({
      name: s.name,
      values: s.values,
      color: PALETTE[i % PALETTE.length]!,
      ...(DASHES[i % DASHES.length] ? { dash: DASHES[i % DASHES.length]! } : {}),
      ...(c.x.length <= 12 ? { marker: MARKERS[i % MARKERS.length]! } : {}),
    })),
  });
}

/** Indices of heading lines (a title, possibly wrapped, over a rule) and of their rules. */
function headingsOf(lines: readonly Line[]): { title: Set<number>; rule: Set<number> } {
  const title = new Set<number>();
  const rule = new Set<number>();
  lines.forEach((l, j) => {
    if (typeof l !== 'string' || !/^─+$/.test(l)) return;
    rule.add(j);
    for (let k = j - 1; k >= 0 && typeof lines[k] === 'string' && lines[k] !== ''; k--) title.add(k);
  });
  return { title, rule };
}

/** The page for `aci-sim explain <id>`. */
export function explainHtml(id: string, lines: readonly Line[]): string {
  const { title, rule } = headingsOf(lines);
  const body: string[] = [];
  let pre: string[] = [];
  let heading: string[] = [];
  const flush = () => {
    while (pre.length > 0 && pre[pre.length - 1] === '') pre.pop();
    if (pre.some((l) => l !== '')) body.push(`<pre>${pre.map(esc).join('\n')}</pre>`);
    pre = [];
  };
  let charts = 0;
  lines.forEach((l, j) => {
    if (typeof l !== 'string') {
      flush();
      charts++;
      body.push(
        `<figure>${svgOf(l.chart, `chart-${charts}`)}<figcaption>${esc(l.chart.title)}</figcaption></figure>`,
      );
    } else if (title.has(j)) {
      flush();
      heading.push(l.trim());
    } else if (rule.has(j)) {
      body.push(`<h2>${esc(heading.join(' '))}</h2>`);
      heading = [];
    } else if (pre.length > 0 || l !== '') pre.push(l);
  });
  flush();
  const name = `aci-sim explain ${id}`;
  return htmlPage({
    title: name,
    css: PRE_CSS,
    body: `<header><h1>${esc(name)}</h1></header>
${body.join('\n')}
<footer>Written by <code>${esc(name)}</code>; the charts are drawn from the same numbers as the text.</footer>`,
  });
}
