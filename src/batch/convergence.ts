// Convergence of a Sobol' analysis against N: the indices recomputed on the
// first N/8, N/4, N/2 and N base rows (each a valid design of that size: the
// Sobol' sequence's prefixes are nets, a Monte Carlo base's are samples), and
// the outcome shares over the A and B rows of those base rows (random points
// of the input distributions, unlike the A_B rows).
import type { Cell, Column } from '../io/writers/columns.js';
import type { SaltelliMeta } from './designs/index.js';
import { saltelliFactors } from './designs/index.js';
import { parseRunId } from './run-id.js';
import type { Dims } from './sensitivity.js';
import { sobolIndices } from './stats/sobol-indices.js';
import { fmt, textTable } from './text-table.js';

/** N/8, N/4, N/2, N (whole base rows, at least 2, without repeats). */
export function convergenceSteps(N: number): number[] {
  return [...new Set([8, 4, 2, 1].map((d) => Math.floor(N / d)).filter((n) => n >= 2))];
}

/** Counts of each outcome per (lever, design point); a failed run counts as `error`. */
export class OutcomeByPoint {
  private readonly counts = new Map<string, Float64Array[]>();
  private readonly n: Uint32Array[];
  private readonly runIdAt: number;
  private readonly outcomeAt: number;
  private readonly errorAt: number;

  constructor(
    private readonly dims: Dims,
    columns: readonly Column[],
  ) {
    const at = (name: string) => columns.findIndex((c) => c.name === name);
    this.runIdAt = at('run_id');
    this.outcomeAt = at('outcome');
    this.errorAt = at('error');
    this.n = Array.from({ length: dims.levers }, () => new Uint32Array(dims.points));
  }

  /** Whether the rows record an outcome at all. */
  get recorded(): boolean {
    return this.outcomeAt >= 0;
  }

  add(row: readonly Cell[]): void {
    const id = parseRunId(String(row[this.runIdAt]));
    if (!id || id.lever >= this.dims.levers || id.point >= this.dims.points || this.outcomeAt < 0) return;
    const failed = this.errorAt >= 0 && row[this.errorAt] !== null;
    const outcome = failed ? 'error' : String(row[this.outcomeAt]);
    let c = this.counts.get(outcome);
    if (!c) {
      c = Array.from({ length: this.dims.levers }, () => new Float64Array(this.dims.points));
      this.counts.set(outcome, c);
    }
    c[id.lever]![id.point]! += 1;
    this.n[id.lever]![id.point]! += 1;
  }

  /** Share of each outcome (sorted by name) over the A and B rows of the first `base` base rows. */
  shares(meta: SaltelliMeta, lever: number, base: number): { outcome: string; share: number }[] {
    const size = saltelliFactors(meta) + 2;
    const n = this.n[lever]!;
    const out: { outcome: string; share: number }[] = [];
    for (const outcome of [...this.counts.keys()].sort()) {
      const c = this.counts.get(outcome)![lever]!;
      let sum = 0;
      let rows = 0;
      for (let j = 0; j < base; j++)
        for (const p of [j * size, j * size + size - 1])
          if (n[p] === this.dims.replications) {
            sum += c[p]! / n[p]!;
            rows++;
          }
      out.push({ outcome, share: rows > 0 ? sum / rows : Number.NaN });
    }
    return out;
  }
}

export interface FactorTrace {
  readonly name: string;
  /** Indices at each step, in step order. */
  readonly S1: number[];
  readonly ST: number[];
}

export interface ConvergenceBlock {
  readonly lever: number;
  readonly shares: { outcome: string; values: number[] }[];
  readonly metrics: { metric: string; factors: FactorTrace[] }[];
}

export interface ConvergenceReport {
  readonly steps: number[];
  readonly blocks: ConvergenceBlock[];
}

/** Indices and shares at each step, per lever setting; factors ranked by ST at the full N. */
export function convergence(
  meta: SaltelliMeta,
  factors: readonly string[],
  levers: number,
  metrics: readonly { metric: string; means: (lever: number) => Float64Array }[],
  outcomes: OutcomeByPoint | null,
): ConvergenceReport {
  const steps = convergenceSteps(meta.N);
  const noBootstrap = { bootstrap: 0, rng: { next: () => 0 } };
  const blocks: ConvergenceBlock[] = [];
  for (let l = 0; l < levers; l++) {
    const metricsOut = metrics.map(({ metric, means }) => {
      const y = means(l);
      const at = steps.map((n) => {
        try {
          return sobolIndices(meta, y, { ...noBootstrap, baseRows: n });
        } catch {
          return null; // fewer than 2 complete base rows so far
        }
      });
      const traces = factors.map((name, i) => ({
        name,
        S1: at.map((r) => r?.S1[i] ?? Number.NaN),
        ST: at.map((r) => r?.ST[i] ?? Number.NaN),
      }));
      const last = (t: FactorTrace) => (Number.isFinite(t.ST.at(-1)) ? t.ST.at(-1)! : -Infinity);
      traces.sort((a, b) => last(b) - last(a));
      return { metric, factors: traces };
    });
    const per = steps.map((n) => outcomes?.shares(meta, l, n) ?? []);
    const names = per.at(-1)?.map((s) => s.outcome) ?? [];
    const shares = names.map((outcome) => ({
      outcome,
      values: per.map((s) => s.find((x) => x.outcome === outcome)?.share ?? 0),
    }));
    blocks.push({ lever: l, shares, metrics: metricsOut });
  }
  return { steps, blocks };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

/** Terminal tables: ST of the top factors of each metric, then the outcome shares, against N. */
export function formatConvergence(
  r: ConvergenceReport,
  leverName: (lever: number) => string | null,
  top = 8,
): string {
  const head = r.steps.map((n) => `N=${n}`);
  const align = ['l' as const, ...r.steps.map(() => 'r' as const)];
  const out: string[] = [
    `Convergence: indices on the first ${r.steps.join(', ')} base rows (ST), outcome shares over their A and B rows`,
    '',
  ];
  for (const b of r.blocks) {
    const name = leverName(b.lever);
    if (name) out.push(`${name}:`);
    for (const m of b.metrics) {
      const rows = m.factors.slice(0, top).map((f) => [f.name, ...f.ST.map(f3)]);
      out.push(textTable([[`ST of ${m.metric}`, ...head], ...rows], align));
      if (m.factors.length > top) out.push(`(${m.factors.length - top} more factors)`);
      out.push('');
    }
    if (b.shares.length > 0) {
      const rows = b.shares.map((s) => [s.outcome, ...s.values.map((v) => fmt(v))]);
      out.push(textTable([['outcome share', ...head], ...rows], align), '');
    }
  }
  return out.join('\n');
}
