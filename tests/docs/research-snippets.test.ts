// The pandas and R snippets of docs/RESEARCH.md §9 name real things: every
// column they read is a column of a real batch output, every manifest key
// chain is in its manifest, every Parquet metadata key in its file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetKeyValues } from '../../src/io/writers/parquet.js';
import { cli, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-snippets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OUT = join(dir, 'packages.parquet');

const doc = readFileSync(join(ROOT, 'docs/RESEARCH.md'), 'utf8');
const section = doc.slice(
  doc.indexOf('<!-- names checked: tests/docs/research-snippets.test.ts -->'),
  doc.indexOf('<!-- /names checked -->'),
);
const blocks = (lang: string) =>
  [...section.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((b) => b[1]!).join('\n');
const python = blocks('python');
const r = blocks('r');
const all = (text: string, re: RegExp) => [...text.matchAll(re)];
const quoted = (list: string) => [...list.matchAll(/"([^"]+)"/g)].map((q) => q[1]!);

/** Columns the snippets read (a column they assign first is theirs, not the file's). */
function columnsRead(): string[] {
  const frames = '(?:runs|ok)';
  const assigned = new Set(
    all(python, new RegExp(`${frames}\\["([^"]+)"\\]\\s*=[^=]`, 'g')).map((x) => x[1]!),
  );
  const names = [
    ...all(python, new RegExp(`\\b${frames}\\["([^"]+)"\\]`, 'g')).map((x) => x[1]!),
    ...all(python, new RegExp(`\\b${frames}\\[\\[([^\\]]+)\\]\\]`, 'g')).flatMap((x) => quoted(x[1]!)),
    ...all(
      python,
      new RegExp(`\\b${frames}\\.groupby\\(\\[([^\\]]+)\\]\\)(?:\\["([^"]+)"\\])?`, 'g'),
    ).flatMap((x) => [...quoted(x[1]!), ...(x[2] ? [x[2]] : [])]),
    ...all(python, /pivot_table\(index=\[([^\]]+)\], columns="(\w+)", values="(\w+)"\)/g).flatMap((x) => [
      ...quoted(x[1]!),
      x[2]!,
      x[3]!,
    ]),
    ...all(r, new RegExp(`\\b${frames}\\$(\\w+)`, 'g')).map((x) => x[1]!),
    ...all(r, /group_by\(([^)]+)\)/g).flatMap((x) => x[1]!.split(',').map((s) => s.trim())),
    ...all(r, /is\.na\((\w+)\)/g).map((x) => x[1]!),
  ];
  return [...new Set(names.filter((n) => !assigned.has(n)))];
}

/** Manifest key chains: m["a"]["b"], m.get("a", {}).get("b"), m$a$b. */
function manifestKeys(): string[][] {
  return [
    ...all(python, /\bm((?:\["[^"]+"\])+)/g).map((x) => quoted(x[1]!)),
    ...all(python, /\bm((?:\.get\("[^"]+"(?:, \{\})?\))+)/g).map((x) => quoted(x[1]!)),
    ...all(r, /\bm((?:\$\w+)+)/g).map((x) => x[1]!.split('$').slice(1)),
  ];
}

beforeAll(async () => {
  const b = await cli([
    'batch',
    'tests/fixtures/experiments/packages.yaml',
    '--quiet',
    '--workers',
    '1',
    '--out',
    OUT,
  ]);
  if (b.code !== 0) throw new Error(b.stderr);
});

describe('docs/RESEARCH.md §9 snippets', () => {
  it('read columns a batch output has', () => {
    const manifest = JSON.parse(readFileSync(`${OUT}.manifest.json`, 'utf8')) as {
      output: { columns: { name: string }[] };
    };
    const columns = manifest.output.columns.map((c) => c.name);
    const read = columnsRead();
    // The extraction sees the snippets' columns (so a change of the snippets cannot slip by it).
    expect(read).toEqual(
      expect.arrayContaining(['error', 'outcome', 'package', 'policy_eu', 'pain_eu', 'run_id', 'point']),
    );
    expect(read.filter((c) => !columns.includes(c))).toEqual([]);
  });

  it('read manifest keys and Parquet metadata a batch output has', async () => {
    const manifest = JSON.parse(readFileSync(`${OUT}.manifest.json`, 'utf8')) as unknown;
    const chains = manifestKeys();
    expect(chains.map((c) => c.join('.'))).toEqual(
      expect.arrayContaining([
        'plan.parameters',
        'plan.hash',
        'counts.planned',
        'invocation.git',
        'distributions',
      ]),
    );
    const missing = chains.filter((chain) => {
      let v: unknown = manifest;
      for (const k of chain) {
        if (v === null || typeof v !== 'object' || !(k in v)) return true;
        v = (v as Record<string, unknown>)[k];
      }
      return false;
    });
    expect(missing).toEqual([]);
    const kv = await parquetKeyValues(OUT);
    const keys = all(python, /metadata\[b"([^"]+)"\]/g).map((x) => x[1]!);
    expect(keys).toEqual(['aci-sim.plan_hash']);
    for (const k of keys) expect(Object.keys(kv)).toContain(k);
  });
});
