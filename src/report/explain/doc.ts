// explain's output as lines of text with charts among them: the terminal
// prints each chart's text; --html draws the same data as an SVG.

/** The data behind a chart, in the units its labels name. */
export interface ChartData {
  title: string;
  xLabel: string;
  yLabel: string;
  x: readonly number[];
  series: readonly { name: string; values: readonly number[] }[];
}

export interface ChartBlock {
  chart: ChartData;
  /** The terminal's drawing of it. */
  text: readonly string[];
}

export type Line = string | ChartBlock;

/** The text a terminal prints. */
export const toText = (lines: readonly Line[]): string[] =>
  lines.flatMap((l) => (typeof l === 'string' ? [l] : l.text));
