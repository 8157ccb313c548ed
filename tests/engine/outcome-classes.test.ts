// Every outcome class is the most common one in some shipped scenario and
// policy pair (docs/MODEL.md §13 says why each happens there).
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const CASES: [outcome: string, scenario: string, policy: string | null][] = [
  ['landing_zone', 'tutorial', 'EU=graduated,CN=graduated'],
  ['target_backs_down', 'lesson-target-backs-down', null],
  ['coercer_backs_down', 'lesson-coercer-backs-down', null],
  ['spiral', 'lesson-spiral', null],
  ['stalemate', 'rare-earths-2025', 'EU=hold,CN=hold'],
];

describe('each outcome class is the modal one somewhere', () => {
  it.each(CASES)('%s: %s', async (outcome, scenario, policy) => {
    const args = [
      'batch',
      scenario,
      '--runs',
      '60',
      '--seed',
      '3',
      '--workers',
      '1',
      '--summary-only',
      '--quiet',
    ];
    const r = await cli(policy ? [...args, '--policy', policy] : args);
    expect(r.stderr).toBe('');
    const shares = [...r.stdout.matchAll(/^(\w+)\s+(\d+)\s+([\d.]+) \[/gm)].map(
      (m) => [m[1]!, Number(m[2])] as const,
    );
    expect(shares.map(([o]) => o)).toEqual([
      'landing_zone',
      'target_backs_down',
      'coercer_backs_down',
      'spiral',
      'stalemate',
    ]);
    const modal = shares.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(modal[0]).toBe(outcome);
  });
});
