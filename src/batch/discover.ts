// `discover`: the rows of a batch output as PRIM's inputs and outcome. The
// outcome of interest is a condition on a row (`--where`): comparisons of a
// column with a number or a quoted text, joined by `and`. Failed rows are
// left out, and so are rows with an input missing. The inputs are the
// batch's uncertain parameters (from the manifest) unless named.
import type { Cell, Column } from '../io/writers/columns.js';
import { type CartNode, type CartOptions, type CartResult, cart } from './cart.js';
import { type PrimOptions, type PrimResult, prim } from './prim.js';
import { fmt, textTable } from './text-table.js';

export type Condition = (row: readonly Cell[]) => boolean;

const CLAUSE =
  /^\s*([A-Za-z_][\w.:-]*)\s*(==|!=|<=|>=|<|>)\s*(?:'([^']*)'|"([^"]*)"|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?))\s*$/;

/** A `--where` condition over the columns; the error is one sentence. */
export function parseWhere(text: string, columns: readonly Column[]): Condition | string {
  const tests: Condition[] = [];
  for (const clause of text.split(/\s+and\s+/)) {
    const m = CLAUSE.exec(clause);
    if (!m)
      return `cannot read "${clause.trim()}": expected COLUMN OP VALUE (OP one of == != < <= > >=, a text value in quotes), clauses joined by "and"`;
    const [, name, op, q1, q2, number] = m;
    const at = columns.findIndex((c) => c.name === name);
    if (at < 0) return `no column "${name}" (columns: ${columns.map((c) => c.name).join(', ')})`;
    const text = q1 ?? q2;
    const value: string | number = text ?? Number(number);
    if (text !== undefined && op !== '==' && op !== '!=')
      return `"${clause.trim()}": text compares only with == or !=`;
    tests.push((row) => {
      const c = row[at];
      if (c === null || c === undefined) return false;
      switch (op) {
        case '==':
          return c === value;
        case '!=':
          return c !== value;
        case '<':
          return (c as number) < (value as number);
        case '<=':
          return (c as number) <= (value as number);
        case '>':
          return (c as number) > (value as number);
        default:
          return (c as number) >= (value as number);
      }
    });
  }
  return (row) => tests.every((t) => t(row));
}

/** Collects the inputs and the outcome from rows (failed rows, or rows missing an input, left out), then runs PRIM. */
export class DiscoverData {
  private x = new Float64Array(0);
  private y = new Uint8Array(0);
  private n = 0;
  private readonly at: number[];
  private readonly errorAt: number;
  skipped = 0;

  constructor(
    columns: readonly Column[],
    readonly inputs: readonly string[],
    private readonly where: Condition,
  ) {
    this.at = inputs.map((p) => columns.findIndex((c) => c.name === p));
    this.errorAt = columns.findIndex((c) => c.name === 'error');
  }

  add(row: readonly Cell[]): void {
    const k = this.at.length;
    if (
      (this.errorAt >= 0 && row[this.errorAt] !== null) ||
      this.at.some((i) => typeof row[i] !== 'number')
    ) {
      this.skipped++;
      return;
    }
    if (this.n === this.y.length) {
      const size = Math.max(1024, this.y.length * 2);
      const x = new Float64Array(size * k);
      x.set(this.x);
      const y = new Uint8Array(size);
      y.set(this.y);
      [this.x, this.y] = [x, y];
    }
    const base = this.n * k;
    for (let j = 0; j < k; j++) this.x[base + j] = row[this.at[j]!] as number;
    this.y[this.n++] = this.where(row) ? 1 : 0;
  }

  get rows(): number {
    return this.n;
  }

  run(o: PrimOptions): PrimResult {
    const k = this.at.length;
    return prim(this.x.subarray(0, this.n * k), k, this.y.subarray(0, this.n), o);
  }

  runCart(o: CartOptions): CartResult {
    const k = this.at.length;
    return cart(this.x.subarray(0, this.n * k), k, this.y.subarray(0, this.n), o);
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The peeling and pasting trajectory and the chosen box, as text. */
export function formatDiscovery(
  r: PrimResult,
  inputs: readonly string[],
  where: string,
  rows: number,
): string {
  const first = r.trajectory[0]!;
  const out = [
    `PRIM over ${inputs.length} inputs, ${rows} rows; of interest: ${where} (${Math.round(first.density * rows)} rows, ${pct(first.density)})`,
    '',
    'Trajectory (peeling, then pasting of the chosen box):',
    textTable(
      [
        ['step', 'phase', 'coverage', 'density', 'mass', 'restricted'],
        ...r.trajectory.map((s, i) => [
          `${i}${i === r.chosen ? ' ←' : ''}`,
          s.phase,
          s.coverage.toFixed(3),
          s.density.toFixed(3),
          s.mass.toFixed(3),
          String(s.restricted),
        ]),
      ],
      ['r', 'l', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Chosen box: coverage ${r.box.coverage.toFixed(3)}, density ${r.box.density.toFixed(3)}, mass ${r.box.mass.toFixed(3)}`,
  ];
  out.push(formatBox(r.box.box, r.ranges, inputs));
  return `${out.join('\n')}\n`;
}

/** The inputs a box restricts, with their limits and their range in the rows. */
function formatBox(
  box: readonly (readonly [number, number])[],
  ranges: readonly (readonly [number, number])[],
  inputs: readonly string[],
): string {
  const limits = box.flatMap((b, j) => {
    const [lo, hi] = ranges[j]!;
    return b[0] > lo || b[1] < hi ? [[inputs[j]!, fmt(b[0]), fmt(b[1]), `${fmt(lo)} … ${fmt(hi)}`]] : [];
  });
  return limits.length
    ? textTable([['input', 'from', 'to', 'range in the rows'], ...limits], ['l', 'r', 'r', 'l'])
    : 'The box restricts no input.';
}

/** The tree as indented rules (rows, coverage, density of each node) and the chosen leaf's box, as text. */
export function formatCart(
  r: CartResult,
  inputs: readonly string[],
  where: string,
  rows: number,
  o: { maxDepth: number; minLeaf: number },
): string {
  const table: string[][] = [['node', 'rows', 'coverage', 'density', '']];
  const walk = (node: CartNode, rule: string, depth: number) => {
    const mark = node.leaf === undefined ? '' : `leaf ${node.leaf}${node.leaf === r.chosen ? ' ←' : ''}`;
    table.push([
      '  '.repeat(depth) + rule,
      String(node.rows),
      node.coverage.toFixed(3),
      node.density.toFixed(3),
      mark,
    ]);
    if (!node.split || !node.left || !node.right) return;
    const name = inputs[node.split.input]!;
    const t = fmt(node.split.threshold);
    walk(node.left, `${name} <= ${t}`, depth + 1);
    walk(node.right, `${name} > ${t}`, depth + 1);
  };
  walk(r.tree, 'all rows', 0);
  const leaf = r.leaves[r.chosen]!;
  const minLeaf = o.minLeaf < 1 ? `${pct(o.minLeaf)} of the rows` : `${o.minLeaf} rows`;
  return `${[
    `CART over ${inputs.length} inputs, ${rows} rows; of interest: ${where} (${Math.round(r.tree.density * rows)} rows, ${pct(r.tree.density)})`,
    '',
    `Tree (depth at most ${o.maxDepth}, leaves of at least ${minLeaf}; x <= t goes first):`,
    textTable(table, ['l', 'r', 'r', 'r', 'l']),
    '',
    `Chosen box: leaf ${r.chosen}, coverage ${leaf.coverage.toFixed(3)}, density ${leaf.density.toFixed(3)}, mass ${leaf.mass.toFixed(3)}`,
    formatBox(leaf.box, r.ranges, inputs),
  ].join('\n')}\n`;
}
