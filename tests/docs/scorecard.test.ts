// docs/CALIBRATION.md leads with the hindcast scorecard; it is what the
// command prints today (regenerate with `npm run scorecard`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

const ARGS = ['hindcast', '--runs', '100', '--seed', '1'];

describe('docs/CALIBRATION.md', () => {
  it('shows the scorecard the hindcast prints now', async () => {
    const text = readFileSync(join(ROOT, 'docs/CALIBRATION.md'), 'utf8');
    const begin = `<!-- scorecard: aci-sim ${ARGS.join(' ')} -->\n\`\`\`text\n`;
    const i = text.indexOf(begin);
    expect(i, 'the scorecard block (run npm run scorecard)').toBeGreaterThan(0);
    const block = text.slice(i + begin.length, text.indexOf('```\n<!-- /scorecard -->', i));
    const r = await cli(ARGS);
    expect(r.stderr).toBe('');
    expect(block, 'docs/CALIBRATION.md is stale: run npm run scorecard').toBe(r.stdout);
  });
});
