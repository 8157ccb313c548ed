// The own Tyche-i gives seedrandom 3.0.5's `tychei` doubles bit for bit:
// checked against the package over 2,005 seeds × 2,000 draws before it was
// removed, and pinned here by values and a digest of 100,000 draws taken
// from seedrandom itself. Every golden result depends on these numbers.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tychei } from '../../src/rng/tychei.js';

describe('tychei', () => {
  it('gives the first doubles seedrandom gave', () => {
    expect(tychei('aci-sim').double()).toBe(0.6697343578560524);
    expect(tychei('').double()).toBe(0.26752330697203397);
  });

  it('gives the 100,000 doubles seedrandom gave, bit for bit', () => {
    const prng = tychei('aci-sim');
    const h = createHash('sha256');
    const buf = Buffer.alloc(8);
    for (let j = 0; j < 100_000; j++) {
      buf.writeDoubleLE(prng.double());
      h.update(buf);
    }
    expect(h.digest('hex')).toBe('ad2ba183bfda96eac4f21517077a9f4d9a317d95a21da16f5ace52d159f5d3f5');
  });
});
