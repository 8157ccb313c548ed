import { all, create } from 'mathjs';
import { expect, it } from 'vitest';
import { RUNTIME } from '../../src/model/formula-runtime.js';

const ref = create(all!, { predictable: true });
const mathjsPow = (x: number, y: number): number => ref.pow(x, y) as number;

// pow remembers results by (x, y) in 256 slots: every call, first or repeated, with
// its slot taken by another pair or not, must give what mathjs gives for that call.
it('pow gives mathjs results whatever the memo holds: repeats, shared slots, ±0, NaN, ±Infinity', () => {
  const xs = [1, 1.05, 1.1, 1.3, 1.35, 2, 0.5, 0, -0, -8, -2, -0.5, Number.NaN, Infinity, -Infinity, 1e300];
  const ys = [-1.9, -0.07, 0.93, -0.32, 0.68, 0, -0, 1 / 3, 3, -3, Number.NaN, Infinity, -Infinity];
  // Many more pairs than slots, so slots are shared; each pass meets what the last one left.
  const pairs: [number, number][] = [];
  for (let i = 0; i < 2000; i++) pairs.push([1 + i / 997, -i / 1009]);
  for (const x of xs) for (const y of ys) pairs.push([x, y]);
  for (const order of [pairs, pairs.slice().reverse(), pairs]) {
    for (const [x, y] of order)
      expect(Object.is(RUNTIME.pow(x, y), mathjsPow(x, y)), `${x} ^ ${y}`).toBe(true);
  }
});
