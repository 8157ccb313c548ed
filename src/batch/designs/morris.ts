// Morris (1991) elementary-effects design: r trajectories of k + 1 points on
// a p-level grid {0, 1/(p-1), …, 1}, each step moving one factor by ±Δ with
// Δ = p / (2(p-1)). Per trajectory: a random base level for every factor
// (from the levels that leave room for +Δ), a random direction per factor
// and a random order of factors (the B* orientation of Morris 1991).
// Row t·(k+1) + s is point s of trajectory t; step s (1..k) goes from point
// s-1 to point s and changes factor `factor[t·k + s - 1]` by `sign·Δ`.
// Cannot: Campolongo (2007) optimised trajectories, groups, odd p.
import { checkCount, randomInt, randomPermutation, type UnitRandom } from './random.js';

export interface MorrisMeta {
  readonly k: number;
  readonly r: number;
  readonly p: number;
  readonly delta: number;
  readonly layout: 'morris-1991';
  /** Factor changed at each step, r·k entries, trajectory-major. */
  readonly factor: number[];
  /** +1 if that step increased the factor, -1 if it decreased it. */
  readonly sign: number[];
}

export interface MorrisDesign {
  /** r·(k+1) rows on the p-level grid in [0,1]^k. */
  readonly rows: number[][];
  readonly meta: MorrisMeta;
}

export function morris(k: number, r: number, p: number, rng: UnitRandom): MorrisDesign {
  checkCount('k', k);
  checkCount('r', r);
  checkCount('p', p, 2);
  if (p % 2 !== 0) throw new RangeError(`p must be even so that Δ = p/(2(p-1)) lands on the grid (got ${p})`);
  const step = 1 / (p - 1);
  const jump = p / 2; // Δ in grid steps
  const delta = jump * step;
  const rows: number[][] = [];
  const factor: number[] = [];
  const sign: number[] = [];
  for (let t = 0; t < r; t++) {
    // Level index of each factor; the lower end of its ±Δ move is in 0..p/2-1.
    const level = new Array<number>(k);
    const dir = new Array<number>(k);
    for (let i = 0; i < k; i++) {
      const low = randomInt(rng, p - jump);
      dir[i] = rng.next() < 0.5 ? -1 : 1;
      level[i] = dir[i] === 1 ? low : low + jump;
    }
    const order = randomPermutation(rng, k);
    rows.push(level.map((l) => l * step));
    for (const i of order) {
      level[i] = level[i]! + dir[i]! * jump;
      rows.push(level.map((l) => l * step));
      factor.push(i);
      sign.push(dir[i]!);
    }
  }
  return { rows, meta: { k, r, p, delta, layout: 'morris-1991', factor, sign } };
}
