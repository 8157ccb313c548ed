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
    this.sorted = null;
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
    const sorted = this.sortedView();
    if (!sorted.weights) return sortedQuantile(sorted.values, p);
    const { values, weights } = sorted;
    const target = p * sorted.total;
    let acc = 0;
    for (let i = 0; i < values.length; i++) {
      acc += weights[i]!;
      if (acc >= target) return values[i]!;
    }
    return values[values.length - 1]!;
  }

  // The values sorted once for all the quantiles asked (until the next add), in typed arrays: pairs
  // of [value, weight] would take several times the memory of the sketch itself.
  private sorted: { values: Float64Array; weights: Float64Array | null; total: number } | null = null;

  private sortedView(): { values: Float64Array; weights: Float64Array | null; total: number } {
    if (this.sorted) return this.sorted;
    if (this.levels.length === 1) {
      this.sorted = { values: Float64Array.from(this.levels[0]!).sort(), weights: null, total: this.count };
      return this.sorted;
    }
    const n = this.levels.reduce((s, lv) => s + lv.length, 0);
    const raw = new Float64Array(n);
    const rawWeight = new Float64Array(n);
    let i = 0;
    this.levels.forEach((lv, h) => {
      for (const v of lv) {
        raw[i] = v;
        rawWeight[i++] = 2 ** h;
      }
    });
    // By value, ties in level order (as a stable sort of the [value, weight] pairs would leave them).
    const order = new Uint32Array(n);
    for (let j = 0; j < n; j++) order[j] = j;
    order.sort((a, b) => raw[a]! - raw[b]! || a - b);
    const values = new Float64Array(n);
    const weights = new Float64Array(n);
    let total = 0;
    for (let j = 0; j < n; j++) {
      values[j] = raw[order[j]!]!;
      weights[j] = rawWeight[order[j]!]!;
      total += rawWeight[j]!;
    }
    this.sorted = { values, weights, total };
    return this.sorted;
  }
}
