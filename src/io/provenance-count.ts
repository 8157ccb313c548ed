// Counts the calibrated numbers of models/ and scenarios/: how many carry a
// `source:` and how many are `assumed: true`, by kind of number, and which of
// them a formula or the engine actually reads in the shipped models (a
// market's `criticality`, any `share`, a member state's exposure to a sector
// no EU-targeted flow uses without its own weights, … are carried but never
// read). `aci-sim sources` prints it; tests/models/sources.test.ts holds the
// share of read numbers to its floor.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { listYamlFiles } from './files.js';
import { learnersOf } from './provenance-learners.js';

type Seg = string | number;

export interface Counted {
  file: string;
  path: string;
  kind: string;
  sourced: boolean;
  read: boolean;
}

interface DepInfo {
  mechanism: string;
  targetEU: boolean;
  explicitExposure: boolean;
  sector: string;
}

const NOT_READ: Record<string, readonly string[]> = {
  supply: ['share', 'decay_per_month', 'recovery_per_month', 'elasticity', 'margin', 'exporter_incidence'],
  service: ['share', 'buffer_months', 'elasticity', 'margin', 'exporter_incidence'],
  market: [
    'share',
    'criticality',
    'buffer_months',
    'short_run_alternatives',
    'divertible',
    'decay_per_month',
    'recovery_per_month',
  ],
};

/** The kind of a calibrated number, from its path in the file. */
function kindOf(p: Seg[]): string {
  const [head] = p;
  const s = p.map(String);
  if (head === 'dependencies')
    return s[2] === 'exposure' ? 'dependency exposure weight' : `dependency ${s[2]}`;
  if (head === 'states') {
    if (s[2] === 'exposure') return 'member-state sector exposure';
    if (s[2] === 'levers') return 'member-state lever weight';
    return `member-state ${s[2]}`;
  }
  if (head === 'blocs') return `bloc ${s[2]}`;
  // A behaviour profile's numbers are the sides' that name it, written once.
  if (head === 'profiles') return `bloc ${s[2] === 'monthly_discount' ? 'discount' : s[2]}`;
  // A role's defaults are the numbers of the sides in that role that write none.
  if (head === 'roles') return `bloc ${s[2]}`;
  // A demand's shares of GDP are the stakes of the sides of every scenario naming it.
  if (head === 'demands') return 'bloc stakes';
  // Written once for every scenario naming a demand.
  if (head === 'timing') return 'scenario parameter';
  if (head === 'measures') {
    if (s.includes('pressure')) return 'measure pressure';
    return `measure level ${s[s.length - 1]}`;
  }
  if (head === 'parameters') return 'scenario parameter';
  if (head === 'procedure') return 'scenario ACI procedure';
  if (head === 'overrides') return 'scenario override';
  if (head === 'events') return 'scenario event';
  return s.join('.');
}

async function files(root: string): Promise<string[]> {
  return [
    ...(await listYamlFiles(join(root, 'models'))),
    ...(await listYamlFiles(join(root, 'scenarios'))),
  ].filter((f) => !f.endsWith('.draft.yaml'));
}

/** Every calibrated number of the shipped models and scenarios. */
export async function countProvenance(root: string): Promise<Counted[]> {
  const docs = await Promise.all(
    (await files(root)).map(async (f) => ({
      file: relative(root, f),
      doc: parseDocument(await readFile(f, 'utf8')),
    })),
  );
  // What the engine reads depends on the flows: collect them first.
  // Member states' weights are read for flows that harm a side deciding as a council.
  const councils = new Set<string>();
  for (const { doc } of docs) {
    const js = doc.toJS() as { kind?: string; blocs?: Record<string, { decides?: string }> };
    if (js.kind !== 'blocs') continue;
    for (const [id, b] of Object.entries(js.blocs ?? {})) if (b.decides === 'eu_council') councils.add(id);
  }
  const deps = new Map<string, DepInfo>();
  for (const { doc } of docs) {
    const js = doc.toJS() as { kind?: string; dependencies?: Record<string, Record<string, unknown>> };
    if (js.kind !== 'dependencies') continue;
    for (const [id, d] of Object.entries(js.dependencies ?? {})) {
      const mechanism = String(d.mechanism);
      const target = mechanism === 'market' ? d.supplier : d.dependent;
      deps.set(id, {
        mechanism,
        targetEU: councils.has(String(target)),
        explicitExposure: typeof d.exposure === 'object' && d.exposure !== null,
        sector: String(d.sector),
      });
    }
  }
  const sectorsRead = new Set(
    [...deps.values()].filter((d) => d.targetEU && !d.explicitExposure).map((d) => d.sector),
  );
  const learns = await learnersOf(root, docs);
  const isRead = (p: Seg[], file: string): boolean => {
    const s = p.map(String);
    if (s[0] === 'blocs' && s[2] === 'base_effort') return learns(file, s[1]!);
    if (s[0] === 'dependencies') {
      const d = deps.get(s[1]!);
      if (!d) return true;
      if (s[2] === 'exposure') return d.targetEU;
      return !(NOT_READ[d.mechanism] ?? []).includes(s[2]!);
    }
    if (s[0] === 'states' && s[2] === 'exposure') return sectorsRead.has(s[3]!);
    return true;
  };

  const out: Counted[] = [];
  for (const { file, doc } of docs) {
    const visit = (node: Node | null | undefined, path: Seg[]) => {
      if (isMap(node)) {
        const value = node.get('value', true);
        if (isScalar(value) && typeof value.value === 'number') {
          const src = node.get('source', true);
          const assumed = node.get('assumed', true);
          const sourced = isScalar(src) && typeof src.value === 'string' && src.value.trim() !== '';
          if (sourced || (isScalar(assumed) && assumed.value === true)) {
            out.push({
              file,
              path: path.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join(''),
              kind: kindOf(path),
              sourced,
              read: isRead(path, file),
            });
            return;
          }
        }
        for (const pair of node.items)
          visit(pair.value as Node, [
            ...path,
            isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
          ]);
      } else if (isSeq(node))
        node.items.forEach((item, i) => {
          visit(item as Node, [...path, i]);
        });
    };
    visit(doc.contents as Node, []);
  }
  return out;
}

export interface Tally {
  kind: string;
  sourced: number;
  assumed: number;
}

/** Sourced and assumed counts by kind, largest kinds first, and the total. */
export function tally(rows: readonly Counted[]): { byKind: Tally[]; total: Tally } {
  const m = new Map<string, Tally>();
  const total: Tally = { kind: 'total', sourced: 0, assumed: 0 };
  for (const r of rows) {
    const t = m.get(r.kind) ?? { kind: r.kind, sourced: 0, assumed: 0 };
    if (r.sourced) t.sourced++;
    else t.assumed++;
    m.set(r.kind, t);
    if (r.sourced) total.sourced++;
    else total.assumed++;
  }
  const byKind = [...m.values()].sort(
    (a, b) => b.sourced + b.assumed - (a.sourced + a.assumed) || a.kind.localeCompare(b.kind),
  );
  return { byKind, total };
}

const pct = (t: Tally) => `${((100 * t.sourced) / Math.max(1, t.sourced + t.assumed)).toFixed(1)}%`;

/** The Markdown tables of all numbers and of the numbers read. */
export function report(rows: readonly Counted[]): string {
  const lines: string[] = [];
  for (const [title, subset] of [
    ['all calibrated numbers', rows],
    ['numbers a formula or the engine reads', rows.filter((r) => r.read)],
  ] as const) {
    const { byKind, total } = tally(subset);
    lines.push(`## ${title}`, '', '| kind | sourced | assumed | sourced share |', '|---|---|---|---|');
    for (const t of [...byKind, total]) lines.push(`| ${t.kind} | ${t.sourced} | ${t.assumed} | ${pct(t)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Sourced and assumed counts of the numbers read, by file. */
export function byFile(rows: readonly Counted[]): Tally[] {
  return tally(rows.filter((r) => r.read).map((r) => ({ ...r, kind: r.file }))).byKind.sort((a, b) =>
    a.kind.localeCompare(b.kind),
  );
}
