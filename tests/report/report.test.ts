// writeReport on fixture journals: the files it writes, the pinned Markdown
// (timeline, comparison and prompts), and every kind of bad input.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/index.js';
import { comparisonPolicies } from '../../src/report/compare.js';
import { writeReport } from '../../src/report/index.js';
import { assertFiniteGeometry, assertWellFormed, fixtureCopy, ROOT, tempDirs } from './helpers.js';

const tmp = tempDirs();
const RUNS = 200;
const report = (journal: string, out: string, force = false) =>
  writeReport(journal, out, { runs: RUNS, force, cwd: ROOT });
const codes = (r: Awaited<ReturnType<typeof report>>) => (r.ok ? [] : r.error.map((d) => d.code));

describe('a workshop game', async () => {
  const dir = await tmp();
  const journal = await fixtureCopy('debrief.json', dir);
  const out = join(dir, 'debrief-report');
  const r = await report(journal, out);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const md = await readFile(r.value.markdown, 'utf8');
  const html = await readFile(r.value.html, 'utf8');

  it('writes report.html, report.md and the charts, nothing else', async () => {
    expect(r.value.html).toBe(join(out, 'report.html'));
    expect((await readdir(out)).sort()).toEqual(
      [
        'cohesion.svg',
        'deal-round.svg',
        'landing-zone.svg',
        'outcomes.svg',
        'pain-cn.svg',
        'pain-cumulative.svg',
        'pain-eu.svg',
        'pain-per-round.svg',
        'report.html',
        'report.md',
        'rung.svg',
      ].sort(),
    );
    expect(r.value.warnings).toEqual([]);
  });

  it('compares with the computer-played games of the scenario', () => {
    expect(md).toContain('played 200 times by computer players — EU graduated, China graduated');
    expect(md).toMatch(
      /^- Your deal came .* the median of the 200 computer-played games \(round 5 against round \d+; [\d.]+% of them reached a deal\)\.$/m,
    );
    expect(md).toMatch(/^\| Round of the deal \| 5 \| /m);
  });

  it('links every chart from the Markdown as a file beside it', () => {
    const links = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(9);
    for (const l of links) expect(existsSync(join(out, l))).toBe(true);
  });

  it('writes well-formed standalone SVG files without NaN', async () => {
    for (const f of r.value.charts) {
      const svg = await readFile(f, 'utf8');
      expect(
        svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
      ).toBe(true);
      assertWellFormed(svg);
      assertFiniteGeometry(svg);
    }
  });

  it('makes one self-contained HTML file: inline SVG, print CSS, no scripts, no network', () => {
    expect(html.match(/<svg /g)).toHaveLength(9);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(html.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, '')).not.toMatch(/https?:\/\//);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4;');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length); // pattern ids stay unique across the inlined charts
  });

  it('shows the same content in HTML as in Markdown', () => {
    for (const s of [
      'Signal resolve early: a threat costs us nothing yet.',
      'Dutch cabinet wavers over ASML servicing losses',
      'Discussion prompts',
    ])
      expect(html).toContain(s);
    const prompts = md.split('## Discussion prompts')[1]!.match(/^\d+\. /gm)!;
    expect(prompts.length).toBeGreaterThanOrEqual(6);
    expect(prompts.length).toBeLessThanOrEqual(8);
    expect(html.match(/<ol class="prompts">(.*?)<\/ol>/s)![1]!.match(/<li>/g)).toHaveLength(prompts.length);
  });

  it('writes the same report again from the same journal', async () => {
    const again = await report(journal, join(dir, 'again'));
    expect(again.ok).toBe(true);
    expect(await readFile(join(dir, 'again', 'report.md'), 'utf8')).toBe(md);
  });
});

describe('an unfinished game', () => {
  it('says it stopped before an outcome and compares what there is', async () => {
    const dir = await tmp();
    const r = await report(await fixtureCopy('unfinished.json', dir), join(dir, 'out'));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const md = await readFile(r.value.markdown, 'utf8');
    expect(md).toContain('**The game was stopped after five rounds of 12, before any outcome');
    expect(md).toMatch(
      /- Your game stopped after five rounds of 12 without an outcome; \d+% of the 200 computer-played games reached a deal/,
    );
    expect(md).toContain('| 5 | Aug 2025 |');
    expect(md).not.toContain('| 6 | Sep 2025 |');
  });
});

describe('bad input: a clear diagnostic, nothing written', () => {
  const expectNothing = (out: string) => expect(existsSync(out)).toBe(false);

  it('a missing, corrupt or foreign journal', async () => {
    const dir = await tmp();
    const corrupt = join(dir, 'corrupt.json');
    const foreign = join(dir, 'foreign.json');
    await writeFile(corrupt, (await readFile(await fixtureCopy('debrief.json', dir), 'utf8')).slice(0, 300));
    await writeFile(foreign, JSON.stringify({ name: 'aci-sim', version: '0.1.0' }));
    const cases: [string, RegExp][] = [
      [join(dir, 'nope.json'), /no such journal file/],
      [corrupt, /not valid JSON \(corrupt or truncated\?\)/],
      [foreign, /not an aci-sim journal/],
    ];
    for (const [file, message] of cases) {
      const r = await report(file, join(dir, 'out'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error[0]!.message).toMatch(message);
      expectNothing(join(dir, 'out'));
    }
  });

  it('a journal with no rounds, or orders the scenario does not know', async () => {
    const dir = await tmp();
    const empty = await fixtureCopy('debrief.json', dir, (j) => {
      j.rounds = [];
    });
    expect(codes(await report(empty, join(dir, 'out')))).toEqual(['report/empty']);
    const bad = await fixtureCopy('debrief.json', dir, (j) => {
      j.rounds[1]!.orders.target = { set: { no_such_measure: 1 } };
    });
    const r = await report(bad, join(dir, 'out'));
    expect(codes(r)).toEqual(['report/replay']);
    if (!r.ok)
      expect(r.error[0]!.message).toBe(
        'round 2 cannot be replayed on the current scenario: EU orders: unknown measure "no_such_measure"',
      );
    expectNothing(join(dir, 'out'));
  });

  it('a changed scenario: refused unless forced, then reported with a warning', async () => {
    const dir = await tmp();
    const journal = await fixtureCopy('debrief.json', dir, (j) => {
      j.scenario.hash = 'deadbeef'.repeat(8);
    });
    const refused = await report(journal, join(dir, 'out'));
    expect(codes(refused)).toEqual(['report/scenario-changed']);
    if (!refused.ok) {
      expect(refused.error[0]!.message).toMatch(
        /^the scenario "debrief" has changed since this game was played \(journal hash deadbeefdead, now [0-9a-f]{12}\)/,
      );
      expect(refused.error[0]!.hint).toMatch(/add --force/);
    }
    expectNothing(join(dir, 'out'));
    const forced = await report(journal, join(dir, 'out'), true);
    expect(forced.ok && forced.value.warnings.map((w) => w.code)).toEqual(['report/scenario-changed']);
    expect(await readFile(join(dir, 'out', 'report.md'), 'utf8')).toMatch(
      /^> \*\*Warning:\*\* the scenario "debrief" has changed/m,
    );
    expect(await readFile(join(dir, 'out', 'report.html'), 'utf8')).toContain(
      '<div class="warning" role="note"><strong>Warning:</strong> the scenario',
    );
  });

  it('an existing output folder: refused without force; with force only the report files are replaced', async () => {
    const dir = await tmp();
    const journal = await fixtureCopy('debrief.json', dir);
    const out = join(dir, 'out');
    await mkdir(out);
    await writeFile(join(out, 'report.md'), 'keep me');
    await writeFile(join(out, 'mine.txt'), 'mine');
    const r = await report(journal, out);
    expect(codes(r)).toEqual(['report/out-exists']);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toBe('keep me');
    expect((await report(journal, out, true)).ok).toBe(true);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toMatch(/^# Debrief/);
    expect(await readFile(join(out, 'mine.txt'), 'utf8')).toBe('mine');
    expect((await readdir(out)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('an output path that is a file, and a bad number of runs', async () => {
    const dir = await tmp();
    const journal = await fixtureCopy('debrief.json', dir);
    await writeFile(join(dir, 'file'), 'x');
    expect(codes(await report(journal, join(dir, 'file'), true))).toEqual(['report/out-not-dir']);
    expect(codes(await writeReport(journal, join(dir, 'o'), { runs: 0 }))).toEqual(['report/runs']);
  });
});

describe('the computer players of the comparison', () => {
  const policies = {
    graduated: { id: 'graduated' },
    hold: { id: 'hold' },
    best_response: { id: 'best_response' },
  };
  const sc = (players: Record<string, string>) => ({ id: 's', policies, players }) as unknown as Scenario;

  it('are the scenario’s players; a human side is played by the journal’s policy, else graduated', () => {
    expect(
      comparisonPolicies(sc({ target: 'hold', coercer: 'best_response' }), {
        target: 'human',
        coercer: 'human',
      }),
    ).toMatchObject({
      policies: { target: { id: 'hold' }, coercer: { id: 'best_response' } },
      standIns: [],
    });
    expect(
      comparisonPolicies(sc({ target: 'human', coercer: 'human' }), { target: 'human', coercer: 'hold' }),
    ).toMatchObject({
      policies: { target: { id: 'graduated' }, coercer: { id: 'hold' } },
      standIns: ['target', 'coercer'],
    });
  });
});
