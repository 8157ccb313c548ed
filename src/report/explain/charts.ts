// Terminal charts (asciichart) sized to the terminal: a curve against
// intensity or tariff, and several series over rounds with a legend.
import asciichart from 'asciichart';

const LABEL = 9;
/** Columns the y labels and the axis take. */
const FRAME = LABEL + 3;

/** Labels with as many decimals as the step between rows needs, so that small values do not all read 0.00. */
export function yLabels(min: number, max: number, height: number): (x: number) => string {
  const step = (max - min) / Math.max(1, height);
  const big = Math.max(Math.abs(min), Math.abs(max));
  const least = big >= 100 ? 0 : big >= 10 ? 1 : 2;
  const digits = step > 0 && step < 0.01 ? Math.min(6, Math.max(least, Math.ceil(-Math.log10(step)))) : least;
  return (x: number) => x.toFixed(digits);
}

export interface ChartOptions {
  width: number;
  height?: number;
  colors?: boolean;
  /** Names written at the right end of each series' line, so that lines are told apart without colour. */
  names?: readonly string[];
}

const PALETTE = [
  asciichart.blue,
  asciichart.red,
  asciichart.green,
  asciichart.magenta,
  asciichart.cyan,
  asciichart.yellow,
];

/** How many points fit across `width`. */
export const plotPoints = (width: number): number => Math.max(10, width - FRAME - 1);

function draw(series: number[][], o: ChartOptions): string[] {
  const all = series.flat();
  const max = Math.max(...all, 0);
  const min = Math.min(...all, 0);
  // A flat zero line still gets an axis to sit on.
  const top = max === min ? min + 1 : max;
  const height = o.height ?? 8;
  const fmtY = yLabels(min, top, height);
  const rows = asciichart
    .plot(series, {
      height,
      min,
      max: top,
      format: (x) => fmtY(x).padStart(LABEL),
      ...(o.colors ? { colors: series.map((_, i) => PALETTE[i % PALETTE.length]) } : {}),
    })
    .split('\n');
  if (!o.names) return rows;
  // Each name on the row where its line ends (the top row is `top`, the last `min`).
  const ends = new Map<number, string[]>();
  series.forEach((s, i) => {
    const name = o.names?.[i];
    if (name === undefined || s.length === 0) return;
    const row = Math.round(((top - s[s.length - 1]!) / (top - min)) * height);
    ends.set(row, [...(ends.get(row) ?? []), name]);
  });
  return rows.map((line, r) => (ends.has(r) ? `${line} ${ends.get(r)!.join(', ')}` : line));
}

/** An x axis under a chart: `labels` placed at their columns (0-based within the plot). */
function axis(n: number, labels: readonly [number, string][]): string {
  const row = Array.from({ length: n + 2 }, () => ' ');
  for (const [col, text] of labels) {
    const start = Math.min(Math.max(0, col - Math.floor(text.length / 2)), n + 2 - text.length);
    for (let i = 0; i < text.length; i++) row[start + i] = text[i]!;
  }
  return `${' '.repeat(FRAME - 1)}${row.join('').trimEnd()}`;
}

/** One series against x from 0 to `max`, with ticks at `marks` (e.g. the ladder's levels). */
export function curveChart(
  ys: number[],
  max: number,
  xLabel: (x: number) => string,
  marks: readonly { x: number; label: string }[],
  o: ChartOptions,
): string[] {
  const n = ys.length;
  const col = (x: number) => Math.round((x / max) * (n - 1));
  const ticks = axis(n, [
    [0, xLabel(0)],
    [n - 1, xLabel(max)],
  ]);
  const levelRow = axis(
    n,
    marks.map((m) => [col(m.x), m.label] as [number, string]),
  );
  return [...draw([ys], o), ticks, ...(marks.length > 0 ? [levelRow] : [])];
}

/** Several series over rounds, each round stretched to the same number of columns. */
export function roundsChart(series: number[][], o: ChartOptions): string[] {
  const rounds = series[0]?.length ?? 0;
  const per = Math.max(1, Math.floor(plotPoints(o.width) / Math.max(1, rounds)));
  const every = rounds <= 12 || per >= 3 ? 1 : Math.ceil(12 / per);
  const labels = Array.from({ length: rounds }, (_, r) => String(r + 1));
  return pointsChart(series, labels, o, every);
}

/** Several series over a few points named by `labels`, each point stretched to the same number of columns. */
export function pointsChart(
  series: number[][],
  labels: readonly string[],
  o: ChartOptions,
  labelEvery?: number,
): string[] {
  const points = series[0]?.length ?? 0;
  const per = Math.max(1, Math.floor(plotPoints(o.width) / Math.max(1, points)));
  const stretched = series.map((s) => s.flatMap((v) => Array.from({ length: per }, () => v)));
  const n = points * per;
  const at: [number, string][] = [];
  const widest = Math.max(1, ...labels.map((l) => l.length));
  const every = labelEvery ?? (per > widest ? 1 : Math.ceil((widest + 1) / per));
  for (let r = 0; r < points; r += every) at.push([r * per + Math.floor(per / 2), labels[r] ?? '']);
  return [...draw(stretched, o), axis(n, at)];
}

/** The colour name a series is drawn in, for legends. */
export const colourName = (i: number): string =>
  ['blue', 'red', 'green', 'magenta', 'cyan', 'yellow'][i % 6]!;
