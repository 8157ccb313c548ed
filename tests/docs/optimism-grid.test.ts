// docs/CALIBRATION.md keeps the hindcast library played at eleven values of
// `parameters.optimism` (regenerate with `npm run optimism-grid`,
// eleven hindcasts). The grid is not replayed here: its column at the shipped
// default must say what the scorecard says, and the fingerprint under it must
// be the scorecard's, which tests/docs/scorecard.test.ts keeps current.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIMISM_DEFAULT } from '../../src/io/schemas/scenario.js';
import { ROOT } from '../helpers/cli.js';

const STALE = 'docs/CALIBRATION.md: the optimism grid is stale; run npm run optimism-grid';
const text = readFileSync(join(ROOT, 'docs/CALIBRATION.md'), 'utf8');
const grid =
  /<!-- optimism-grid: [^\n]*-->\n```text\n([\s\S]*?)```\n<!-- scorecard (\w+) -->\n<!-- \/optimism-grid -->/.exec(
    text,
  );
const scorecard = /<!-- scorecard: [^\n]*-->\n([\s\S]*?)<!-- \/scorecard -->/.exec(text);

describe('docs/CALIBRATION.md optimism grid', () => {
  it('was made with the engine that prints the scorecard', () => {
    expect(grid, 'no optimism-grid block').not.toBeNull();
    const sha = createHash('sha256').update(scorecard![1]!).digest('hex').slice(0, 16);
    expect(grid![2], STALE).toBe(sha);
  });

  it('passes, at the shipped default, exactly the episodes the scorecard passes', () => {
    const lines = grid![1]!.split('\n');
    const header = lines[0]!.trim().split(/\s+/);
    const col = header.indexOf(OPTIMISM_DEFAULT.toFixed(1)) - 1;
    expect(col, `no column for the default ${OPTIMISM_DEFAULT}`).toBeGreaterThanOrEqual(0);
    const fromGrid: Record<string, boolean> = {};
    for (const line of lines.slice(1)) {
      const m = /^([a-z0-9-]+)\s+((?:(?:pass|·)\s+){11})/.exec(line);
      if (m) fromGrid[m[1]!] = m[2]!.trim().split(/\s+/)[col] === 'pass';
    }
    const fromCard: Record<string, boolean> = {};
    for (const m of scorecard![1]!.matchAll(/^([a-z0-9-]+)\s+(?:in|out)\s.*\s(pass|FAIL)$/gm))
      fromCard[m[1]!] = m[2] === 'pass';
    expect(Object.keys(fromCard).length).toBeGreaterThanOrEqual(9);
    expect(fromGrid).toEqual(fromCard);
  });

  it('states the best value, its leave-one-out score and the out-of-sample result', () => {
    expect(grid![1]).toMatch(
      /^best: optimism = [\d.]+ \((?:the middle|the shipped default, one) of [\d., ]+, which pass \d+ of the \d+ episodes it is chosen on, those in sample\)/m,
    );
    expect(grid![1]).toMatch(/^leave one out: \d+ of \d+ episodes pass at the value chosen without them$/m);
    expect(grid![1]).toMatch(/^out of sample \(not used to choose\): \d+ of \d+ pass at [\d.]+$/m);
  });

  it('chose the shipped default from the episodes in sample only', () => {
    const best = /^best: optimism = ([\d.]+) /m.exec(grid![1]!);
    expect(Number(best![1])).toBe(OPTIMISM_DEFAULT);
  });
});
