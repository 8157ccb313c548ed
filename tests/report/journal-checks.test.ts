// A journal is a file anyone can edit: report and play --resume give its
// injected shocks the checks a scenario's events get, and report refuses a
// journal for another scenario or with a policy the scenario does not have.
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.js';
import { cli } from '../helpers/cli.js';
import { fixtureCopy, tempDirs } from './helpers.js';

const tmp = tempDirs();
// biome-ignore lint/suspicious/noExplicitAny: raw journal JSON, edited by hand
type Raw = Record<string, any>;
const inject = (j: Raw) => j.rounds[1].orders.inject[0];

describe('report refuses a journal that does not fit its scenario', () => {
  it.each([
    [
      'an inject setting a number out of its range',
      (j: Raw) => {
        inject(j).set = { 'blocs.EU.gdp': -1 };
      },
      ['journal.json: rounds[1].orders.inject[0].set.blocs.EU.gdp: expected a number > 0, got -1'],
    ],
    [
      'an inject moving the support of a state that does not exist',
      (j: Raw) => {
        inject(j).support = { XX: 5 };
      },
      ['journal.json: rounds[1].orders.inject[0].support.XX: no member state "XX"'],
    ],
    [
      'an inject at a measure that does not exist, and one beyond a ladder',
      (j: Raw) => {
        inject(j).levels = { nonesuch: 1, mini_duv_servicing: 99 };
      },
      [
        'journal.json: rounds[1].orders.inject[0].levels.nonesuch: no measure "nonesuch"',
        'journal.json: rounds[1].orders.inject[0].levels.mini_duv_servicing: expected a level from 0 to 3, got 99',
      ],
    ],
    [
      'a policy the scenario does not have',
      (j: Raw) => {
        j.players.CN = 'nonesuch';
      },
      [
        'journal.json: players.coercer: names policy "nonesuch", which scenario "debrief" does not have (hold, graduated)',
      ],
    ],
    [
      'another scenario id',
      (j: Raw) => {
        j.scenario.id = 'other';
      },
      ['journal.json: this journal is for scenario "other", but it was found as scenario "debrief"'],
    ],
  ])('%s', async (_, patch, expected) => {
    const dir = await tmp();
    const journal = await fixtureCopy('debrief.json', dir, patch as never);
    const r = await writeReport(journal, `${dir}/out`, { runs: 5 });
    const shown = r.ok
      ? []
      : r.error.map(
          (d) =>
            `${d.file.replace(`${dir}/debrief.json`, 'journal.json')}: ${d.path ? `${d.path}: ` : ''}${d.message}`,
        );
    expect(shown).toEqual(expected);
  });
});

describe('play --resume', () => {
  it('refuses a bad inject in one line (exit 2), without claiming the scenario changed', async () => {
    const dir = await tmp();
    const journal = await fixtureCopy('debrief.json', dir, ((j: Raw) => {
      inject(j).set = { 'blocs.EU.gdp': -1 };
    }) as never);
    const r = await cli(['play', '--resume', journal]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `${journal}: rounds[1].orders.inject[0].set.blocs.EU.gdp: expected a number > 0, got -1\n`,
    ]);
  });

  it('a journal that cannot be replayed on an unchanged scenario says so without a "scenario has changed" hint', async () => {
    const dir = await tmp();
    const journal = await fixtureCopy('debrief.json', dir, ((j: Raw) => {
      j.rounds[0].orders.EU.set = { nonesuch: 1 };
    }) as never);
    const r = await cli(['play', '--resume', journal]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^.*debrief\.json: the journal cannot be replayed: /);
    expect(r.stderr).not.toContain('has changed');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
