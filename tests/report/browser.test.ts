// The HTML report in a real browser: Debian's headless Chromium driven by
// playwright-core. Every chart must render (a non-zero box, pixels that are
// not all white) on screen and in print, with no console errors and no
// request beyond the file itself. The screenshots stay in
// $TMPDIR/aci-sim-report-browser/ to look at.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { reportContent } from '../../src/report/content.js';
import type { TallyRow } from '../../src/report/council-tally.js';
import { writeReport } from '../../src/report/index.js';
import { loadGame } from '../../src/report/load-game.js';
import { renderPresentation } from '../../src/report/present.js';
import { barChart, histogram } from '../../src/report/svg/histogram.js';
import { fixtureCopy, ROOT, tempDirs } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
const SHOTS = join(tmpdir(), 'aci-sim-report-browser');
const tmp = tempDirs();

it('renders every chart of report.html in headless Chromium', { timeout: 120_000 }, async (ctx) => {
  if (!existsSync(CHROMIUM))
    ctx.skip(`no Chromium at ${CHROMIUM}: install it with apt-get install -y chromium`);
  const dir = await tmp();
  const out = join(dir, 'report');
  const r = await writeReport(await fixtureCopy('debrief.json', dir), out, { runs: 200, cwd: ROOT });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  await mkdir(SHOTS, { recursive: true });

  // launch() gives the browser a fresh temporary profile of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (q) => requests.push(q.url()));
    const url = pathToFileURL(r.value.html).href;
    await page.goto(url, { waitUntil: 'load' });
    await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });

    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBe(9);
    const blank = await browser.newPage(); // decodes screenshots on a canvas, away from the report's CSP
    for (let i = 0; i < 9; i++) {
      const chart = charts.nth(i);
      const id = (await chart.getAttribute('id')) ?? String(i);
      const box = await chart.boundingBox();
      expect(box, id).not.toBeNull();
      // Scaled to the page's width (its column is 952 px here), not drawn at its 720 px.
      expect(box!.width, id).toBeGreaterThan(900);
      expect(box!.height, id).toBeGreaterThan(150);
      const png = await chart.screenshot({ path: join(SHOTS, `${id}.png`) });
      const ink = await inkShare(blank, png.toString('base64'));
      expect(ink, `${id}: share of non-white pixels`).toBeGreaterThan(0.01);
    }

    // No label clips: every text's box, in the chart's own units, lies inside its viewBox.
    expect(await page.evaluate(CLIPPED)).toEqual([]);
    // Nor in the charts most at risk: a bar of 97% with its label, a game's mark at the right edge.
    const edge = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await edge.setContent(`<!doctype html><body>${EDGE_CHARTS.join('')}</body>`);
    expect(await edge.evaluate(CLIPPED)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    for (let i = 0; i < 9; i++) expect((await charts.nth(i).boundingBox())!.width).toBeGreaterThan(300);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
  } finally {
    await browser.close();
  }
});

const EDGE_CHARTS = [
  barChart({
    id: 'edge-bars',
    title: 'Outcomes of 1,000 computer-played games',
    desc: 'one outcome near 100%',
    bars: [
      { label: 'landing zone', count: 968, highlight: true },
      { label: 'stalemate', count: 32 },
    ],
    total: 1000,
    highlightLabel: "your game's outcome",
  }),
  barChart({
    id: 'edge-wrap',
    title: 'Outcomes of 1,000 computer-played games',
    desc: 'a label too long for one line',
    bars: [
      { label: 'landing zone', count: 500, highlight: true },
      { label: 'stalemate', count: 500 },
    ],
    total: 1000,
    highlightLabel: 'your game: a deal struck in round 7, terms q = 0.42 in the zone',
  }),
  histogram({
    id: 'edge-mark',
    title: 'Pain to the EU in computer-played games (EUR bn)',
    desc: 'the game at the right edge',
    values: Array.from({ length: 100 }, (_, i) => i / 10),
    xLabel: 'EUR bn',
    mark: { value: 9.9, label: 'your game: EUR 9.9 bn, more than in 99% of games' },
    emptyNote: 'no games',
  }),
];

/** Texts of the charts whose box leaves the viewBox (browser code, so a string). */
const CLIPPED = `(() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    const vb = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll('text')) {
      if (t.textContent.trim() === '') continue;
      const b = t.getBBox();
      const m = t.getCTM();
      const r = svg.getCTM().inverse().multiply(m);
      const xs = [b.x, b.x + b.width].flatMap((x) => [b.y, b.y + b.height].map((y) => r.a * x + r.c * y + r.e));
      const ys = [b.x, b.x + b.width].flatMap((x) => [b.y, b.y + b.height].map((y) => r.b * x + r.d * y + r.f));
      if (Math.min(...xs) < vb.x - 0.5 || Math.max(...xs) > vb.x + vb.width + 0.5 || Math.min(...ys) < vb.y - 0.5 || Math.max(...ys) > vb.y + vb.height + 0.5)
        out.push(svg.id + ': ' + t.textContent + ' [' + Math.round(Math.min(...xs)) + '..' + Math.round(Math.max(...xs)) + ' of ' + vb.width + ']');
    }
  }
  return out;
})()`;

it('shows present.html one screen at a time, moved by the keys, every chart whole', {
  timeout: 120_000,
}, async (ctx) => {
  if (!existsSync(CHROMIUM))
    ctx.skip(`no Chromium at ${CHROMIUM}: install it with apt-get install -y chromium`);
  const dir = await tmp();
  const r = await writeReport(await fixtureCopy('debrief.json', dir), join(dir, 'report'), {
    runs: 50,
    cwd: ROOT,
    present: true,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (q) => requests.push(q.url()));
    const url = pathToFileURL(r.value.present!).href;
    await page.goto(url, { waitUntil: 'load' });
    const sections = page.locator('section');
    const n = await sections.count();
    expect(n).toBe(12);
    for (let i = 0; i < n; i++) {
      const box = (await sections.nth(i).boundingBox())!;
      expect(box.height).toBe(720);
      // Nothing is cut off at the bottom of a screen.
      expect(
        await page.evaluate(`document.querySelectorAll('section')[${i}].scrollHeight`),
      ).toBeLessThanOrEqual(720);
    }
    // Every chart fits its screen whole, and no label clips.
    await mkdir(SHOTS, { recursive: true });
    const charts = page.locator('svg.chart');
    for (let i = 0; i < (await charts.count()); i++) {
      await charts.nth(i).scrollIntoViewIfNeeded();
      const box = (await charts.nth(i).boundingBox())!;
      const section = (await page.evaluate('scrollY')) as number;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(720);
      expect(box.height).toBeGreaterThan(300);
      expect(section % 720).toBe(0);
    }
    expect(await page.evaluate(CLIPPED)).toEqual([]);
    await page.evaluate('scrollTo(0, 0)');
    const at = async () => ((await page.evaluate('scrollY')) as number) / 720;
    await page.keyboard.press('ArrowRight');
    expect(await at()).toBe(1);
    await page.keyboard.press('Space');
    expect(await at()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'present-3.png') });
    expect(await page.locator('#nav').textContent()).toBe('3 / 12 · ← → or space');
    await page.keyboard.press('ArrowLeft');
    expect(await at()).toBe(1);
    await page.keyboard.press('End');
    expect(await at()).toBe(11);
    await page.keyboard.press('ArrowDown');
    expect(await at()).toBe(11);
    await page.keyboard.press('Home');
    expect(await at()).toBe(0);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);

    // The Council's screen holds all 27 member states and six votes.
    const game = await loadGame(await fixtureCopy('debrief.json', dir), { cwd: ROOT });
    if (!game.ok) throw new Error(JSON.stringify(game.error));
    const none = { landing_zone: 0, coercer_backs_down: 0, target_backs_down: 0, spiral: 0, stalemate: 0 };
    const dist = {
      runs: 1,
      policies: { target: 'hold', coercer: 'hold' },
      standIns: [],
      outcomes: { ...none, stalemate: 1 },
      dealRounds: [],
      pain: { target: [1], coercer: [1] },
      peakRung: [2],
    };
    const content = reportContent(game.value, dist);
    const rows = Array.from(
      { length: 27 },
      (_, i): TallyRow => ({
        state: `S${i}`,
        name: `Member state ${i}`,
        population: 3.7,
        ballots: ['for', 'abstain', 'against', 'for', 'for', 'for'],
        for: 4,
        abstain: 1,
        against: 1,
      }),
    );
    const votes = Array.from({ length: 6 }, (_, i) => ({
      round: i + 3,
      what: 'committee: Stop servicing DUV tools, level 1',
      passed: true,
    }));
    await page.setContent(renderPresentation({ ...content, council: { votes, rows } }, 'x'));
    expect(await page.evaluate(`document.getElementById('council').scrollHeight`)).toBeLessThanOrEqual(720);
  } finally {
    await browser.close();
  }
});

/** Share of pixels that are not (near) white in a PNG, decoded on a canvas (browser code, so a string). */
const INK_SHARE = `async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  let ink = 0;
  for (let p = 0; p < data.length; p += 4) if (data[p] < 235 || data[p + 1] < 235 || data[p + 2] < 235) ink++;
  return ink / (img.width * img.height);
}`;

const inkShare = (page: Page, base64: string): Promise<number> =>
  page.evaluate(`(${INK_SHARE})(${JSON.stringify(base64)})`) as Promise<number>;
