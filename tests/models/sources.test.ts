// Every `source:` in models/ and scenarios/ names a document of the
// bibliography docs/SOURCES.md by its key in square brackets, every entry
// there is complete, no number points at a file that does not ship with the
// repository, and the share of sourced numbers the engine reads does not fall.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, type Node, parse, parseDocument } from 'yaml';
import { listYamlFiles } from '../../src/io/files.js';
import { countProvenance } from '../helpers/provenance-count.js';
import { ROOT } from '../io/project.js';

/** Fields every bibliography entry must give. */
const FIELDS = ['author', 'title', 'date', 'locator', 'address'] as const;

interface Entry {
  key: string;
  line: number;
  fields: Record<string, string>;
}

/** The entries of docs/SOURCES.md (`### \`key\`` then `- field: value` lines) and what is wrong with them. */
function parseBibliography(text: string): { entries: Map<string, Entry>; problems: string[] } {
  const entries = new Map<string, Entry>();
  const problems: string[] = [];
  let current: Entry | undefined;
  text.split('\n').forEach((raw, i) => {
    const heading = /^###\s+`([^`]+)`\s*$/.exec(raw);
    if (heading) {
      const key = heading[1]!;
      if (!/^[a-z0-9][a-z0-9-]*$/.test(key))
        problems.push(`line ${i + 1}: key "${key}" is not lower-case-with-hyphens`);
      if (entries.has(key)) problems.push(`line ${i + 1}: key "${key}" is listed twice`);
      current = { key, line: i + 1, fields: {} };
      entries.set(key, current);
      return;
    }
    if (/^#{1,2}\s/.test(raw)) {
      current = undefined;
      return;
    }
    const field = /^- ([a-z ]+):\s*(.*)$/.exec(raw);
    if (current && field) current.fields[field[1]!.trim()] = field[2]!.trim();
  });
  for (const e of entries.values()) {
    for (const f of FIELDS) if (!e.fields[f]) problems.push(`line ${e.line}: entry "${e.key}" has no ${f}`);
    const address = e.fields.address ?? '';
    if (address && !/^https?:\/\/\S+/.test(address))
      problems.push(`line ${e.line}: entry "${e.key}" has an address that is not a URL`);
  }
  return { entries, problems };
}

/** Keys cited in a text: `[key]` tokens. */
const citedKeys = (text: string): string[] =>
  [...text.matchAll(/\[([a-z0-9][a-z0-9-]*)\]/g)].map((m) => m[1]!);

/** Problems of one `source:` string against the known keys. */
function checkSource(source: string, keys: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (!/^\[[a-z0-9][a-z0-9-]*\]/.test(source.trim()))
    out.push(`does not start with a [key] of docs/SOURCES.md: "${source.slice(0, 60)}"`);
  for (const k of citedKeys(source))
    if (!keys.has(k)) out.push(`cites [${k}], which docs/SOURCES.md does not list`);
  return out;
}

/** References to material that does not ship with the repository (compiling notes, seed copies, line numbers). */
const NOT_SHIPPED: readonly [RegExp, string][] = [
  [/(?<!docs\/)calibration\.(md|json)/i, 'calibration.md (docs/CALIBRATION.md ships and may be named)'],
  [/trade-data\.(md|json)/i, 'trade-data'],
  [/etnc-findings|member-states-etnc/i, 'the ETNC digest files'],
  [/\bseeds?\s*0\d\d\b|\bseeds\//i, 'a seed file'],
  [/\bL\d{2,4}(?:-\d{2,4})?\b/, 'a line number of a seed file (Lnnn)'],
  [/\(l\.\s?\d+\)/, 'a line number of a seed file (l.nnn)'],
  [/§\s?[A-F](\.\d)?\b/, 'a section of calibration.md (§X.n)'],
];

function notShipped(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const hit = NOT_SHIPPED.find(([re]) => re.test(line));
    if (hit) out.push(`line ${i + 1}: refers to ${hit[1]}: ${line.trim().slice(0, 80)}`);
  });
  return out;
}

interface Cited {
  file: string;
  line: number;
  field: 'source' | 'why';
  text: string;
}

async function citations(file: string): Promise<Cited[]> {
  const lc = new LineCounter();
  const doc = parseDocument(await readFile(file, 'utf8'), { lineCounter: lc });
  const out: Cited[] = [];
  const rel = relative(ROOT, file);
  const visit = (node: Node | null | undefined) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : undefined;
        const v = pair.value as Node;
        if ((k === 'source' || k === 'why') && isScalar(v) && typeof v.value === 'string') {
          const [start] = v.range ?? [0];
          out.push({ file: rel, line: lc.linePos(start).line, field: k, text: v.value });
        } else visit(v);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item as Node);
  };
  visit(doc.contents as Node);
  return out;
}

const yamlFiles = async () =>
  [...(await listYamlFiles(join(ROOT, 'models'))), ...(await listYamlFiles(join(ROOT, 'scenarios')))].filter(
    (f) => !f.endsWith('.draft.yaml'),
  );

describe('docs/SOURCES.md', async () => {
  const { entries, problems } = parseBibliography(await readFile(join(ROOT, 'docs/SOURCES.md'), 'utf8'));

  it('every entry has author, title, date, locator and a URL address', () => {
    expect(entries.size).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('catches an entry missing a field and a malformed key', () => {
    const bad = parseBibliography(
      '### `ok-2024`\n- author: A\n- title: T\n- date: 2024\n- locator: p. 1\n- address: https://x.org\n\n' +
        '### `no-locator`\n- author: A\n- title: T\n- date: 2024\n- address: https://x.org\n\n### `Bad Key`\n',
    );
    expect(bad.entries.has('ok-2024')).toBe(true);
    expect(bad.problems.some((p) => p.includes('"no-locator" has no locator'))).toBe(true);
    expect(bad.problems.some((p) => p.includes('"Bad Key"'))).toBe(true);
  });

  it('catches a source whose key is not listed, or that names no key', () => {
    const keys = new Set(['ok-2024']);
    expect(checkSource('[ok-2024] Table 1', keys)).toEqual([]);
    expect(checkSource('[missing-2025] Table 1', keys)[0]).toContain('[missing-2025]');
    expect(checkSource('Eurostat, some table', keys)[0]).toContain('does not start with a [key]');
    expect(checkSource('[ok-2024] p. 3; [other-1999] p. 4', keys)).toHaveLength(1);
  });

  it('catches a reference to a file that does not ship', () => {
    expect(notShipped('why: "as calibration.md §D.1 says"')).toHaveLength(1);
    expect(notShipped('why: "SKF leads (seed 002 L3098)"')).toHaveLength(1);
    expect(notShipped('why: "[etnc-2026] Sweden chapter"')).toEqual([]);
    expect(notShipped('# see docs/CALIBRATION.md for the check')).toEqual([]);
  });

  for (const file of await yamlFiles()) {
    it(`${relative(ROOT, file)}: every source names a listed document; nothing points outside the repository`, async () => {
      const found: string[] = [];
      for (const c of await citations(file)) {
        const problems =
          c.field === 'source'
            ? checkSource(c.text, new Set(entries.keys()))
            : citedKeys(c.text)
                .filter((k) => !entries.has(k))
                .map((k) => `cites [${k}], which docs/SOURCES.md does not list`);
        for (const p of problems) found.push(`${c.file}:${c.line}: ${c.field}: ${p}`);
      }
      for (const p of notShipped(await readFile(file, 'utf8'))) found.push(`${relative(ROOT, file)}: ${p}`);
      expect(found).toEqual([]);
    });
  }
});

describe('how much of what the engine reads is sourced', async () => {
  const rows = await countProvenance(ROOT);
  // The EU–China models (scenarios/ and the model files they list) and the
  // history episodes' own model files are held to their own floors.
  const used = new Set<string>();
  for (const f of await readdir(join(ROOT, 'scenarios')))
    for (const m of (parse(await readFile(join(ROOT, 'scenarios', f), 'utf8')) as { models?: string[] })
      .models ?? [])
      used.add(m);
  const idOf = new Map<string, string>();
  for (const r of rows)
    if (!idOf.has(r.file))
      idOf.set(
        r.file,
        String((parse(await readFile(join(ROOT, r.file), 'utf8')) as { id?: unknown })?.id ?? ''),
      );
  // The demands' stakes and the roles' defaults sit in a file the scenarios list, but only
  // episodes name a demand, and the EU and China of the scenarios write their own efforts.
  const euChina = (r: (typeof rows)[number]) =>
    (r.file.startsWith('scenarios/') || used.has(idOf.get(r.file)!)) &&
    !r.path.startsWith('.demands.') &&
    !r.path.startsWith('.roles.');
  const shareOf = (keep: (r: (typeof rows)[number]) => boolean) => {
    const read = rows.filter((r) => r.read && keep(r));
    return read.filter((r) => r.sourced).length / read.length;
  };
  const main = shareOf(euChina);
  const episodes = shareOf((r) => !euChina(r));

  // Ratchets, not the goal: the goal is 60%. Raise a floor when a number
  // gains a source (see "Gaps" in docs/SOURCES.md); never lower it to pass.
  // Lowered once, from 0.46 to 0.45, on 4 December 2026: the count had
  // skipped the member states' sector weights (and flows' own weights) that
  // the engine reads for flows harming the EU, so 43 more assumed numbers
  // are now counted; nothing lost a source.
  // Raised on 4 December 2026 (0.45 and 0.63) when the searches of that day sourced 71 numbers.
  const FLOOR = 0.52;
  const EPISODES_FLOOR = 0.68;
  const all = shareOf(() => true);
  it('counts the member states’ weights that the engine reads: sectors of flows harming a council side', () => {
    const read = (sector: string) =>
      rows.filter((r) => r.kind === 'member-state sector exposure' && r.path.endsWith(`.${sector}`) && r.read)
        .length;
    // Magnets and chips harm the EU's car and electronics makers; no flow harming the EU is steel.
    expect([read('automotive'), read('electronics'), read('steel')]).toEqual([16, 16, 0]);
    expect(rows.some((r) => r.kind === 'dependency exposure weight' && r.read)).toBe(true);
  });
  it('counts a side’s base effort as read only where the side depends on a flow', () => {
    const effort = (file: string, side: string) =>
      rows.find((r) => r.file === file && r.path === `.blocs.${side}.base_effort`)?.read;
    // Japan restricts Korea's imports in 2019 and depends on no flow of that episode; in 2010 it learns
    // to do without China's rare earths.
    expect([
      effort('models/blocs-japan-korea-2019.yaml', 'JP'),
      effort('models/blocs-japan-2010.yaml', 'JP'),
    ]).toEqual([false, true]);
    // A role's default is read: some side of that role learns.
    expect(rows.filter((r) => r.path.startsWith('.roles.')).map((r) => [r.path, r.read])).toEqual([
      ['.roles.target.base_effort', true],
      ['.roles.coercer.base_effort', true],
    ]);
  });
  it(`EU–China models: at least ${100 * FLOOR}% of the numbers a formula or the engine reads are sourced (now ${(100 * main).toFixed(1)}%; goal 60%)`, () => {
    expect(main).toBeGreaterThanOrEqual(FLOOR);
  });
  it(`history episodes' models: at least ${100 * EPISODES_FLOOR}% sourced (now ${(100 * episodes).toFixed(1)}%)`, () => {
    expect(episodes).toBeGreaterThanOrEqual(EPISODES_FLOOR);
  });
  it(`all of them: at least 60%, the issue's goal (now ${(100 * all).toFixed(1)}%)`, () => {
    expect(all).toBeGreaterThanOrEqual(0.6);
  });
});
