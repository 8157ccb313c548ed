// The per-state tally of the Council in the debrief: every member state's
// ballot in each vote the game held, and its counts, in HTML and Markdown.
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/report/compare.js';
import { reportContent } from '../../src/report/content.js';
import { councilTally } from '../../src/report/council-tally.js';
import { renderHtml } from '../../src/report/html.js';
import { loadGame } from '../../src/report/load-game.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { fixtureCopy, ROOT, tempDirs } from './helpers.js';

const tmp = tempDirs();

async function game(name: string) {
  const g = await loadGame(await fixtureCopy(name, await tmp()), { cwd: ROOT });
  if (!g.ok) throw new Error(JSON.stringify(g.error));
  return g.value;
}

const DIST: Distribution = {
  runs: 1,
  policies: { target: 'graduated', coercer: 'graduated' },
  standIns: [],
  outcomes: { landing_zone: 1, coercer_backs_down: 0, target_backs_down: 0, spiral: 0, stalemate: 0 },
  dealRounds: [5],
  pain: { target: [1], coercer: [1] },
  peakRung: [3],
};

describe('the Council tally', () => {
  it("lists each state's ballot in every vote of the game, largest population first, with its counts", async () => {
    const t = councilTally(await game('debrief.json'));
    expect(t.votes).toEqual([
      { round: 3, what: 'determination', passed: true },
      { round: 4, what: 'committee: Stop servicing DUV tools, level 1', passed: true },
    ]);
    expect(t.rows.map((r) => [r.state, r.ballots, r.for, r.abstain, r.against])).toEqual([
      ['DE', ['for', 'for'], 2, 0, 0],
      ['FR', ['for', 'for'], 2, 0, 0],
      ['ES', ['abstain', 'abstain'], 0, 2, 0],
      ['NL', ['for', 'for'], 2, 0, 0],
    ]);
  });

  it('is a section of the HTML and Markdown reports, and says so when no vote was held', async () => {
    const g = await game('debrief.json');
    const html = renderHtml(reportContent(g, DIST), 'debrief.json');
    expect(html).toContain(
      '<section id="council"><h2>The Council, state by state</h2><table class="council">',
    );
    expect(html).toContain(
      '<tr><th scope="row">Spain (ES)</th><td class="num">20.00%</td><td class="ballot abstain">○ abstain</td><td class="ballot abstain">○ abstain</td><td class="num">0</td><td class="num">2</td><td class="num">0</td></tr>',
    );
    // Before round 3 the game had held no vote.
    const early = councilTally({ ...g, rounds: g.rounds.slice(0, 2) });
    expect(early.votes).toEqual([]);
    const content = { ...reportContent(g, DIST), council: early };
    expect(renderHtml(content, 'x')).toContain('<p>No Council or committee vote was held in this game.</p>');
    expect(renderMarkdown(content, 'x')).toContain(
      '## The Council, state by state\n\nNo Council or committee vote was held in this game.\n',
    );
  });
});
