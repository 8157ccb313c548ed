// Tyche-i (Neves and Araujo, 2011), seeded from a string and drawn as
// doubles exactly as seedrandom 3.0.5's `tychei` does (lib/tychei.js), so
// that every stream, and every golden result, keeps its numbers; pinned
// against seedrandom's output by tests/engine/tychei.test.ts.

export interface Tychei {
  /** A double in (0, 1) with 53 random bits. */
  double(): number;
}

export function tychei(seed: string): Tychei {
  let a = 0;
  let b = 0;
  let c = 2654435769 | 0;
  let d = 1367130551;
  const next = (): number => {
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
    return a;
  };
  // Mix in the seed's UTF-16 code units, then discard 20 values.
  for (let k = 0; k < seed.length + 20; k++) {
    b ^= seed.charCodeAt(k) | 0;
    next();
  }
  return {
    double() {
      let result: number;
      do {
        const top = next() >>> 11;
        const bot = (next() >>> 0) / 0x100000000;
        result = (top + bot) / (1 << 21);
      } while (result === 0);
      return result;
    },
  };
}
