// Quantiles in bounded memory. Up to CAPACITY values it keeps them all and
// answers exactly (R type 7, as stats/quantiles). Beyond that it compacts
// like a KLL sketch: a full level is sorted and every other value moves up a
// level with twice the weight (the kept half alternates, so no side is
// favoured), so memory stays ~ CAPACITY · log2(n / CAPACITY) values. Rank
// error is then about 1/CAPACITY per level — far below the Monte Carlo error.
// Levels are typed arrays filled in place and reused after each compaction:
// growing JavaScript arrays of numbers left ~4 MB of large-object garbage per
// sketch every CAPACITY values, which only a full collection reclaims.
import { sortedQuantile } from './stats/quantiles.js';

const CAPACITY = 1 << 16;
/** A level's first buffer; it doubles up to CAPACITY and is then kept. */
const FIRST = 1 << 10;

/**
 * Sorts ascending in place, equal values in the order they came (as a stable
 * sort by `a - b` does): only −0 and +0 are equal yet distinguishable, and a
 * typed sort puts every −0 first, so their order is put back when both occur.
 */
function sortStable(xs: Float64Array, mayHoldNegativeZero: boolean): void {
  const zeros = mayHoldNegativeZero ? xs.filter((x) => x === 0) : null;
  xs.sort();
  if (!zeros?.some((z) => Object.is(z, -0))) return;
  let i = 0;
  while (xs[i] !== 0) i++;
  xs.set(zeros, i);
}

export class QuantileSketch {
  /** Level h holds `lengths[h]` values of weight 2^h at the start of `levels[h]`. */
  private readonly levels: Float64Array[] = [new Float64Array(FIRST)];
  private readonly lengths: number[] = [0];
  private flip = 0;
  /** Whether a −0 was ever added (sorting then keeps the zeros' order). */
  private negativeZero = false;
  count = 0;

  add(x: number): void {
    if (!Number.isFinite(x)) return;
    this.sorted = null;
    this.count++;
    if (x === 0 && Object.is(x, -0)) this.negativeZero = true;
    this.room(0, 1)[this.lengths[0]!++] = x;
    for (let h = 0; this.lengths[h]! >= CAPACITY; h++) {
      const full = this.levels[h]!.subarray(0, this.lengths[h]!);
      sortStable(full, this.negativeZero);
      if (this.levels.length === h + 1) {
        this.levels.push(new Float64Array(FIRST));
        this.lengths.push(0);
      }
      const up = this.room(h + 1, Math.ceil((full.length - this.flip) / 2));
      let n = this.lengths[h + 1]!;
      for (let i = this.flip; i < full.length; i += 2) up[n++] = full[i]!;
      this.lengths[h + 1] = n;
      this.flip ^= 1;
      this.lengths[h] = 0;
    }
  }

  /** Level h's buffer, grown (doubling, up to what is needed) to take `more` values. */
  private room(h: number, more: number): Float64Array {
    const buf = this.levels[h]!;
    const need = this.lengths[h]! + more;
    if (need <= buf.length) return buf;
    let size = buf.length;
    while (size < need) size *= 2;
    const bigger = new Float64Array(Math.max(need, Math.min(size, CAPACITY)));
    bigger.set(buf.subarray(0, this.lengths[h]!));
    this.levels[h] = bigger;
    return bigger;
  }

  /** An independent sketch in the same state (it answers as this one would after the same values). */
  clone(): QuantileSketch {
    const c = new QuantileSketch();
    c.levels.splice(0, c.levels.length, ...this.levels.map((lv) => lv.slice()));
    c.lengths.splice(0, c.lengths.length, ...this.lengths);
    c.flip = this.flip;
    c.negativeZero = this.negativeZero;
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
      this.sorted = {
        values: this.levels[0]!.slice(0, this.lengths[0]!).sort(),
        weights: null,
        total: this.count,
      };
      return this.sorted;
    }
    const n = this.lengths.reduce((s, len) => s + len, 0);
    const raw = new Float64Array(n);
    const rawWeight = new Float64Array(n);
    let i = 0;
    this.levels.forEach((lv, h) => {
      raw.set(lv.subarray(0, this.lengths[h]!), i);
      rawWeight.fill(2 ** h, i, i + this.lengths[h]!);
      i += this.lengths[h]!;
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
