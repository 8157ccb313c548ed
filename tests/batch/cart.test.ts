// Scenario discovery with CART: the tree finds a known box in synthetic rows,
// stops at pure nodes, breaks ties the same way every time, and `aci-sim
// discover --method cart` prints the tree and the chosen box.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cart } from '../../src/batch/cart.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-cart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows on [0,1]^3 from a fixed generator; of interest: exactly x1 > 0.6 and x2 < 0.3 (x3 is noise). */
function synthetic(n: number) {
  let s = 4242;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const x = new Float64Array(n * 3);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) x[i * 3 + j] = next();
    y[i] = x[i * 3]! > 0.6 && x[i * 3 + 1]! < 0.3 ? 1 : 0;
  }
  return { x, y };
}

describe('cart', () => {
  const { x, y } = synthetic(1000);
  const r = cart(x, 3, y);

  it('chooses the true box: x1 above 0.6 and x2 below 0.3, density 1, the noise input free', () => {
    const leaf = r.leaves[r.chosen]!;
    expect([leaf.density, leaf.coverage]).toEqual([1, 1]);
    const [x1, x2, x3] = leaf.box;
    // The limits are midpoints between neighbouring values of the rows in the
    // node split: x2 first, over all rows, then x1 among the rows with x2 below.
    const mid = (vs: number[], at: number) => {
      const below = Math.max(...vs.filter((v) => v <= at));
      const above = Math.min(...vs.filter((v) => v > at));
      return below + (above - below) / 2;
    };
    const rows = Array.from({ length: 1000 }, (_, i) => [x[i * 3]!, x[i * 3 + 1]!] as const);
    expect(r.tree.split?.input).toBe(1);
    expect(x2).toEqual([
      r.ranges[1]![0],
      mid(
        rows.map((v) => v[1]),
        0.3,
      ),
    ]);
    const low = rows.filter((v) => v[1] <= x2![1]).map((v) => v[0]);
    expect(x1).toEqual([mid(low, 0.6), r.ranges[0]![1]]);
    expect(Math.abs(x1![0] - 0.6)).toBeLessThan(0.02);
    expect(Math.abs(x2![1] - 0.3)).toBeLessThan(0.02);
    expect(x3).toEqual(r.ranges[2]);
    expect(leaf.rows).toBe(y.reduce((a, b) => a + b, 0));
  });

  it('stops at a pure node and at the depth limit', () => {
    // x2 above 0.3 holds no row of interest: a leaf, though depth and size allow more.
    const t = r.tree;
    expect(t.right).toMatchObject({ density: 0, coverage: 0, leaf: r.leaves.length - 1 });
    expect(t.right!.rows).toBeGreaterThan(600);
    expect(t.right!.split).toBeUndefined();
    const shallow = cart(x, 3, y, { maxDepth: 1 });
    expect(shallow.leaves).toHaveLength(2);
    expect(shallow.tree.left!.leaf).toBe(0);
    expect(shallow.tree.right!.leaf).toBe(1);
    // Every leaf is pure or too small to split into two of 50 rows.
    for (const l of r.leaves) expect(l.density === 0 || l.density === 1 || l.rows < 100).toBe(true);
  });

  it('breaks ties by input order, then the lower threshold; the same rows give the same tree', () => {
    // Two copies of one input: the split is on the first.
    const twin = new Float64Array([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
    const ends = new Uint8Array([0, 1, 1, 1, 1, 0]);
    const a = cart(twin, 2, ends, { minLeaf: 1, maxDepth: 1 });
    // 1.5 and 5.5 cut off one row of no interest each: the lower wins.
    expect(a.tree.split).toEqual({ input: 0, threshold: 1.5 });
    expect(cart(twin, 2, ends, { minLeaf: 1, maxDepth: 1 })).toEqual(a);
    expect(cart(x, 3, y)).toEqual(r);
    // minLeaf as a count: at least 2 rows a side leaves 2.5 and 4.5, again tied; with 4 no split.
    expect(cart(twin, 2, ends, { minLeaf: 2, maxDepth: 1 }).tree.split).toEqual({ input: 0, threshold: 2.5 });
    expect(cart(twin, 2, ends, { minLeaf: 4 }).tree.split).toBeUndefined();
  });

  it('without rows of interest is an error', () => {
    expect(() => cart(new Float64Array([1, 2]), 1, new Uint8Array([0, 0]))).toThrow(
      'no rows of interest: nothing to find a box for',
    );
  });
});

describe('aci-sim discover --method cart', () => {
  const file = join(dir, 'small.csv');
  const rows = [
    [0.1, 0.1, 'stalemate'],
    [0.2, 0.8, 'stalemate'],
    [0.3, 0.4, 'stalemate'],
    [0.4, 0.2, 'stalemate'],
    [0.5, 0.9, 'stalemate'],
    [0.7, 0.1, 'landing_zone'],
    [0.8, 0.2, 'landing_zone'],
    [0.9, 0.25, 'landing_zone'],
    [0.75, 0.5, 'stalemate'],
    [0.85, 0.7, 'stalemate'],
    [0.95, 0.6, 'stalemate'],
    [0.65, 0.15, 'landing_zone'],
  ];
  writeFileSync(
    file,
    ['run_id,x1,x2,outcome,error', ...rows.map((r, i) => `p${i}-l0-r0,${r.join(',')},`), ''].join('\n'),
  );
  const args = ['discover', file, '--where', "outcome == 'landing_zone'", '--inputs', 'x1,x2'];

  it('prints the tree as indented rules and the chosen box as PRIM does', async () => {
    const r = await cli([...args, '--method', 'cart', '--min-leaf', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(PINNED);
  });

  it('--json has the tree, the leaves as boxes and the chosen one', async () => {
    const r = await cli([...args, '--method', 'cart', '--min-leaf', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & {
      tree: { split: unknown; right: unknown };
      leaves: unknown[];
      chosen: { box: Record<string, number[]> };
    };
    expect(Object.keys(j)).toEqual([
      'method',
      'where',
      'rows',
      'skipped',
      'tree',
      'leaves',
      'chosen',
      'ranges',
    ]);
    expect(j.method).toBe('cart');
    expect(j.tree.split).toEqual({ input: 'x2', threshold: 0.325 });
    expect(j.tree.right).toEqual({ rows: 6, coverage: 0, density: 0, leaf: 2 });
    expect(Object.keys(j.leaves[0] as object)).toEqual(['box', 'rows', 'coverage', 'density']);
    expect(j.chosen).toEqual({
      leaf: 1,
      box: { x1: [0.525, 0.95], x2: [0.1, 0.325] },
      rows: 4,
      coverage: 1,
      density: 1,
      mass: 4 / 12,
    });
  });

  it('says what is wrong with the method and its options, one line each', async () => {
    const crat = await cli([...args, '--method', 'crat']);
    expect([crat.code, crat.stderr]).toEqual([
      2,
      '--method: expected prim or cart, got "crat" — did you mean "cart"?\n',
    ]);
    const peel = await cli([...args, '--method', 'cart', '--peel-alpha', '0.1', '--paste-alpha', '0.1']);
    expect([peel.code, peel.stderr]).toEqual([
      2,
      '--peel-alpha: only for --method prim\n--paste-alpha: only for --method prim\n',
    ]);
    const depth = await cli([...args, '--method', 'cart', '--max-depth', '0', '--min-leaf', '1.5']);
    expect([depth.code, depth.stderr]).toEqual([
      2,
      '--max-depth: expected a whole number ≥ 1, got "0"\n--min-leaf: expected a share of the rows above 0 and below 1, or a whole number of rows ≥ 1, got "1.5"\n',
    ]);
    const prim = await cli([...args, '--max-depth', '2']);
    expect([prim.code, prim.stderr]).toEqual([2, '--max-depth: only for --method cart\n']);
  });
});

const PINNED = `CART over 2 inputs, 12 rows; of interest: outcome == 'landing_zone' (4 rows, 33.3%)

Tree (depth at most 4, leaves of at least 2 rows; x <= t goes first):
node             rows  coverage  density
all rows           12     1.000    0.333
  x2 <= 0.325       6     1.000    0.667
    x1 <= 0.525     2     0.000    0.000  leaf 0
    x1 > 0.525      4     1.000    1.000  leaf 1 ←
  x2 > 0.325        6     0.000    0.000  leaf 2

Chosen box: leaf 1, coverage 1.000, density 1.000, mass 0.333
input   from     to  range in the rows
x1     0.525   0.95  0.1 … 0.95
x2       0.1  0.325  0.1 … 0.9
`;
