// `aci-sim report --present`: present.html beside the report, one screen per
// section (the outcome, each chart alone, the Council, the prompts), its one
// inline script allowed by its hash and nothing fetched.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { fixtureCopy, tempDirs } from './helpers.js';

const tmp = tempDirs();

it('writes present.html with one chart per screen when asked, and only then', async () => {
  const dir = await tmp();
  const journal = await fixtureCopy('debrief.json', dir);
  const out = join(dir, 'slides');
  const r = await cli(['report', journal, '--out', out, '--runs', '50', '--present']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(
    `wrote ${join(out, 'report.html')}\nwrote ${join(out, 'report.md')} (with 9 charts as .svg beside it)\nwrote ${join(out, 'present.html')} (one chart per screen: → ← or space to move)\n`,
  );
  const html = await readFile(join(out, 'present.html'), 'utf8');
  const sections = [...html.matchAll(/<section[^>]*>(.*?)<\/section>/gs)].map((m) => m[1]!);
  // The outcome, 5 charts of the game, the Council, 4 charts of the comparison, the prompts.
  expect(sections).toHaveLength(12);
  expect(sections.map((s) => (s.match(/<svg /g) ?? []).length)).toEqual([0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0]);
  expect(sections[0]).toContain('<h1>Debrief: Debrief test');
  expect(sections[6]).toContain('<h2>The Council, state by state</h2>');
  expect(sections[11]).toContain('<h2>Discussion prompts</h2>');
  const script = html.match(/<script>(.*?)<\/script>/s)![1]!;
  const hash = createHash('sha256').update(script).digest('base64');
  expect(html).toContain(`script-src 'sha256-${hash}'`);
  expect(html).toContain("default-src 'none'");
  expect(html.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|src=/);

  const plain = join(dir, 'plain');
  const p = await cli(['report', journal, '--out', plain, '--runs', '50']);
  expect(p.code).toBe(0);
  expect(p.stdout).not.toContain('present.html');
});
