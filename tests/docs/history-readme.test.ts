// history/README.md's table of episodes: one row per file of history/, and
// each row's expected class and round band as the file's `expect:` says.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'history/README.md'), 'utf8');
const rows = new Map(
  [...readme.matchAll(/^\| `([a-z0-9-]+)` \|[^|]*\|[^|]*\| ([^|]*)\|/gm)].map((m) => [m[1]!, m[2]!]),
);
const files = readdirSync(join(ROOT, 'history'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe('history/README.md lists every episode as its file codes it', () => {
  it('one row per episode file, and no row without a file', () => {
    expect([...rows.keys()].sort()).toEqual([...files].sort());
  });
  it.each(files)('%s: class and round band', (id) => {
    const ex = (
      parse(readFileSync(join(ROOT, 'history', `${id}.yaml`), 'utf8')) as {
        expect: { outcome: string; rounds: [number, number] };
      }
    ).expect;
    const cell = rows.get(id) ?? '';
    const m = /^`([a-z_]+)`, rounds? (\d+)(?:-(\d+))?/.exec(cell.trim());
    expect(m && [m[1], Number(m[2]), Number(m[3] ?? m[2])]).toEqual([ex.outcome, ...ex.rounds]);
  });
});
