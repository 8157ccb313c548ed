// The random source every design takes, plus the two draws built on it.
// Cannot: seed itself — the caller owns seeding (one stream per design).

/** Uniform numbers in [0, 1), e.g. `makeRng(key)` from src/rng/streams. */
export interface UnitRandom {
  next(): number;
}

/** Integer uniform in 0..n-1 (n ≥ 1). Biased by < n·2^-53, which is negligible. */
export function randomInt(rng: UnitRandom, n: number): number {
  const i = Math.floor(rng.next() * n);
  return i < n ? i : n - 1;
}

/** Fisher–Yates: a uniformly random permutation of 0..n-1, consuming n-1 draws. */
export function randomPermutation(rng: UnitRandom, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/** Throws unless n is an integer ≥ min; names the argument in the message. */
export function checkCount(name: string, n: number, min = 1): void {
  if (!Number.isSafeInteger(n) || n < min)
    throw new RangeError(`${name} must be an integer ≥ ${min} (got ${n})`);
}
