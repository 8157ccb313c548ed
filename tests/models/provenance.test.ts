// Every calibrated number in models/ and scenarios/ says where it comes from:
// `{ value, source: "…" }` or `{ value, assumed: true, why: "…" }`. A plain
// number passes only in a structural field, listed below with the reason.
// Numbers inside formula text must be explained in the formula's `about`.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { listYamlFiles } from '../../src/io/files.js';
import { ROOT } from '../io/project.js';

type Seg = string | number;

/** Structural fields: counts, indices and definitions, not measurements of the world. */
const STRUCTURAL: { what: string; why: string; test: (path: Seg[], value: number, at: Ctx) => boolean }[] = [
  { what: '*.rung', why: 'an escalation rung is a label on the 0-6 ladder', test: (p) => last(p) === 'rung' },
  {
    what: 'measures.*.lead_rounds',
    why: 'rounds before a measure bites: a ladder definition in whole rounds',
    test: (p) => last(p) === 'lead_rounds',
  },
  {
    what: 'start.levels.*, events[].levels.*',
    why: 'level numbers are indices into a ladder',
    test: (p) => p.includes('levels') && !p.includes('intensity') && typeof p[p.length - 2] === 'string',
  },
  {
    what: 'rounds, round_months, events[].round, member_states year',
    why: 'the length and calendar of a run',
    test: (p) => ['rounds', 'round_months', 'round', 'year'].includes(String(last(p))),
  },
  {
    what: 'levels[].intensity of 0 or 1',
    why: '0 is a threat or probe with nothing stopped, 1 a full ban: the ends of the scale',
    test: (p, v) => last(p) === 'intensity' && (v === 0 || v === 1),
  },
  {
    what: 'levels[].tariff stated in the level name',
    why: 'a policy option defined by its rate ("25% tariff"), not a measured figure',
    test: (p, v, at) => last(p) === 'tariff' && (v === 0 || at.levelName.includes(`${Math.round(v * 100)}%`)),
  },
  {
    what: '*.dist.*, uncertain.*',
    why: 'the parameters of a distribution describe the uncertainty of a sourced number',
    test: (p) => p.includes('dist') || p[0] === 'uncertain',
  },
  {
    what: 'policies.*.params.*',
    why: 'settings of the computer players’ algorithms, not quantities of the world',
    test: (p) => p[0] === 'policies' && p[2] === 'params',
  },
];

interface Ctx {
  levelName: string;
}
interface Finding {
  file: string;
  line: number;
  col: number;
  path: string;
  value: number;
}

const last = (p: Seg[]) => p[p.length - 1];
const fmt = (p: Seg[]) =>
  p
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
    .join('')
    .slice(1);

/** Numbers written without a source or an assumption, outside the structural fields. */
async function unsourced(file: string): Promise<Finding[]> {
  const lc = new LineCounter();
  const doc = parseDocument(await readFile(file, 'utf8'), { lineCounter: lc });
  const out: Finding[] = [];
  const rel = relative(ROOT, file);
  const visit = (node: Node | null | undefined, path: Seg[], ctx: Ctx) => {
    if (isMap(node)) {
      const get = (k: string) => node.get(k, true);
      const name = get('name');
      const here = isScalar(name) && typeof name.value === 'string' ? { levelName: name.value } : ctx;
      const value = get('value');
      if (isScalar(value) && typeof value.value === 'number') {
        const src = get('source');
        const assumed = get('assumed');
        const sourced = isScalar(src) && typeof src.value === 'string' && src.value.trim() !== '';
        const isAssumed = isScalar(assumed) && assumed.value === true;
        if (sourced || isAssumed) {
          const dist = get('dist');
          if (dist) visit(dist, [...path, 'dist'], here);
          return;
        }
      }
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value as Node, [...path, key], here);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        visit(item as Node, [...path, i], ctx);
      });
    } else if (isScalar(node) && typeof node.value === 'number') {
      const v = node.value;
      if (STRUCTURAL.some((s) => s.test(path, v, ctx))) return;
      const [start] = node.range ?? [0];
      const pos = lc.linePos(start);
      out.push({ file: rel, line: pos.line, col: pos.col, path: fmt(path), value: v });
    }
  };
  visit(doc.contents as Node, [], { levelName: '' });
  return out;
}

/** Numeric literals of a formula other than 0, 1 and 2 must appear in its `about`, as written or as a percentage. */
async function unexplainedConstants(file: string): Promise<string[]> {
  const doc = parseDocument(await readFile(file, 'utf8')).toJS() as {
    formulas?: Record<string, { expr?: string; about?: string } | string>;
    dependencies?: Record<string, { formulas?: Record<string, string> }>;
  };
  const out: string[] = [];
  for (const [role, f] of Object.entries(doc.formulas ?? {})) {
    if (typeof f !== 'object' || !f.expr) continue;
    for (const lit of f.expr.match(/(?<![\w.])\d+(\.\d+)?(?![\w.])/g) ?? []) {
      const n = Number(lit);
      if (n === 0 || n === 1 || n === 2) continue;
      const about = f.about ?? '';
      if (!about.includes(lit) && !about.includes(`${Math.round(n * 100)}%`))
        out.push(`${relative(ROOT, file)}: formulas.${role}: constant ${lit} is not explained in about`);
    }
  }
  return out;
}

const files = async () =>
  [...(await listYamlFiles(join(ROOT, 'models'))), ...(await listYamlFiles(join(ROOT, 'scenarios')))].filter(
    (f) => !f.endsWith('.draft.yaml'),
  );

describe('every calibrated number is sourced or marked assumed', async () => {
  for (const file of await files())
    it(relative(ROOT, file), async () => {
      const found = await unsourced(file);
      const text = found.map((f) => `${f.file}:${f.line}:${f.col}: ${f.path} = ${f.value}`);
      expect(text, 'add `source:` or `assumed: true` with `why:`').toEqual([]);
      expect(await unexplainedConstants(file)).toEqual([]);
    });

  it('lists its structural exemptions', () => {
    expect(STRUCTURAL.map((s) => s.what)).toMatchInlineSnapshot(`
      [
        "*.rung",
        "measures.*.lead_rounds",
        "start.levels.*, events[].levels.*",
        "rounds, round_months, events[].round, member_states year",
        "levels[].intensity of 0 or 1",
        "levels[].tariff stated in the level name",
        "*.dist.*, uncertain.*",
        "policies.*.params.*",
      ]
    `);
  });

  it('catches a bare number', async () => {
    const { writeFile, mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'aci-sim-prov-'));
    const f = join(dir, 'bad.yaml');
    await writeFile(
      f,
      'kind: scenario\nparameters:\n  g7_alignment: 0.3\n  horizon: { value: 6, assumed: true, why: "x" }\nrounds: 12\n',
    );
    const found = await unsourced(f);
    await rm(dir, { recursive: true, force: true });
    expect(found.map((x) => `${x.line}:${x.col} ${x.path}`)).toEqual(['3:17 parameters.g7_alignment']);
  });
});
