// Latin hypercube (McKay 1979): in every column each of the N strata
// [i/N, (i+1)/N) holds exactly one point, at a random position; columns are
// paired by independent random permutations.
// Cannot: control correlation between columns (no maximin or Iman–Conover),
// nor be extended to a larger N keeping its points.
import { checkCount, randomPermutation, type UnitRandom } from './random.js';

export function latinHypercube(k: number, N: number, rng: UnitRandom): number[][] {
  checkCount('k', k);
  checkCount('N', N);
  const rows: number[][] = Array.from({ length: N }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) {
    const stratum = randomPermutation(rng, N);
    for (let i = 0; i < N; i++) {
      const s = stratum[i]!;
      let u = (s + rng.next()) / N;
      // s + r rounds up to s + 1 when r is within an ulp of 1: keep the stratum.
      if (Math.floor(u * N) !== s) u = (s + 0.5) / N;
      rows[i]![j] = u;
    }
  }
  return rows;
}
