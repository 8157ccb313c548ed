// What `aci-sim plot` draws, from a batch output's rows: for a swept input
// (few distinct values, each run several times) the mean of the metric at
// each value with a 95% interval; for a continuous input one point per run.
// Rows are taken as independent (design-aware intervals: `summarize`).
import { didYouMean } from '../io/did-you-mean.js';
import type { Cell, Column } from '../io/writers/columns.js';
import { wilson } from './stats/wilson.js';

export interface PlotRequest {
  readonly x: string;
  /** A numeric column, or `landing` (1 when the run ended in a landing zone). */
  readonly y: string;
  /** A column whose values split the rows into series (e.g. package). */
  readonly by?: string;
}

/** At most this many distinct x values make a sweep. */
export const SWEEP_MAX_LEVELS = 24;
/** A scatter draws at most this many points (every k-th row beyond). */
export const SCATTER_MAX_POINTS = 20_000;

const numeric = (c: Column | undefined) => c !== undefined && c.type !== 'string';

/** One message per flag naming a column the file does not have (did-you-mean) or of the wrong kind. */
export function plotProblems(
  columns: readonly Column[],
  req: PlotRequest,
): { flag: string; message: string }[] {
  const names = columns.map((c) => c.name);
  const find = (n: string) => columns.find((c) => c.name === n);
  const out: { flag: string; message: string }[] = [];
  const unknown = (flag: string, n: string, extra: string[] = []) =>
    out.push({
      flag,
      message: `no column "${n}" in the file${didYouMean(n, [...names, ...extra])}`,
    });
  if (!find(req.x)) unknown('--x', req.x);
  else if (!numeric(find(req.x)))
    out.push({
      flag: '--x',
      message: `"${req.x}" is a text column; --x needs a number (a swept or sampled input)`,
    });
  if (req.y === 'landing') {
    if (!find('outcome')) out.push({ flag: '--y', message: '"landing" needs the outcome column' });
  } else if (!find(req.y)) unknown('--y', req.y, ['landing']);
  else if (!numeric(find(req.y)))
    out.push({ flag: '--y', message: `"${req.y}" is a text column; --y needs a numeric metric, or landing` });
  if (req.by !== undefined && !find(req.by)) unknown('--by', req.by);
  return out;
}

export interface PlotSeries {
  readonly name: string;
  readonly points: readonly { x: number; y: number; lo?: number; hi?: number; n?: number }[];
}

export interface PlotResult {
  readonly kind: 'sweep' | 'scatter';
  readonly series: readonly PlotSeries[];
  /** Rows used; rows left out (failed, or a missing x or y); rows a scatter drew. */
  readonly rows: number;
  readonly skipped: number;
  readonly drawn: number;
}

/** Collects the rows, then makes the series. */
export class PlotData {
  private readonly xi: number;
  private readonly yi: number;
  private readonly bi: number;
  private readonly ei: number;
  private readonly groups = new Map<string, { x: number[]; y: number[] }>();
  private skippedRows = 0;
  private readonly landing: boolean;

  constructor(columns: readonly Column[], req: PlotRequest) {
    const at = (n: string) => columns.findIndex((c) => c.name === n);
    this.landing = req.y === 'landing';
    this.xi = at(req.x);
    this.yi = at(this.landing ? 'outcome' : req.y);
    this.bi = req.by === undefined ? -1 : at(req.by);
    this.ei = at('error');
  }

  add(row: readonly Cell[]): void {
    const x = row[this.xi];
    const raw = row[this.yi];
    const y = this.landing ? (raw === null ? null : raw === 'landing_zone' ? 1 : 0) : raw;
    if ((this.ei >= 0 && row[this.ei] !== null) || typeof x !== 'number' || typeof y !== 'number') {
      this.skippedRows++;
      return;
    }
    const key = this.bi < 0 ? '' : String(row[this.bi] ?? '');
    const g = this.groups.get(key) ?? { x: [], y: [] };
    this.groups.set(key, g);
    g.x.push(x);
    g.y.push(y);
  }

  result(): PlotResult {
    const groups = [...this.groups.entries()];
    const rows = groups.reduce((n, [, g]) => n + g.x.length, 0);
    const levels = new Set(groups.flatMap(([, g]) => g.x));
    const kind = levels.size <= SWEEP_MAX_LEVELS && rows > levels.size ? 'sweep' : 'scatter';
    const every = Math.max(1, Math.ceil(rows / SCATTER_MAX_POINTS));
    let drawn = 0;
    const series = groups.map(([name, g]) => {
      if (kind === 'scatter') {
        const points = [];
        for (let i = 0; i < g.x.length; i += every) points.push({ x: g.x[i]!, y: g.y[i]! });
        drawn += points.length;
        return { name, points };
      }
      const at = new Map<number, number[]>();
      g.x.forEach((x, i) => {
        const list = at.get(x) ?? [];
        list.push(g.y[i]!);
        at.set(x, list);
      });
      const points = [...at.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([x, ys]) => ({ x, ...this.mean(ys) }));
      drawn += points.length;
      return { name, points };
    });
    return { kind, series, rows, skipped: this.skippedRows, drawn };
  }

  /** Mean with a 95% interval: Wilson's for a share, else mean ± 1.96 standard errors. */
  private mean(ys: readonly number[]): { y: number; lo?: number; hi?: number; n: number } {
    const n = ys.length;
    const m = ys.reduce((a, b) => a + b, 0) / n;
    if (this.landing) {
      const w = wilson(ys.filter((v) => v === 1).length, n);
      return { y: m, lo: w.lo, hi: w.hi, n };
    }
    if (n < 2) return { y: m, n };
    const sd = Math.sqrt(ys.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1));
    const half = (1.959963985 * sd) / Math.sqrt(n);
    return { y: m, lo: m - half, hi: m + half, n };
  }
}
