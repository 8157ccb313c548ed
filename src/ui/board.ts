// The Council board as columns of text: every member state once, grouped by
// its likely ballot (for, abstain, against), largest population first, with
// its support score and population share; pivotal states marked. A group
// longer than the board is high runs on into a further column.
import type { CouncilView } from '../engine/index.js';
import { padTo } from './draw.js';
import { SYMBOL } from './theme.js';

export const PIVOTAL = '⇄';
export const BALLOTS = ['for', 'abstain', 'against'] as const;
export type BoardBallot = (typeof BALLOTS)[number];

export interface BoardLine {
  text: string;
  /** The group the line belongs to (its colour). */
  ballot: BoardBallot;
  header: boolean;
  pivotal: boolean;
}

const signed = (x: number) => `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(2)}`;

/** A state's row: mark, code, name when there is room, score, population. */
function row(b: CouncilView['ballots'][number], pivotal: boolean, width: number): string {
  const tail = ` ${signed(b.support).padStart(5)} ${b.population.toFixed(2).padStart(5)}%`;
  const head = `${pivotal ? PIVOTAL : ' '}${b.id}`;
  const room = width - head.length - tail.length - 1;
  return room >= 6 ? `${head} ${padTo(b.name, room)}${tail}` : `${head.padEnd(width - tail.length)}${tail}`;
}

/** The board's columns: each at most `height` lines, text no wider than `width(columns)`. */
export function boardColumns(
  view: CouncilView,
  height: number,
  totalWidth: number,
): { columns: BoardLine[][]; width: number } {
  const pivotal = new Set(view.pivotal);
  const groups = BALLOTS.map((ballot) => {
    const members = view.ballots
      .filter((b) => b.vote === ballot)
      .sort((a, b) => b.population - a.population || a.id.localeCompare(b.id));
    const pop = members.reduce((sum, b) => sum + b.population, 0);
    return { ballot, members, head: `${SYMBOL[ballot]} ${ballot} ${members.length} · ${pop.toFixed(1)}%` };
  });
  const h = Math.max(2, height);
  const count = groups.reduce((n, g) => n + Math.ceil((Math.max(1, g.members.length) + 1) / h), 0);
  const width = Math.min(40, Math.floor(totalWidth / count) - 1);
  const columns: BoardLine[][] = [];
  for (const g of groups) {
    const lines: BoardLine[] = [{ text: g.head, ballot: g.ballot, header: true, pivotal: false }];
    for (const b of g.members) {
      const p = pivotal.has(b.id);
      lines.push({ text: row(b, p, width), ballot: g.ballot, header: false, pivotal: p });
    }
    if (g.members.length === 0)
      lines.push({ text: ' none', ballot: g.ballot, header: false, pivotal: false });
    for (let i = 0; i < lines.length; i += h) columns.push(lines.slice(i, i + h));
  }
  return { columns, width };
}
