// Scenario discovery: PRIM finds a known box in synthetic rows, and
// `aci-sim discover` prints its trajectory and box from a file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prim } from '../../src/batch/prim.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-discover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows on [0,1]^4 from a fixed generator; of interest: a in [0.2, 0.6] and c ≥ 0.5, with `noise` of y flipped. */
function synthetic(n: number, noise = 0) {
  let s = 12345;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const x = new Float64Array(n * 4);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 4; j++) x[i * 4 + j] = next();
    const a = x[i * 4]!;
    const c = x[i * 4 + 2]!;
    const inBox = a >= 0.2 && a <= 0.6 && c >= 0.5;
    y[i] = (next() < noise ? !inBox : inBox) ? 1 : 0;
  }
  return { x, y };
}

describe('prim', () => {
  it('finds the true box: two inputs restricted to near their true limits', () => {
    const { x, y } = synthetic(4000);
    const r = prim(x, 4, y);
    const [a, b, c, d] = r.box.box;
    expect(a![0]).toBeGreaterThan(0.18);
    expect(a![0]).toBeLessThan(0.22);
    expect(a![1]).toBeGreaterThan(0.58);
    expect(a![1]).toBeLessThan(0.62);
    expect(c![0]).toBeGreaterThan(0.47);
    expect(c![0]).toBeLessThan(0.53);
    expect([b, d]).toEqual([r.ranges[1], r.ranges[3]]);
    expect(r.box.density).toBeGreaterThan(0.95);
    expect(r.box.coverage).toBeGreaterThan(0.95);
    expect(r.box.restricted).toBe(2);
    // Peeling raises density and lowers coverage step by step.
    const peel = r.trajectory.filter((s) => s.phase === 'peel');
    for (let i = 1; i < peel.length; i++)
      expect(peel[i]!.coverage).toBeLessThanOrEqual(peel[i - 1]!.coverage);
    expect(peel[0]).toMatchObject({ coverage: 1, mass: 1 });
    expect(peel[0]!.density).toBeCloseTo(0.2, 1);
  });

  it('with noisy outcomes still restricts the same two inputs', () => {
    const { x, y } = synthetic(4000, 0.05);
    const r = prim(x, 4, y, { threshold: 0.7 });
    expect(r.box.box.map((b, j) => b[0] > r.ranges[j]![0] || b[1] < r.ranges[j]![1])).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(r.box.density).toBeGreaterThan(0.75);
  });
});

describe('aci-sim discover', () => {
  const n = 2000;
  const { x, y } = synthetic(n);
  const file = join(dir, 'synthetic.csv');
  writeFileSync(
    file,
    [
      'run_id,a,b,c,d,outcome,error',
      ...Array.from({ length: n }, (_, i) =>
        [`p${i}-l0-r0`, ...x.subarray(i * 4, i * 4 + 4), y[i] ? 'landing_zone' : 'stalemate', ''].join(','),
      ),
      '',
    ].join('\n'),
  );

  it('prints the trajectory and the chosen box', async () => {
    const r = await cli(['discover', file, '--where', "outcome == 'landing_zone'", '--inputs', 'a,b,c,d']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^PRIM over 4 inputs, 2000 rows; of interest: outcome == 'landing_zone' \(\d+ rows, /,
    );
    expect(r.stdout).toContain('step  phase  coverage  density   mass  restricted');
    expect(r.stdout).toMatch(/\n\s+0 +peel +1\.000 +0\.\d{3} +1\.000 +0\n/);
    expect(r.stdout).toMatch(/Chosen box: coverage 0\.9\d\d, density 0\.9\d\d/);
    expect(r.stdout).toMatch(/\na +0\.\d+ +0\.\d+ +/);
    expect(r.stdout).toMatch(/\nc +0\.\d+ +0\.9\d+ +/);
    expect(r.stdout).not.toMatch(/\nb +0/);
    const j = await cli([
      'discover',
      file,
      '--where',
      "outcome == 'landing_zone'",
      '--inputs',
      'a,b,c,d',
      '--json',
    ]);
    const box = (JSON.parse(j.stdout) as { box: { box: Record<string, [number, number]> } }).box.box;
    expect(box.a![0]).toBeCloseTo(0.2, 1);
    expect(box.c![0]).toBeCloseTo(0.5, 1);
  });

  it('says what is wrong with a condition or inputs, one line each', async () => {
    const bad = await cli(['discover', file, '--where', 'outcome = landing', '--inputs', 'a']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      '--where: cannot read "outcome = landing": expected COLUMN OP VALUE (OP one of == != < <= > >=, a text value in quotes), clauses joined by "and"\n',
    ]);
    const none = await cli(['discover', file, '--where', "outcome == 'landing_zone'"]);
    expect(none.stderr).toBe(
      `${file}: no inputs to search over: the file has no manifest naming its uncertain parameters; name columns with --inputs\n`,
    );
    const empty = await cli(['discover', file, '--where', "outcome == 'spiral'", '--inputs', 'a']);
    expect(empty.stderr).toBe(
      `--where: no rows of interest: nothing to find a box for (no row of ${file} meets "outcome == 'spiral'")\n`,
    );
  });

  it('reads the inputs from the manifest of a batch', async () => {
    const out = join(dir, 'batch.csv');
    const b = await cli([
      'batch',
      'tests/fixtures/experiments/packages.yaml',
      '--quiet',
      '--workers',
      '1',
      '--out',
      out,
    ]);
    expect(b.code, b.stderr).toBe(0);
    const r = await cli([
      'discover',
      out,
      '--where',
      "outcome == 'landing_zone' and package == 'low_stakes'",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^PRIM over 2 inputs, 96 rows; of interest: /);
  });
});
