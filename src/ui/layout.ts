// Panel sizes for a terminal: everything fits 80×24; rows and columns
// beyond that go to the measure list, the dependencies and the event feed.

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface Layout {
  columns: number;
  /** Lines drawn: one less than the terminal, so ink never clears the screen to redraw. */
  height: number;
  leftWidth: number;
  rightWidth: number;
  /** Rows of the ladder / orders band and of the pain / zone band. */
  topRows: number;
  midRows: number;
  /** Dependencies listed under the pain panel. */
  stockRows: number;
  /** Event lines (the feed's title not counted). */
  feedRows: number;
  sparkWidth: number;
  barWidth: number;
}

export const tooSmall = (columns: number, rows: number): boolean => columns < MIN_COLUMNS || rows < MIN_ROWS;

/** measureCount: the most measures a side has; depCount: the dependencies worth listing. */
export function layoutFor(columns: number, rows: number, measureCount = 4, depCount = 2): Layout {
  const height = rows - 1;
  const leftWidth = Math.max(36, Math.floor(columns * 0.45));
  const rightWidth = columns - leftWidth - 1;
  // Base at 24 rows: header 1 + top 8 + mid 8 + feed title 1 + 4 events + footer 1 = 23.
  let extra = Math.max(0, height - 23);
  const topExtra = Math.min(Math.max(0, measureCount - 4), Math.floor(extra / 2));
  extra -= topExtra;
  const stockExtra = Math.min(Math.max(0, depCount - 2), Math.floor(extra / 2));
  extra -= stockExtra;
  return {
    columns,
    height,
    leftWidth,
    rightWidth,
    topRows: 8 + topExtra,
    midRows: 8 + stockExtra,
    stockRows: 2 + stockExtra,
    feedRows: 4 + extra,
    sparkWidth: Math.max(6, leftWidth - 26),
    barWidth: Math.max(20, rightWidth - 16),
  };
}
