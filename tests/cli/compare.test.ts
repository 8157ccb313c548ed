// `aci-sim compare` and `run --baseline`: the change an edit makes, attributed
// by flow and by term of the support formula; an edit with no effect is said
// to have none, and why.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const env = { ACI_SIM_CACHE: join(tmpdir(), 'aci-sim-test-cache') };

describe('compare', () => {
  it('attributes the change of Germany made hawkish', async () => {
    const r = await cli(['compare', 'rare-earths-2025', '--set', 'states.DE.base_support=2'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain(
      'B: rare-earths-2025 with states.DE.base_support=2 (seed 1; EU: graduated, CN: best_response)\n',
    );
    // A hawkish Germany: the deal comes a round sooner, and China is spared a round of lost servicing.
    expect(out).toMatch(/^outcome +landing zone, round 9 +landing zone, round 8 +differs$/m);
    expect(out).toMatch(/^pain to CN +EUR 2\.1 bn +EUR 1\.5 bn +−0\.6$/m);
    expect(out).toContain('Change in the pain to China by flow (EUR bn, A → B; −0.56 in all):\n');
    expect(out).toMatch(/^ {2}eu_duv_service +harm suffered +1\.25 → +0\.77 +−0\.48$/m);
    expect(out).toContain('Change in support at the Council vote in round 5');
    // Germany's vote changes, and the support formula's base term says why.
    expect(out).toMatch(
      /^ {2}DE +0\.20 → +2\.20 \(abstain → for\): base \+2\.00, pain 0\.00, cost 0\.00, pressure 0\.00, solidarity 0\.00$/m,
    );
  });

  it('between two governments, has no Council row and no member states', async () => {
    const r = await cli(
      ['compare', 'history/japan-2010.yaml', '--set', 'blocs.JP.stakes=0.3', '--seed', '2'],
      {
        env,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pain to JP /m);
    expect(r.stdout).not.toMatch(/QM margin|member state|Council/);
  });

  it('says an edit has no effect, and why', async () => {
    const cases: [string, string, string][] = [
      [
        'rare-earths-2025',
        'measures.tariff_evs.levels[1].tariff=0.35',
        'measure tariff_evs is never raised in this run',
      ],
      [
        'rare-earths-2025',
        'member_states.DE.stance=hawkish',
        "no formula reads a state's stance (only base_support counts)",
      ],
      // A lesson at optimism 1: below it, every flow a measure could restrict enters the contest's projection.
      [
        'lesson-target-backs-down',
        'dependencies.cn_ev_exports.elasticity=4',
        'dependency cn_ev_exports is never restricted in this run',
      ],
    ];
    for (const [scenario, set, why] of cases) {
      const r = await cli(['compare', scenario, '--set', set], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('The two runs are identical: the same orders, events and results.\n');
      expect(r.stdout).toContain(`  ${set.split('=')[0]}: ${why}\n`);
    }
  });

  it('compares two scenarios', async () => {
    const r = await cli(['compare', 'rare-earths-2025', 'g7-coordinated'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^A: rare-earths-2025 \(seed 1;/m);
    expect(r.stdout).toMatch(/^B: g7-coordinated \(seed 1;/m);
  });

  it('run --baseline prints the run, then the comparison with the run without --set', async () => {
    const r = await cli(
      ['run', 'tutorial', '--set', 'dependencies.tutorial_magnets.buffer_months=1', '--baseline'],
      { env },
    );
    expect(r.code).toBe(0);
    const [run, diff] = r.stdout.split('\nCompared with the run without --set (the baseline):\n');
    expect(run).toMatch(/^Outcome: /m);
    expect(diff).toMatch(/^ {2}tutorial_magnets +harm suffered +\d+\.\d\d → +\d+\.\d\d +\+\d+\.\d\d$/m);
  });
});
