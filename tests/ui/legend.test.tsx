// Every mark the screen draws is explained: the legend overlay (l, listed in
// the help) in the terminal emulator, the one line on q and the zone, and
// docs/GLOSSARY.md with a row for every entry of the legend.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEGEND } from '../../src/ui/legend.js';
import { emulate } from './emulator.js';
import { DEAL_SET, KEY, ROOT, session } from './helpers.js';

const marks = LEGEND.flatMap(([, entries]) => entries.map(([mark]) => mark));
const legendText = LEGEND.flatMap(([, entries]) => entries.map(([m, w]) => `${m} ${w}`)).join('\n');

/** Characters of plain punctuation, arrows and rules that need no legend. */
const PLAIN = new Set([...'·│─…—–→←↑↓≤≥“”’é']);

describe('the legend', () => {
  it('opens with l, lists every mark and meaning whole at 80×24, and closes with any key', async () => {
    const g = await emulate({ session: await session() }, 80, 24);
    await g.press('l');
    const screen = await g.screen();
    expect(screen).toEqual(g.intended());
    const text = screen.join('\n');
    expect(text).toContain('Legend · what the marks mean');
    for (const [, entries] of LEGEND)
      for (const [mark, meaning] of entries)
        expect(text).toContain(
          `${mark.padEnd(8)} ${meaning.replaceAll('{T}', 'EU').replaceAll('{C}', 'China')}`,
        );
    await g.press(KEY.esc);
    expect((await g.screen()).join('\n')).not.toContain('Legend');
    g.unmount();
  });

  it('is listed in the help', async () => {
    const g = await emulate({ session: await session() }, 80, 24);
    await g.press('?');
    const screen = await g.screen();
    expect(screen).toEqual(g.intended());
    expect(screen.join('\n')).toContain('l         legend: what each mark means');
    g.unmount();
  });

  it('explains every mark the screen draws through a game, hot-seat and against the computer', async () => {
    const seen = new Set<string>();
    const look = (rows: string[]) => {
      for (const ch of rows.join('')) if (ch.charCodeAt(0) > 127 && !PLAIN.has(ch)) seen.add(ch);
    };
    const vs = await emulate({ session: await session(undefined, DEAL_SET) }, 120, 40);
    look(await vs.screen());
    for (const keys of [
      [KEY.right, KEY.right],
      [KEY.enter],
      [KEY.enter, KEY.enter, KEY.enter],
      ['d'],
      [KEY.esc, 'f'],
      ['i'],
      [KEY.down, KEY.enter],
    ]) {
      await vs.press(...keys);
      look(await vs.screen());
    }
    vs.unmount();
    const hot = await emulate({ session: await session({ target: 'human', coercer: 'human' }) }, 100, 30);
    for (const keys of [[KEY.enter, KEY.right, 'd', KEY.enter, KEY.enter], [KEY.enter], ['r', KEY.enter]]) {
      await hot.press(...keys);
      look(await hot.screen());
    }
    hot.unmount();
    expect(seen.size).toBeGreaterThan(10);
    for (const ch of seen) expect(legendText, `"${ch}" is drawn but not in the legend`).toContain(ch);
  });

  it('says on the main screen what q and the landing zone are, in one line', async () => {
    for (const [c, r, line] of [
      [80, 24, 'q 0: China gets none, 1: EU all · █ deal'],
      [120, 40, 'q 0: China gets nothing, 1: EU yields all · █ both accept'],
    ] as const) {
      const g = await emulate({ session: await session() }, c, r);
      expect((await g.screen()).join('\n')).toContain(line);
      g.unmount();
    }
  });

  it('has a row in docs/GLOSSARY.md for every entry, and the README links it', () => {
    const glossary = readFileSync(join(ROOT, 'docs', 'GLOSSARY.md'), 'utf8');
    for (const m of marks) expect(glossary, m).toContain(`| \`${m}\` |`);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('[docs/GLOSSARY.md](docs/GLOSSARY.md)');
  });
});
