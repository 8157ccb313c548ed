// Accepted but likely not meant: a --set on a field no formula reads, a level
// whose name states its old numbers; and did-you-mean for ids of every kind.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/io/did-you-mean.js';
import { cli } from '../helpers/cli.js';

const env = { ACI_SIM_CACHE: join(tmpdir(), 'aci-sim-test-cache') };

describe('warnings for --set', () => {
  it('on a field no formula reads, and on a level whose name states numbers', async () => {
    const r = await cli(
      [
        'run',
        '--set',
        'member_states.DE.stance=hawkish',
        '--set',
        'measures.tariff_evs.levels[2].tariff=0.35',
      ],
      { env },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        "warning: --set: member_states.DE.stance: no formula reads a state's stance (only base_support counts): set base_support to change its support",
        'warning: --set: measures.tariff_evs.levels[2].tariff: the level keeps its name "25% tariff", which states numbers of its own: check it still says what tariff 0.35 does (levels[2] is level 3 of the ladder (level 0 is "off"))',
        '',
      ].join('\n'),
    );
  });

  it('none for a number a formula reads', async () => {
    const r = await cli(['run', '--set', 'states.DE.base_support=1'], { env });
    expect(r.stderr).toBe('');
  });
});

describe('did-you-mean for every id', () => {
  it('a policy by its stem, an explain target by a word of its id', async () => {
    expect(suggest('gradual', ['hold', 'graduated', 'appeaser'])).toBe('graduated');
    const policy = await cli(['run', '--policy', 'EU=gradual'], { env });
    expect(policy.stderr).toContain('unknown policy "gradual" for EU — did you mean "graduated"?');
    const explain = await cli(['explain', 'magnets'], { env });
    expect(explain.stderr).toContain(
      'no measure or dependency "magnets" in rare-earths-2025 — did you mean "cn_magnets"?',
    );
  });
});
