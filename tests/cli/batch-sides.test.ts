// `batch --policy` takes the scenario's own side ids, not only the EU's and China's.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('batch --policy on an episode between two governments', () => {
  it('sets a side by its id (JP), and the summary counts the runs', async () => {
    const r = await cli([
      'batch',
      'history/china-japan-seafood-2023.yaml',
      '--runs',
      '4',
      '--seed',
      '3',
      '--workers',
      '1',
      '--policy',
      'JP=hold',
      '--summary-only',
      '--quiet',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const counted = [
      ...r.stdout.matchAll(
        /^(?:landing_zone|target_backs_down|coercer_backs_down|spiral|stalemate)\s+(\d+)/gm,
      ),
    ]
      .map((m) => Number(m[1]))
      .reduce((a, b) => a + b, 0);
    expect(counted).toBe(4);
  });
});
