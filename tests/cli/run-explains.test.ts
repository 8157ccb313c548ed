// `aci-sim run` explains itself: a table per round, each computer move with
// its reason, the --set values in the header, the terms of a deal priced, and
// the same series in --json.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const env = { ACI_SIM_CACHE: join(tmpdir(), 'aci-sim-test-cache') };
const run = (...args: string[]) => cli(['run', ...args], { env });

describe('run explains', () => {
  it('prints a table of the rounds, then each move with its reason', async () => {
    const r = await run('--set', 'blocs.EU.stakes=20');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('Set: blocs.EU.stakes=20');
    expect(lines[3]).toMatch(/^round +month +EU harm\+cost +CN harm\+cost +zone q +Council for +events$/);
    expect(lines[4]).toMatch(
      /^ +1 +2025-11 +\d+\.\d\d \+ \d+\.\d\d +\d+\.\d\d \+ \d+\.\d\d +\S.* +\d+ \(\d+\.\d%\) +\d+$/,
    );
    expect(r.stdout).toMatch(
      /^ {2}EU \(graduated\) raises tariff_telecom to 1, a rung higher: projected harm to China \+0\.2 bn for own cost 0\.0 bn over 12 rounds$/m,
    );
    expect(r.stdout).toMatch(
      /^ {2}CN \(best_response\) (raises|lowers) \w+ to \d: projected harm to the EU /m,
    );
    // A concession is priced beside the pain (q = 0.93: a deal, so the run goes on to round 12).
    expect(r.stdout).toContain(
      'Pain to the EU: EUR 1.7 bn (0.01% of GDP a year); the terms: concedes EUR 18.6 bn (q × stakes EUR 20.0 bn)\n',
    );
    expect(r.stdout).toContain(
      'Pain to China:  EUR 0.4 bn (0.00% of GDP a year); the terms: gives up EUR 2.1 bn',
    );
  });

  it('says what both sides expected of the dispute fought out, below optimism 1 only', async () => {
    const r = await run('tutorial');
    expect(r.stdout).toMatch(
      /^Expected if fought out \(optimism 0\.3\): q = 0\.\d\d in round 1, 0\.\d\d in round 5$/m,
    );
    const j = JSON.parse((await run('tutorial', '--json')).stdout);
    expect(j.rounds[0].expected).toBeGreaterThan(0);
    expect(j.rounds[0].expected).toBeLessThan(1);
    const lesson = await run('lesson-spiral');
    expect(lesson.stdout).not.toMatch(/^Expected if fought out/m);
    expect(JSON.parse((await run('lesson-spiral', '--json')).stdout).rounds[0].expected).toBeNull();
  });

  it('with a fading optimism, says from where it fades and what it was in the last round', async () => {
    const r = await run('tutorial', '--set', 'parameters.optimism_half_life=2');
    // Round 5 of one-month rounds: 0.3 + 0.7 × 2^(−5/2) = 0.42.
    expect(r.stdout).toMatch(
      /^Expected if fought out \(optimism 0\.3, from 1 at the outset with a half-life of 2 months: 0\.42 in round 5\): q = 0\.\d\d in round 1, 0\.\d\d in round 5$/m,
    );
  });

  it('--json carries the same series, the players and the --set values', async () => {
    const j = JSON.parse((await run('--set', 'blocs.EU.stakes=20', '--json')).stdout);
    expect(j.set).toEqual({ 'blocs.EU.stakes': 20 });
    expect(j.players).toEqual({ EU: 'graduated', CN: 'best_response' });
    expect(j.rounds).toHaveLength(j.roundsPlayed);
    expect(j.rounds[0]).toMatchObject({
      round: 1,
      orders: { EU: { set: { tariff_telecom: 1 } } },
      reasons: { EU: [{ rule: 'climb', measure: 'tariff_telecom', level: 1 }] },
      pain: { EU: { harm: expect.any(Number), cost: expect.any(Number) } },
      council: { for: 18 },
    });
    expect(j.termsEurBn.EU).toBeCloseTo(j.q * 20, 9);
    const flowPain = j.flows
      .filter((f: { harmed: string }) => f.harmed === 'target')
      .reduce((a: number, f: { harm: number }) => a + f.harm, 0);
    const ownCost = j.flows
      .filter((f: { actor: string }) => f.actor === 'target')
      .reduce((a: number, f: { cost: number }) => a + f.cost, 0);
    expect(flowPain + ownCost).toBeCloseTo(j.pain.EU.eurBn, 9);
  });
});
