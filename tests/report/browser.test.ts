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
import { writeReport } from '../../src/report/index.js';
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
      expect(box!.width, id).toBeGreaterThan(300);
      expect(box!.height, id).toBeGreaterThan(150);
      const png = await chart.screenshot({ path: join(SHOTS, `${id}.png`) });
      const ink = await inkShare(blank, png.toString('base64'));
      expect(ink, `${id}: share of non-white pixels`).toBeGreaterThan(0.01);
    }

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
