// docs/CALIBRATION.md keeps the output of the calibration run (regenerate
// with `npm run calibration-run`, minutes long). The run is not repeated
// here: the fingerprints under the block must match the calibration's inputs
// now and the scorecard above it, which tests/docs/scorecard.test.ts keeps
// current with the engine.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCalibration } from '../../src/io/load-calibration.js';
import { ROOT } from '../helpers/cli.js';

const FILE = 'experiments/calibration.yaml';
const STALE = 'docs/CALIBRATION.md: the calibration run is stale; run npm run calibration-run';

describe('docs/CALIBRATION.md calibration run', () => {
  const text = readFileSync(join(ROOT, 'docs/CALIBRATION.md'), 'utf8');
  const block = new RegExp(
    `<!-- calibration-run: aci-sim calibrate ${FILE} --cross-validate((?: --holdout [a-z0-9-]+)*) -->\\n\`\`\`text\\n([\\s\\S]*?)\`\`\`\\n<!-- inputs (\\w+) scorecard (\\w+) -->\\n<!-- /calibration-run -->`,
  ).exec(text);

  it('holds a run with its posterior table and both pass shares', () => {
    expect(block, 'no calibration-run block: run npm run calibration-run').not.toBeNull();
    const out = block![2]!;
    expect(out).toMatch(/^parameter +prior +median +90% interval +shrinkage$/m);
    expect(out).toMatch(/^In sample: the posterior passes \d+ of \d+/m);
    expect(out).toMatch(/^Cross-validated \(leave one episode out\): \d+ of \d+/m);
    expect(out).toMatch(
      /^Passed \d+ of \d+ episodes \((?:\d+ of \d+|none) out of sample\); 100 runs each, seed 1\.$/m,
    );
  });

  it('was made from the calibration file and episodes as they are now', async () => {
    const cal = await loadCalibration(join(ROOT, FILE), { cwd: ROOT });
    expect(cal.ok).toBe(true);
    if (!cal.ok) return;
    expect(block?.[3], STALE).toBe(cal.value.hash.slice(0, 16));
    for (const p of cal.value.priors) expect(block?.[2], STALE).toContain(p.path);
  });

  it('held out every episode marked out of sample, and only those', async () => {
    const cal = await loadCalibration(join(ROOT, FILE), { cwd: ROOT });
    if (!cal.ok) throw new Error('calibration file does not load');
    const out = cal.value.episodes.filter((e) => !e.expect.in_sample).map((e) => e.id);
    const held = [...(block?.[1] ?? '').matchAll(/--holdout (\S+)/g)].map((m) => m[1]);
    expect(held, STALE).toEqual([...out].sort());
  });

  it('was made with the engine that prints the scorecard above it', () => {
    const sc = /<!-- scorecard: [^\n]*-->\n([\s\S]*?)<!-- \/scorecard -->/.exec(text);
    const sha = createHash('sha256').update(sc![1]!).digest('hex').slice(0, 16);
    expect(block?.[4], STALE).toBe(sha);
  });
});
