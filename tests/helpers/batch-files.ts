// What an unfinished batch output holds so far.
import { existsSync, readFileSync } from 'node:fs';

/** Complete rows in FILE.tmp so far (header and a partly written last line not counted). */
export const rowsIn = (f: string): number =>
  existsSync(`${f}.tmp`) ? readFileSync(`${f}.tmp`, 'utf8').split('\n').length - 2 : 0;
