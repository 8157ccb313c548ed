// `explain --html`: the same explanation as one self-contained page, an SVG
// per chart, the text's headings, escaped text, and no overwrite without --force.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const env = { ACI_SIM_CACHE: join(tmpdir(), 'aci-sim-test-cache') };
const LT = 'tests/fixtures/scenarios/lt-title.yaml';

/** Headings of the text output: the lines over a rule of ─. */
function textHeadings(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((l, j) => {
    if (!/^─+$/.test(l)) return;
    const title: string[] = [];
    for (let k = j - 1; k >= 0 && lines[k] !== ''; k--) title.unshift(lines[k]!.trim());
    out.push(title.join(' '));
  });
  return out;
}

/** Every element we open is closed, in order (void elements and `<x/>` excepted). */
function unclosed(html: string): string[] {
  const body = html.replace(/<!doctype html>/i, '').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  const stack: string[] = [];
  const bad: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, close, tag, self] = m;
    if (self || ['meta', 'br', 'hr', 'img', 'link'].includes(tag!)) continue;
    if (!close) stack.push(tag!);
    else if (stack.pop() !== tag) bad.push(tag!);
  }
  return [...bad, ...stack];
}

async function page(args: string[]): Promise<{ html: string; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'explain-html-'));
  const out = join(dir, 'page.html');
  const r = await cli(['explain', ...args, '--html', '--out', out], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(`wrote ${out}\n`);
  const text = await cli(['explain', ...args], { env });
  return { html: readFileSync(out, 'utf8'), text: text.stdout };
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('explain --html', () => {
  it('a measure: an <svg> per chart and the text headings as <h2>', async () => {
    const { html, text } = await page(['ree_april_licensing']);
    // Two curves (harm, cost) and two charts over rounds.
    expect(count(html, /<svg\b/g)).toBe(4);
    expect(count(text, /^ {5,}\S+ ┼/gm)).toBeGreaterThanOrEqual(4);
    const heads = textHeadings(text);
    expect(heads).toContain('Ladder');
    expect(heads.length).toBeGreaterThan(3);
    for (const h of heads) expect(html).toContain(`<h2>${h.replace(/&/g, '&amp;')}</h2>`);
    expect(count(html, /<h2>/g)).toBe(heads.length);
    expect(unclosed(html)).toEqual([]);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('a member state: its support score charted', async () => {
    const { html, text } = await page(['DE']);
    expect(count(html, /<svg\b/g)).toBe(1);
    expect(text).toContain("  DE's support score (log-odds) each round\n");
    expect(html).toContain('<h1>aci-sim explain DE</h1>');
    expect(html).toContain('<pre>DE — Germany');
    expect(unclosed(html)).toEqual([]);
  });

  it('a parameter: the sweep charted, and text from files escaped', async () => {
    const { html, text } = await page(['parameters.solidarity', '--scenario', LT]);
    expect(count(html, /<svg\b/g)).toBe(1);
    // The sweep as a text chart: seven rows, the values under it, each line named at its end.
    expect(text).toMatch(
      /against parameters\.solidarity\n(.*[┤┼].*\n){7} +0\.2 +0\.3 +0\.4 +0\.5 +0\.6\n {2}parameters\.solidarity\n/,
    );
    expect(text).toMatch(/[─╯╰] +pain EU$/m);
    expect(text).toMatch(/[─╯╰] +pain CN$/m);
    expect(unclosed(html)).toEqual([]);
    expect(html).not.toContain('<script>');
  });

  it('escapes a < in a scenario title', async () => {
    const { html, text } = await page(['tutorial_duv_servicing', '--scenario', LT]);
    expect(text).toContain('Scenario lt-title: Tutorial <script>&</script> magnets');
    expect(html).toContain('Scenario lt-title: Tutorial &lt;script&gt;&amp;&lt;/script&gt; magnets');
    expect(html).not.toContain('<script>');
    expect(unclosed(html)).toEqual([]);
  });

  it('refuses to overwrite without --force; replaces with it; default name in the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explain-html-'));
    const out = join(dir, 'explain-DE.html');
    writeFileSync(out, 'mine');
    const r = await cli(['explain', 'DE', '--html'], { env, cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${out}: the file already exists; nothing was written\n  hint: add --force to replace it, or choose another file with --out\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('mine');
    const f = await cli(['explain', 'DE', '--html', '--force'], { env, cwd: dir });
    expect(f.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    expect(existsSync(join(dir, 'explain-DE.html'))).toBe(true);
  });
});
