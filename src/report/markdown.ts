// The debrief in Markdown: the same content, the charts as .svg files beside
// it (Markdown viewers often strip inline SVG).
import type { ReportContent } from './content.js';
import { BALLOT_MARK } from './council-tally.js';

/** Escapes Markdown's inline syntax in user text (notes, injects). */
export const md = (s: string): string =>
  s.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');

const cell = (xs: readonly string[], none = '—'): string => (xs.length === 0 ? none : xs.map(md).join(' · '));

export function renderMarkdown(c: ReportContent, source: string): string {
  const out: string[] = [`# ${md(c.title)}`, ''];
  for (const m of c.meta) out.push(`- **${md(m.label)}:** ${md(m.value)}`);
  out.push('');
  for (const w of c.warnings) out.push(`> **Warning:** ${md(w)}`, '');
  out.push('## Outcome', '', `**${md(c.outcome)}**`, '', '| | |', '|---|---|');
  for (const k of c.keyFigures) out.push(`| ${md(k.label)} | ${md(k.value)} |`);
  out.push('', '## Over the rounds', '');
  for (const ch of c.charts)
    out.push(`### ${md(ch.title)}`, '', `![${md(ch.title)}](${ch.file})`, '', `*${md(ch.caption)}*`, '');
  out.push(...councilSection(c));
  out.push('## Timeline', '');
  out.push(
    `| Round | Date | ${md(c.players.target)} | ${md(c.players.coercer)} | Injects and events | Notes |`,
  );
  out.push('|---:|---|---|---|---|---|');
  for (const r of c.timeline)
    out.push(
      `| ${r.round} | ${r.date} | ${cell(r.orders.target)} | ${cell(r.orders.coercer)} | ${cell([...r.injects.map((i) => `Inject: ${i}`), ...r.events])} | ${cell(r.notes, '')} |`,
    );
  out.push('', '## Against computer-played games', '', md(c.comparison.intro), '');
  for (const s of c.comparison.sentences) out.push(`- ${md(s)}`);
  out.push('', '| Measure | Your game | Median | Middle 80% | Percentile |', '|---|---:|---:|---:|---:|');
  for (const r of c.comparison.rows)
    out.push(`| ${md(r.measure)} | ${r.game} | ${r.median} | ${r.range} | ${r.percentile} |`);
  out.push('', `*${md(c.comparison.tableNote)}*`, '');
  for (const ch of c.comparison.charts)
    out.push(`### ${md(ch.title)}`, '', `![${md(ch.title)}](${ch.file})`, '', `*${md(ch.caption)}*`, '');
  out.push('## Discussion prompts', '');
  for (const [i, p] of c.prompts.entries()) out.push(`${i + 1}. ${md(p)}`);
  out.push(
    '',
    '---',
    '',
    `Written by \`aci-sim report\` from ${md(source)}. Every number is rebuilt by replaying the journal on the scenario; percentiles count ties as half.`,
    '',
  );
  return out.join('\n');
}

/** The Council's ballots by state; nothing when no side has a Council (two governments). */
function councilSection(c: ReportContent): string[] {
  const { votes, rows } = c.council;
  if (rows.length === 0) return [];
  const out = ['## The Council, state by state', ''];
  if (votes.length === 0) return [...out, 'No Council or committee vote was held in this game.', ''];
  const heads = votes.map(
    (v) => `Round ${v.round}: ${md(v.what)} ${v.passed ? '(adopted)' : '(not adopted)'}`,
  );
  out.push(`| Member state | Population | ${heads.join(' | ')} | For | Abstain | Against |`);
  out.push(`|---|---:|${votes.map(() => '---|').join('')}---:|---:|---:|`);
  for (const r of rows)
    out.push(
      `| ${md(r.name)} (${r.state}) | ${r.population.toFixed(2)}% | ${r.ballots.map((b) => `${BALLOT_MARK[b]} ${b}`).join(' | ')} | ${r.for} | ${r.abstain} | ${r.against} |`,
    );
  out.push('');
  return out;
}
