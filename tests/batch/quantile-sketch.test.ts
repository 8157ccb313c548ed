// The quantile sketch on typed arrays answers exactly as the sketch on
// JavaScript arrays it replaced (kept here as the reference), past several
// compactions, with ties, −0 and +0 mixed, and after a clone: batch summaries
// stay the same bytes.
import { describe, expect, it } from 'vitest';
import { QuantileSketch } from '../../src/batch/quantile-sketch.js';
import { sortedQuantile } from '../../src/batch/stats/quantiles.js';

const CAPACITY = 1 << 16;

/** The previous sketch, verbatim in behaviour: levels as number[], a stable sort by a − b. */
class ReferenceSketch {
  levels: number[][] = [[]];
  flip = 0;
  count = 0;

  add(x: number): void {
    if (!Number.isFinite(x)) return;
    this.count++;
    this.levels[0]!.push(x);
    for (let h = 0; this.levels[h]!.length >= CAPACITY; h++) {
      const full = this.levels[h]!.sort((a, b) => a - b);
      const up: number[] = [];
      for (let i = this.flip; i < full.length; i += 2) up.push(full[i]!);
      this.flip ^= 1;
      this.levels[h] = [];
      if (!this.levels[h + 1]) this.levels.push([]);
      this.levels[h + 1]!.push(...up);
    }
  }

  quantile(p: number): number {
    if (this.count === 0) return Number.NaN;
    if (this.levels.length === 1) return sortedQuantile(Float64Array.from(this.levels[0]!).sort(), p);
    const pairs = this.levels.flatMap((lv, h) => lv.map((v) => [v, 2 ** h] as const));
    pairs.sort((a, b) => a[0] - b[0]);
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let acc = 0;
    for (const [v, w] of pairs) {
      acc += w;
      if (acc >= p * total) return v;
    }
    return pairs[pairs.length - 1]![0];
  }
}

// 0.21–0.41 fall among the zeros of the first case, where −0 and +0 alternate.
const PS = [0, 0.05, 0.21, 0.24, 0.26, 0.28, 0.3, 0.33, 0.37, 0.41, 0.5, 0.75, 0.95, 1];
/** Quantiles with the sign of zero visible (toEqual would let −0 pass for +0 in a list). */
const answers = (s: { quantile(p: number): number }) =>
  PS.map((p) => String(Object.is(s.quantile(p), -0) ? '-0' : s.quantile(p)));

function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

describe('quantile sketch on typed arrays', () => {
  it('answers as the array sketch, past several compactions, with ties and signed zeros', () => {
    const next = lcg(7);
    const a = new QuantileSketch();
    const b = new ReferenceSketch();
    for (let i = 0; i < 5 * CAPACITY + 1234; i++) {
      const u = next();
      // Many ties, a share of zeros of both signs, the odd NaN and infinity (both skipped).
      const x =
        u < 0.1
          ? -0
          : u < 0.2
            ? 0
            : u < 0.21
              ? Number.NaN
              : u < 0.22
                ? -Infinity
                : Math.round(u * 500) / 7 - 30;
      a.add(x);
      b.add(x);
      if (i === 3 * CAPACITY + 17 || i === 100) expect(answers(a)).toEqual(answers(b));
    }
    expect(a.count).toBe(b.count);
    expect(answers(a)).toEqual(answers(b));
    expect(answers(a)).toContain('-0');
  });

  it('gives a clone that goes on as the original would', () => {
    const next = lcg(11);
    const a = new QuantileSketch();
    for (let i = 0; i < 2 * CAPACITY + 5; i++) a.add(next() < 0.3 ? 0 : next());
    const c = a.clone();
    const b = new ReferenceSketch();
    const replay = lcg(11);
    for (let i = 0; i < 2 * CAPACITY + 5; i++) b.add(replay() < 0.3 ? 0 : replay());
    for (let i = 0; i < CAPACITY; i++) {
      const x = next();
      a.add(x);
      c.add(x);
      b.add(x);
    }
    expect(answers(c)).toEqual(answers(b));
    expect(answers(a)).toEqual(answers(b));
  });
});
