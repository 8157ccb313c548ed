// PRIM peels on sorted index lists (src/batch/prim.ts); it must give the
// trajectory, chosen step and box of the direct scan it replaced
// (tests/helpers/prim-reference.ts), ties and all.
import { describe, expect, it } from 'vitest';
import { argsort, prim } from '../../src/batch/prim.js';
import { primReference } from '../helpers/prim-reference.js';

function data(seed: number, n: number, k: number, levels: number | null, noise: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const x = new Float64Array(n * k);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const u = next();
      // With levels, many ties: the cuts must leave tied rows in, as the scan did.
      x[i * k + j] = levels === null ? u : Math.floor(u * levels) / levels;
    }
    const inside = x[i * k]! > 0.3 && (k < 2 || x[i * k + 1]! < 0.7);
    y[i] = (next() < noise ? !inside : inside) ? 1 : 0;
  }
  return { x, y };
}

describe('prim on sorted index lists', () => {
  const cases = [
    { seed: 1, n: 60, k: 1, levels: null, noise: 0 },
    { seed: 2, n: 300, k: 3, levels: null, noise: 0.1 },
    { seed: 3, n: 300, k: 3, levels: 5, noise: 0.1 },
    { seed: 4, n: 2000, k: 8, levels: null, noise: 0.2 },
    { seed: 5, n: 2000, k: 8, levels: 3, noise: 0.05 },
    { seed: 6, n: 1000, k: 5, levels: 20, noise: 0.3 },
    { seed: 7, n: 500, k: 2, levels: 2, noise: 0 },
  ];
  const options = [{}, { peelAlpha: 0.1, massMin: 0.02, threshold: 0.6 }, { peelAlpha: 0.2, step: 3 }];
  it.each(cases)('gives the scan’s trajectory and box (%o)', (c) => {
    const { x, y } = data(c.seed, c.n, c.k, c.levels, c.noise);
    for (const o of options) expect(prim(x, c.k, y, o)).toEqual(primReference(x, c.k, y, o));
  });

  it('argsort orders by value, ties in row order', () => {
    const c = Float64Array.from([0.5, 0.1, 0.5, -0, 0, 0.1, 3, -2]);
    expect([...argsort(c)]).toEqual([7, 3, 4, 1, 5, 0, 2, 6]);
    const { x } = data(9, 5000, 1, 50, 0);
    const idx = argsort(x);
    const want = Uint32Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
    expect(idx).toEqual(want);
  });
});
