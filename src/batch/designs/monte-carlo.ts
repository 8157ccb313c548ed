// Plain Monte Carlo: N independent uniform points in [0,1)^k.
// Draws are consumed row by row, so the first N rows of a larger design with
// the same stream are this design: growing N keeps the earlier points.
// Cannot: guarantee coverage — use latinHypercube or saltelli for that.
import { checkCount, type UnitRandom } from './random.js';

export function monteCarlo(k: number, N: number, rng: UnitRandom): number[][] {
  checkCount('k', k);
  checkCount('N', N);
  const rows: number[][] = new Array(N);
  for (let i = 0; i < N; i++) {
    const row = new Array<number>(k);
    for (let j = 0; j < k; j++) row[j] = rng.next();
    rows[i] = row;
  }
  return rows;
}
