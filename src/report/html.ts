// The debrief as one self-contained HTML file: inline CSS and SVG, no
// scripts, no network (a Content-Security-Policy forbids both).
import type { Chart } from './charts.js';
import type { Item, ReportContent } from './content.js';
import { BALLOT_MARK } from './council-tally.js';
import { htmlPage } from './page.js';
import { esc } from './svg/xml.js';
import type { TimelineRow } from './timeline.js';

const items = (xs: readonly string[], none = '—'): string =>
  xs.length === 0
    ? `<span class="none">${none}</span>`
    : xs.length === 1
      ? esc(xs[0]!)
      : `<ul>${xs.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;

const figure = (c: Chart): string =>
  `<figure id="fig-${esc(c.file.replace(/\.svg$/, ''))}">${c.svg}<figcaption>${esc(c.caption)}</figcaption></figure>`;

const itemTable = (xs: readonly Item[]): string =>
  `<table class="figures"><tbody>${xs.map((i) => `<tr><th scope="row">${esc(i.label)}</th><td>${esc(i.value)}</td></tr>`).join('')}</tbody></table>`;

function timelineTable(c: ReportContent): string {
  const head = ['Round', 'Date', c.players.target, c.players.coercer, 'Injects and events', 'Notes'];
  const row = (r: TimelineRow) =>
    `<tr><td class="round">${r.round}</td><td>${esc(r.date)}</td><td>${items(r.orders.target)}</td><td>${items(r.orders.coercer)}</td><td>${items([...r.injects.map((i) => `Inject: ${i}`), ...r.events])}</td><td>${items(r.notes, '')}</td></tr>`;
  return `<table class="timeline"><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${c.timeline.map(row).join('')}</tbody></table>`;
}

function councilTable(c: ReportContent): string {
  const { votes, rows } = c.council;
  if (votes.length === 0) return '<p>No Council or committee vote was held in this game.</p>';
  const head = [
    '<th scope="col">Member state</th><th scope="col" class="num">Population</th>',
    ...votes.map(
      (v) =>
        `<th scope="col">Round ${v.round}: ${esc(v.what)} ${v.passed ? '(adopted)' : '(not adopted)'}</th>`,
    ),
    '<th scope="col" class="num">For</th><th scope="col" class="num">Abstain</th><th scope="col" class="num">Against</th>',
  ].join('');
  const row = (r: ReportContent['council']['rows'][number]) =>
    `<tr><th scope="row">${esc(r.name)} (${esc(r.state)})</th><td class="num">${r.population.toFixed(2)}%</td>${r.ballots.map((b) => `<td class="ballot ${b}">${BALLOT_MARK[b]} ${b}</td>`).join('')}<td class="num">${r.for}</td><td class="num">${r.abstain}</td><td class="num">${r.against}</td></tr>`;
  return `<table class="council"><thead><tr>${head}</tr></thead><tbody>${rows.map(row).join('')}</tbody></table>`;
}

function comparisonTable(c: ReportContent): string {
  const head = ['Measure', 'Your game', 'Median', 'Middle 80%', 'Percentile'];
  const rows = c.comparison.rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.measure)}</th><td class="num">${esc(r.game)}</td><td class="num">${esc(r.median)}</td><td class="num">${esc(r.range)}</td><td class="num">${esc(r.percentile)}</td></tr>`,
    )
    .join('');
  return `<table class="compare"><thead><tr>${head.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderHtml(c: ReportContent, source: string): string {
  const meta = c.meta.map((m) => `<dt>${esc(m.label)}</dt><dd>${esc(m.value)}</dd>`).join('');
  const warnings = c.warnings
    .map((w) => `<div class="warning" role="note"><strong>Warning:</strong> ${esc(w)}</div>`)
    .join('');
  return htmlPage({
    title: c.title,
    body: `<header><h1>${esc(c.title)}</h1><dl class="meta">${meta}</dl></header>
${warnings}
<section id="outcome"><h2>Outcome</h2><p class="lead">${esc(c.outcome)}</p>${itemTable(c.keyFigures)}</section>
<section id="rounds"><h2>Over the rounds</h2>${c.charts.map(figure).join('\n')}</section>
${c.council.rows.length > 0 ? `<section id="council"><h2>The Council, state by state</h2>${councilTable(c)}</section>` : ''}
<section id="timeline"><h2>Timeline</h2>${timelineTable(c)}</section>
<section id="comparison"><h2>Against computer-played games</h2><p>${esc(c.comparison.intro)}</p><ul>${c.comparison.sentences.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>${comparisonTable(c)}<p class="note">${esc(c.comparison.tableNote)}</p>${c.comparison.charts.map(figure).join('\n')}</section>
<section id="prompts"><h2>Discussion prompts</h2><ol class="prompts">${c.prompts.map((p) => `<li>${esc(p)}</li>`).join('')}</ol></section>
<footer>Written by <code>aci-sim report</code> from ${esc(source)}. Every number is rebuilt by replaying the journal on the scenario; percentiles count ties as half.</footer>`,
  });
}
