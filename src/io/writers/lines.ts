// Reads a text file line by line with byte offsets, in constant memory. A
// last line without its line break (a write cut short) is not returned; a
// UTF-8 byte-order mark at the start is skipped.
import { closeSync, openSync, readSync } from 'node:fs';

export interface Line {
  readonly text: string;
  /** Byte offset just after this line's line break. */
  readonly end: number;
}

const CHUNK = 1 << 20;

export function* readLines(path: string): Generator<Line> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let rest = Buffer.alloc(0);
    let offset = 0; // file offset of rest[0]
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) return;
      const data = rest.length > 0 ? Buffer.concat([rest, buf.subarray(0, n)]) : buf.subarray(0, n);
      // A byte-order mark (a CSV saved by a spreadsheet) is not part of the first line.
      let start = offset === 0 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
      for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, start)) {
        yield { text: data.toString('utf8', start, i), end: offset + i + 1 };
        start = i + 1;
      }
      rest = Buffer.from(data.subarray(start));
      offset += start;
    }
  } finally {
    closeSync(fd);
  }
}
