// `summarize --metric`: the distribution of chosen metric columns (an
// experiment's own metrics among them) per lever setting, never pooled across
// settings: runs with a value, mean and quantiles (a share for `landing`).
import type { Cell, Column } from '../io/writers/columns.js';
import { QuantileSketch } from './quantile-sketch.js';
import { metricReader } from './sensitivity.js';
import { fmt, textTable } from './text-table.js';

const PS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface MetricStats {
  readonly metric: string;
  /** Package and policies, as the row writes them. */
  readonly lever: string;
  readonly runs: number;
  readonly mean: number;
  readonly quantiles: number[];
}

interface Acc {
  readonly sketch: QuantileSketch;
  sum: number;
}

export class MetricTable {
  private readonly read: ((row: readonly Cell[]) => number)[];
  private readonly leverAt: number[];
  private readonly acc = new Map<string, Acc[]>();

  constructor(
    columns: readonly Column[],
    private readonly metrics: readonly string[],
  ) {
    this.read = metrics.map((m) => metricReader(columns, m));
    this.leverAt = columns.flatMap((c, i) =>
      c.name === 'package' || c.name.startsWith('policy_') ? [i] : [],
    );
  }

  add(row: readonly Cell[]): void {
    const lever = this.leverAt.map((i) => String(row[i] ?? '')).join(' · ');
    let a = this.acc.get(lever);
    if (!a) {
      a = this.metrics.map(() => ({ sketch: new QuantileSketch(), sum: 0 }));
      this.acc.set(lever, a);
    }
    this.read.forEach((f, j) => {
      const y = f(row);
      if (!Number.isFinite(y)) return;
      a[j]!.sketch.add(y);
      a[j]!.sum += y;
    });
  }

  result(): MetricStats[] {
    return this.metrics.flatMap((metric, j) =>
      [...this.acc].map(([lever, a]) => {
        const { sketch, sum } = a[j]!;
        const runs = sketch.count;
        return {
          ...{ metric, lever, runs, mean: runs > 0 ? sum / runs : Number.NaN },
          quantiles: PS.map((p) => (runs > 0 ? sketch.quantile(p) : Number.NaN)),
        };
      }),
    );
  }
}

export function formatMetricTable(stats: readonly MetricStats[]): string {
  const levers = new Set(stats.map((s) => s.lever)).size > 1;
  const head = [
    'metric',
    ...(levers ? ['lever setting'] : []),
    'runs',
    'mean',
    'p5',
    'p25',
    'median',
    'p75',
    'p95',
  ];
  const rows = stats.map((s) => [
    s.metric,
    ...(levers ? [s.lever] : []),
    String(s.runs),
    fmt(s.mean),
    ...s.quantiles.map(fmt),
  ]);
  const align = head.map((_, i) => (i < (levers ? 2 : 1) ? ('l' as const) : ('r' as const)));
  return `Metrics (runs with a value; landing: the share of runs that ended in a landing zone):\n${textTable([head, ...rows], align)}\n`;
}
