// `aci-sim run` as users call it (in-process through main()): the account, the JSON shape, and bad input.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const run = (...args: string[]) => cli(['run', ...args]);

describe('aci-sim run', async () => {
  it('prints one JSON object with the documented fields', async () => {
    const r = await run('tutorial', '--seed', '7', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(['landing_zone', 'target_backs_down', 'coercer_backs_down', 'spiral', 'stalemate']).toContain(
      j.outcome,
    );
    expect(j.seed).toBe('7');
    expect(j.sides).toEqual({ target: 'EU', coercer: 'CN' });
    expect(Object.keys(j.pain)).toEqual(['EU', 'CN']);
    expect(Object.keys(j.pain.EU)).toEqual(['eurBn', 'pctGdp']);
    expect(typeof j.peakRung).toBe('number');
    expect(j.q === null || (j.q >= 0 && j.q <= 1)).toBe(true);
    expect(Array.isArray(j.events)).toBe(true);
    expect(j.events[0]).toMatchObject({ round: 1, code: expect.any(String), text: expect.any(String) });
  });

  it('between two governments, says nothing of a Council or member states', async () => {
    const two = await run('history/japan-2010.yaml', '--seed', '2');
    expect(two.code).toBe(0);
    expect(two.stdout).toContain('Substitution gained: JP ');
    expect(two.stdout).not.toMatch(/^Council:|^Member states hit hardest/m);
    const eu = await run('tutorial', '--seed', '1');
    expect(eu.stdout).toMatch(/^Council: /m);
    expect(eu.stdout).toMatch(/^Member states hit hardest: DE EUR /m);
  });

  it('is reproducible: the same seed gives the same bytes', async () => {
    const [a, b] = await Promise.all([
      run('tutorial', '--seed', '3', '--json'),
      run('tutorial', '--seed', '3', '--json'),
    ]);
    expect(a.stdout).toBe(b.stdout);
  });

  it('tells the run round by round and sums it up', async () => {
    const r = await run('tutorial', '--seed', '3', '--rounds', '4');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Round 1 \(2025-04\)$/m);
    expect(r.stdout).toMatch(/^Outcome: /m);
    expect(r.stdout).toMatch(/^Pain to the EU: +EUR [\d.]+ bn/m);
    expect(r.stdout).not.toMatch(/^Round 5/m);
  });

  it('answers "what if" with --set, validated like a file', async () => {
    const a = JSON.parse((await run('tutorial', '--seed', '3', '--json')).stdout);
    const b = JSON.parse(
      (
        await run(
          'tutorial',
          '--seed',
          '3',
          '--json',
          '--set',
          'dependencies.tutorial_magnets.buffer_months=12',
        )
      ).stdout,
    );
    // A year of magnet stocks: the EU holds out longer and settles on better terms.
    expect(b.q).toBeLessThan(a.q);
    expect(b.round).toBeGreaterThan(a.round);
    const bad = await run('tutorial', '--set', 'dependencies.tutorial_magnets.share=1.4');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      '--set: dependencies.tutorial_magnets.share: expected a number from 0 to 1, got 1.4\n',
    );
  });

  it('rejects a seed that is not a whole number', async () => {
    const r = await run('tutorial', '--seed', '1.5');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--seed: expected a whole number or a run\'s 16-digit hex seed, got "1.5"\n');
  });

  it('rejects an unknown policy with a suggestion', async () => {
    const r = await run('tutorial', '--policy', 'EU=graduate');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      '--policy: unknown policy "graduate" for EU — did you mean "graduated"? (policies: hold, tit_for_tat, graduated, appeaser, best_response)\n',
    );
  });

  it('names the formula, file and round (or the start) when a formula yields NaN at run time', async () => {
    const r = await run('tests/fixtures/run/nan-formula.yaml', '--seed', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).toBe(
      'tests/fixtures/run/nan-formula.yaml:8:25: overrides.formulas.supply_harm: formula "supply_harm" gave NaN for dependency "tutorial_magnets" at the start (projecting the contest) at run time (seed 1)\n',
    );
  });
});
