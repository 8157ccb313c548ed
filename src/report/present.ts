// The debrief for a projector (`report --present`): one screen per section —
// the outcome, each chart, the Council's tally, the prompts — in big type,
// moved through with the arrow keys, space, Page Up/Down, Home and End. One
// self-contained file: its only script is inline and allowed by its hash.

import { createHash } from 'node:crypto';
import type { Chart } from './charts.js';
import type { ReportContent } from './content.js';
import { BALLOT_MARK } from './council-tally.js';
import { htmlPage } from './page.js';
import { esc } from './svg/xml.js';

const SCRIPT = `(() => {
  const s = [...document.querySelectorAll('section')];
  const nav = document.getElementById('nav');
  const at = () => Math.round(scrollY / innerHeight);
  const show = (i) => { nav.textContent = (i + 1) + ' / ' + s.length + ' · ← → or space'; };
  const go = (n) => { const i = Math.max(0, Math.min(s.length - 1, n)); s[i].scrollIntoView(); show(i); };
  const keys = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ' ': 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
  addEventListener('keydown', (e) => {
    if (e.key in keys) go(at() + keys[e.key]);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(s.length - 1);
    else return;
    e.preventDefault();
  });
  addEventListener('scroll', () => show(at()));
  show(at());
})();`;

const SCRIPT_SHA256 = createHash('sha256').update(SCRIPT).digest('base64');

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { scroll-snap-type: y mandatory; }
body { margin: 0; font: 2.6vh/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #111; background: #fff; }
section { height: 100vh; padding: 3vh 4vw; scroll-snap-align: start; display: flex; flex-direction: column; justify-content: center; overflow: hidden; }
h1 { font-size: 5.5vh; margin: 0 0 2vh; }
h2 { font-size: 4.4vh; margin: 0 0 1.5vh; }
.lead { font-size: 3.6vh; font-weight: 600; margin: 0 0 2vh; }
ul, ol { margin: 0; padding-left: 1.4em; }
li { margin: .5vh 0; }
figure { margin: 0; flex: 1; min-height: 0; display: flex; flex-direction: column; justify-content: center; }
figure svg { display: block; width: 100%; height: auto; max-height: 80vh; }
figcaption { font-size: 2.4vh; margin-top: 1vh; }
table { border-collapse: collapse; font-size: 2vh; }
th, td { border: 1px solid #888; padding: .15vh .6vw; line-height: 1.35; text-align: left; white-space: nowrap; }
td.num { text-align: right; }
.note { font-size: 1.9vh; color: #444; margin-top: 2vh; }
.nav { position: fixed; right: 1.5vw; bottom: 1vh; font-size: 1.8vh; color: #444; background: #fff; padding: 0 .4em; }
@media print {
  html { scroll-snap-type: none; }
  section { height: auto; min-height: 0; break-after: page; page-break-after: always; }
  .nav { display: none; }
}
`;

const chartSection = (c: Chart): string =>
  `<section class="chart-screen"><figure>${c.svg}<figcaption>${esc(c.caption)}</figcaption></figure></section>`;

function councilSection(c: ReportContent): string {
  const { votes, rows } = c.council;
  if (votes.length === 0) return '';
  // The body that voted in the head (determination, committee, appeal committee); the measure is in the report.
  const head = votes
    .map((v) => `<th scope="col">Round ${v.round}<br>${esc(v.what.split(':')[0]!)}</th>`)
    .join('');
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.name)}</th><td class="num">${r.population.toFixed(1)}%</td>${r.ballots.map((b) => `<td>${BALLOT_MARK[b]} ${b}</td>`).join('')}</tr>`,
    )
    .join('');
  // Type small enough that all 27 rows and the head (two lines) fit in 80% of the screen.
  const size = Math.min(2, (80 / (rows.length + 2) - 0.35) / 1.35).toFixed(2);
  return `<section id="council"><h2>The Council, state by state</h2><table style="font-size: ${size}vh"><thead><tr><th scope="col">Member state</th><th scope="col">Population</th>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
}

export function renderPresentation(c: ReportContent, source: string): string {
  const figures = c.keyFigures.map((k) => `<li><strong>${esc(k.label)}:</strong> ${esc(k.value)}</li>`);
  const sections = [
    `<section id="outcome"><h1>${esc(c.title)}</h1><p class="lead">${esc(c.outcome)}</p><ul>${figures.join('')}</ul><p class="note">Written by <code>aci-sim report --present</code> from ${esc(source)} · ← → or space: next and previous screen</p></section>`,
    ...c.charts.map(chartSection),
    councilSection(c),
    ...c.comparison.charts.map(chartSection),
    `<section id="prompts"><h2>Discussion prompts</h2><ol>${c.prompts.map((p) => `<li>${esc(p)}</li>`).join('')}</ol></section>`,
  ].filter((x) => x !== '');
  return htmlPage({
    title: c.title,
    css: CSS,
    ownStyle: true,
    scriptSha256: SCRIPT_SHA256,
    body: `${sections.join('\n')}
<div id="nav" class="nav" aria-live="polite"></div>
<script>${SCRIPT}</script>`,
  });
}
