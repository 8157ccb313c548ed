// The orders panel's line on the selected measure: its harm to the other
// side and its own side's cost next round, and who in the EU pays most.
import type { MeasureCost } from '../engine/index.js';
import { fmtBn, truncate } from './draw.js';

/** The longest wording that fits `width`. `other`, `own`: the two sides' short ids. */
export function costLine(c: MeasureCost, level: number, other: string, own: string, width: number): string {
  const sums = `${other} harm ${fmtBn(c.harm)} · ${own} cost ${fmtBn(c.cost)}`;
  const paid = c.bearers.map((b) => `${b.id} ${fmtBn(b.eurBn)}`).join(', ');
  const ids = c.bearers.map((b) => b.id).join(' ');
  const forms = c.bearers.length
    ? [
        `at level ${level}: ${sums} EUR bn a round, borne most by ${paid}`,
        `level ${level}: ${sums} bn, most by ${paid}`,
        `level ${level}: ${sums}: ${paid}`,
        `level ${level}: ${sums} · by ${ids}`,
        `${sums} · by ${ids}`,
        `${sums} · ${ids}`,
      ]
    : [`at level ${level}: ${sums} EUR bn a round`, `level ${level}: ${sums} bn`, sums];
  return forms.find((f) => f.length <= width) ?? truncate(forms[forms.length - 1]!, width);
}
