// The debrief's content on the fixture journal, pinned as Markdown: header,
// outcome, key figures, timeline, comparison sentences and discussion
// prompts. The comparison uses a fixed distribution, so the pin moves only
// when the replay of the journal does (not when computer players change).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refForJournal } from '../../src/io/journal-scenario-ref.js';
import type { Distribution } from '../../src/report/compare.js';
import { reportContent } from '../../src/report/content.js';
import { loadGame } from '../../src/report/load-game.js';
import { md, renderMarkdown } from '../../src/report/markdown.js';
import { gameSeries } from '../../src/report/series.js';
import { dateOf, describeInject, describeOrders } from '../../src/report/timeline.js';
import { fixtureCopy, ROOT, tempDirs } from './helpers.js';
import { playJournal, saveJournal } from './journal-fixture.js';

const tmp = tempDirs();

/** 1,000 imagined computer-played games: 60% deals around round 7. */
const DIST: Distribution = {
  runs: 1000,
  policies: { target: 'graduated', coercer: 'graduated' },
  standIns: [],
  outcomes: { landing_zone: 600, coercer_backs_down: 50, target_backs_down: 50, spiral: 0, stalemate: 300 },
  dealRounds: Array.from({ length: 600 }, (_, i) => 4 + (i % 7)),
  pain: {
    target: Array.from({ length: 1000 }, (_, i) => i / 100),
    coercer: Array.from({ length: 1000 }, (_, i) => i / 2000),
  },
  peakRung: Array.from({ length: 1000 }, (_, i) => 3 + (i % 3)),
};

async function game(name: string) {
  const g = await loadGame(await fixtureCopy(name, await tmp()), { cwd: ROOT });
  if (!g.ok) throw new Error(JSON.stringify(g.error));
  return g.value;
}

describe('the workshop game', async () => {
  const g = await game('debrief.json');
  const content = reportContent(g, DIST);
  const markdown = renderMarkdown(content, 'debrief.json');

  it('pins the Markdown', async () => {
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/debrief-md.snap');
  });

  it('has a timeline row for every round with both sides’ orders, injects and notes', () => {
    expect(content.timeline).toHaveLength(12);
    expect(content.timeline[1]).toMatchObject({
      round: 2,
      date: 'May 2025',
      orders: { target: ['proposes a deal at q = 0.10'] },
      injects: ['“Dutch cabinet wavers over ASML servicing losses” (NL support −1.20)'],
      notes: [
        'EU team: Test China with a low offer before the Council votes.',
        'Facilitator: Inject: test the Council before the determination vote.',
      ],
    });
  });

  it('asks 6 to 8 questions about what happened', () => {
    const p = content.prompts;
    expect(p.length).toBeGreaterThanOrEqual(6);
    expect(p.length).toBeLessThanOrEqual(8);
    expect(p[0]).toMatch(/^The Council's narrowest qualified majority came in round \d+/);
    expect(p.some((x) => /^Spain moved from \w+ to \w+ in round \d+/.test(x))).toBe(true);
    expect(
      p.some((x) => /^A landing zone existed from round 3 .* but the deal came only in round 5/.test(x)),
    ).toBe(true);
    expect(p.some((x) => /^By the end the EU had replaced [\d.]+% and China [\d.]+%/.test(x))).toBe(true);
    expect(p.some((x) => x.startsWith("The EU's offer of q = 0.10 in round 2 (May 2025) was refused"))).toBe(
      true,
    );
  });

  it('charts every round, with the deal marked and the zone not redrawn while the deal stands', () => {
    const s = gameSeries(g);
    expect(s.x).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.harm.target[0]).toBeNull();
    expect(s.zone.find((z) => z.deal !== null)).toMatchObject({ round: 5, deal: 0.5 });
    expect(s.zone.slice(5).every((z) => z.targetMax === null && z.holding === 0.5)).toBe(true);
    expect(s.cohesionFor.every((v) => v >= 0 && v <= 100)).toBe(true);
  });
});

describe('the unfinished game', () => {
  it('says the game stopped and lists only the rounds played', async () => {
    const content = reportContent(await game('unfinished.json'), DIST);
    expect(content.outcome).toMatch(
      /^The game was stopped after five rounds of 12, before any outcome, at escalation rung \d/,
    );
    expect(content.timeline.map((r) => r.round)).toEqual([1, 2, 3, 4, 5]);
    expect(content.comparison.sentences[0]).toBe(
      'Your game stopped after five rounds of 12 without an outcome; 60% of the 1,000 computer-played games reached a deal, at a median of round 7.',
    );
    expect(content.meta.find((m) => m.label === 'Players')?.value).toBe(
      'EU: computer, graduated; China: computer, hold',
    );
  });
});

describe('words for orders and injects', async () => {
  const { sc } = await game('debrief.json');
  it('names measures and levels, proposals, answers and effects', () => {
    expect(describeOrders(sc, undefined)).toEqual(['no change']);
    expect(
      describeOrders(sc, { set: { mini_duv_servicing: 2 }, propose: { q: 0.4, keep: ['mini_pork_probe'] } }),
    ).toEqual([
      'Stop servicing DUV tools → level 2 (no new contracts)',
      'proposes a deal at q = 0.40, keeping Pork probe',
    ]);
    expect(describeOrders(sc, { respond: 'accept', backDown: true })).toEqual([
      'accepts the offer',
      'backs down',
    ]);
    expect(
      describeInject(sc, {
        text: 'Shock',
        levels: { mini_pork_probe: 1 },
        support: { ES: 0.5 },
        set: { 'parameters.g7_alignment': 0.6 },
      }),
    ).toBe('“Shock” (Pork probe → level 1; ES support +0.50; parameters.g7_alignment = 0.6)');
  });

  it('escapes Markdown in what the teams wrote', () => {
    expect(md('a | b *c* <d> [e](f) #g\nh')).toBe('a \\| b \\*c\\* \\<d\\> \\[e\\](f) \\#g h');
  });
});

describe('where the journal’s scenario is', () => {
  it('finds a relative path from the journal’s folder, and falls back to the scenario id', async () => {
    const dir = await tmp();
    const yaml = (await readFile(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8')).replace(
      /^kind: scenario$/m,
      `kind: scenario\nmodel_dir: ${join(ROOT, 'models')}`,
    );
    await writeFile(join(dir, 'copy.yaml'), yaml);
    await mkdir(join(dir, 'games'));
    const j = await playJournal({
      ref: join(dir, 'copy.yaml'),
      seed: 's',
      players: { target: 'graduated', coercer: 'hold' },
      rounds: 2,
    });
    const journal = join(dir, 'games', 'g.json');
    await saveJournal(journal, { ...j, scenario: { ...j.scenario, ref: '../copy.yaml' } });
    const beside = await loadGame(journal, { cwd: ROOT });
    expect(beside.ok && beside.value.loaded.files[0]).toBe(join(dir, 'copy.yaml'));
    await saveJournal(journal, {
      ...j,
      scenario: { ...j.scenario, ref: 'old-checkout/scenarios/tutorial.yaml' },
    });
    const byId = await loadGame(journal, { cwd: ROOT, acceptChangedScenario: true });
    expect(byId.ok && byId.value.sc.id).toBe('tutorial');
  });
});

describe('a journal written by play', () => {
  it('stores a path relative to its own folder, so the game is reported from anywhere', async () => {
    const dir = await tmp();
    const journal = join(dir, 'games', 'japan.json');
    const ref = refForJournal('history/japan-2010.yaml', journal, ROOT);
    expect(ref).toBe(relative(join(dir, 'games'), join(ROOT, 'history/japan-2010.yaml')));
    expect(refForJournal('tutorial', journal, ROOT)).toBe('tutorial');
    await mkdir(join(dir, 'games'));
    const j = await playJournal({
      ref: 'history/japan-2010.yaml',
      seed: 's',
      players: { target: 'graduated', coercer: 'best_response' },
      rounds: 2,
    });
    await saveJournal(journal, { ...j, scenario: { ...j.scenario, ref } });
    // Reported from another folder than the one it was played in.
    const g = await loadGame(journal, { cwd: dir });
    expect(g.ok && g.value.sc.id).toBe('japan-2010');
  });
});

describe('a game between two governments', async () => {
  const dir = await tmp();
  const file = join(dir, 'japan.json');
  await saveJournal(
    file,
    await playJournal({
      ref: 'history/japan-2010.yaml',
      seed: '07c1c37860077b4c',
      players: { target: 'graduated', coercer: 'best_response' },
    }),
  );
  const g = await loadGame(file, { cwd: ROOT });
  if (!g.ok) throw new Error(JSON.stringify(g.error));
  const content = reportContent(g.value, DIST);
  const markdown = renderMarkdown(content, 'japan.json');

  it('asks whether the deal priced in the contest the sides expected', () => {
    const deal = g.value.rounds.find((r) => r.state.deal)!;
    const expected = deal.state.expected!;
    const p = expected.toFixed(2);
    expect(content.prompts).toContain(
      `When the deal was struck in round ${deal.round} (${dateOf(g.value.sc, deal.round)}), the model's expectation of the dispute fought out with every measure on both sides was that China would get ${p} of what was at stake; the deal, at q = ${deal.state.deal!.q.toFixed(2)}, gave ${deal.state.deal!.q > expected ? 'more than that to China' : 'less than that to China'}. Did your teams weigh the contest that way, or did each expect to win?`,
    );
  });

  it('has no Council figure, cohesion chart, Council section or Council prompt', () => {
    expect(content.keyFigures.map((k) => k.label)).not.toContain('Council');
    expect(content.charts.map((c) => c.file)).not.toContain('cohesion.svg');
    expect(markdown).not.toMatch(/Council|cohesion|member state/i);
    expect(markdown).toMatch(/Pain to Japan/);
  });
});
