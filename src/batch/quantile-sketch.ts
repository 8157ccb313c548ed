// Quantiles in bounded memory. Up to CAPACITY values it keeps them all and
// answers exactly (R type 7, as stats/quantiles). Beyond that it compacts
// like a KLL sketch: a full level is sorted and every other value moves up a
// level with twice the weight (the kept half alternates, so no side is
// favoured), so memory stays ~ CAPACITY · log2(n / CAPACITY) values. Rank
// error is then about 1/CAPACITY per level — far below the Monte Carlo error.
import { sortedQuantile } from './stats/quantiles.js';

const CAPACITY = 1 << 16;

export class QuantileSketch {
  private readonly levels: number[][] = [[]];
  private flip = 0;
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

  /** An independent sketch in the same state (it answers as this one would after the same values). */
  clone(): QuantileSketch {
    const c = new QuantileSketch();
    c.levels.splice(0, c.levels.length, ...this.levels.map((lv) => lv.slice()));
    c.flip = this.flip;
    c.count = this.count;
    return c;
  }

  /** Quantile p in [0, 1]; NaN when empty. */
  quantile(p: number): number {
    if (this.count === 0) return Number.NaN;
    if (this.levels.length === 1) return sortedQuantile(Float64Array.from(this.levels[0]!).sort(), p);
    const pairs: [number, number][] = [];
    this.levels.forEach((lv, h) => {
      for (const v of lv) pairs.push([v, 2 ** h]);
    });
    pairs.sort((a, b) => a[0] - b[0]);
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    const target = p * total;
    let acc = 0;
    for (const [v, w] of pairs) {
      acc += w;
      if (acc >= target) return v;
    }
    return pairs[pairs.length - 1]![0];
  }
}
