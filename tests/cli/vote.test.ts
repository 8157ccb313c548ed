import { describe, expect, it } from 'vitest';
import { runVote } from '../../src/cli/commands/vote.js';
import { loadCouncil } from '../../src/io/load-council.js';
import { cli } from '../helpers/cli.js';
import { POP_2025 } from '../helpers/council-2025.js';

const NAMES: Record<string, string> = { DE: 'Germany', FR: 'France', EL: 'Greece' };

// The vote on the EV countervailing duties, 4 Oct 2024 (Reuters factbox), on the 2025 weights.
const EV_VOTE = {
  for: 'IT,FR,PL,NL,IE,LV,LT,EE,BG,DK',
  against: 'DE,HU,MT,SI,SK',
  abstain: 'BE,HR,CZ,EL,ES,CY,LU,AT,PT,RO,SE,FI',
};
// Everyone for but DE (against), FR (abstain) and IT (absent).
const DEEMED = {
  for: 'ES,PL,RO,NL,BE,CZ,PT,SE,EL,HU,AT,BG,DK,FI,SK,IE,HR,LT,SI,LV,EE,CY,LU,MT',
  against: 'DE',
  abstain: 'FR',
};
const FOOTNOTE =
  'The shares sum to 100.01%, so the thresholds are taken of that total: 65% is 65.0065 points and ' +
  '35% is 35.0035 points; the margins are measured from these.';

describe('runVote — human output', () => {
  it('the EV-duty vote of October 2024: neither majority, a blocking minority', () => {
    const out = runVote(EV_VOTE, POP_2025, { year: 2025 });
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe(
      [
        'Council vote — 2025 population figures (27 member states; shares sum to 100.01%)',
        '',
        '  for      10 states   46.04%  FR IT PL NL BG DK IE LT LV EE',
        '  against   5 states   22.42%  DE HU SK SI MT',
        '  abstain  12 states   31.55%  ES RO BE CZ PT SE EL AT FI HR CY LU',
        '  absent    0 states    0.00%  —',
        '',
        'qualified majority for: not reached — 10 of 27 states (needs 15), 46.04% of population (needs 65%): margin -5 states, -18.97 points',
        'qualified majority against: not reached — 5 of 27 states (needs 15), 22.42% of population (needs 65%): margin -10 states, -42.59 points',
        'blocking minority: yes — the 17 states not voting for hold 53.97% of population (at least 4 states and more than 35%)',
        '',
        FOOTNOTE,
        '',
      ].join('\n'),
    );
  });

  it('only DE, FR and IT not for: deemed reached', () => {
    const out = runVote(DEEMED, POP_2025, { year: 2025 });
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      [
        'Council vote — 2025 population figures (27 member states; shares sum to 100.01%)',
        '',
        '  for      24 states   53.12%  ES PL RO NL BE CZ PT SE EL HU AT BG DK FI SK IE HR LT SI LV EE CY LU MT',
        '  against   1 state    18.49%  DE',
        '  abstain   1 state    15.17%  FR',
        '  absent    1 state    13.23%  IT',
        '',
        'qualified majority for: reached (deemed: only 3 states are not for, fewer than the 4 a blocking minority needs) — 24 of 27 states (needs 15), 53.12% of population (needs 65%): margin +9 states, -11.89 points',
        'qualified majority against: not reached — 1 of 27 states (needs 15), 18.49% of population (needs 65%): margin -14 states, -46.52 points',
        'blocking minority: no — the 3 states not voting for hold 46.89% of population, but a blocking minority needs at least 4 states',
        '',
        FOOTNOTE,
        '',
      ].join('\n'),
    );
  });

  it('a plain qualified majority for, with lists given in pieces and in lower case', () => {
    const out = runVote(
      { for: ['de,fr,it', 'es pl ro nl be cz pt se el hu at bg dk fi'], against: 'SK' },
      POP_2025,
    );
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      'qualified majority for: reached — 17 of 27 states (needs 15), 94.44% of population (needs 65%): margin +2 states, +29.43 points',
    );
    expect(out.stdout).toContain(
      'blocking minority: no — the 10 states not voting for hold 5.57% of population, not more than 35%',
    );
    expect(out.stdout.startsWith('Council vote — population figures (27 member states')).toBe(true);
  });

  it('omits the footnote when the shares sum to 100', () => {
    const out = runVote({ for: 'A,B' }, { A: 50, B: 30, C: 20 });
    expect(out.stdout).not.toContain('The shares sum to');
    expect(out.stdout).toContain(
      'qualified majority for: reached — 2 of 3 states (needs 2), 80.00% of population',
    );
  });
});

describe('runVote — JSON', () => {
  it('the EV-duty vote', () => {
    const out = runVote({ ...EV_VOTE, json: true }, POP_2025);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      for: { states: 10, population: 46.04 },
      against: { states: 5, population: 22.42 },
      abstain: { states: 12, population: 31.55 },
      absent: { states: 0, population: 0 },
      qualifiedMajorityFor: false,
      qualifiedMajorityAgainst: false,
      blockingMinority: true,
      margins: { for: { states: -5, population: -18.97 }, against: { states: -10, population: -42.59 } },
    });
    expect(out.stdout.endsWith('}\n')).toBe(true);
  });

  it('the deemed case, with exactly these keys in this order', () => {
    const out = runVote({ ...DEEMED, json: true }, POP_2025);
    const parsed = JSON.parse(out.stdout);
    expect(Object.keys(parsed)).toEqual([
      'for',
      'against',
      'abstain',
      'absent',
      'qualifiedMajorityFor',
      'qualifiedMajorityAgainst',
      'blockingMinority',
      'margins',
    ]);
    expect(parsed).toEqual({
      for: { states: 24, population: 53.12 },
      against: { states: 1, population: 18.49 },
      abstain: { states: 1, population: 15.17 },
      absent: { states: 1, population: 13.23 },
      qualifiedMajorityFor: true,
      qualifiedMajorityAgainst: false,
      blockingMinority: false,
      margins: { for: { states: 9, population: -11.89 }, against: { states: -14, population: -46.52 } },
    });
  });
});

describe('runVote — errors', () => {
  it('one line per problem, exit code 2, nothing on stdout', () => {
    const out = runVote(
      { for: ['GR,DE', 'germany'], against: 'DE,UK,XX,deu', abstain: 'FR,FR', json: true },
      POP_2025,
      { names: NAMES },
    );
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      [
        'vote: unknown member state "GR" — did you mean "EL"?',
        'vote: unknown member state "germany" — did you mean "DE"?',
        'vote: "DE" is listed in both --for and --against',
        'vote: unknown member state "UK" — the United Kingdom left the EU in 2020',
        'vote: unknown member state "XX" (member states: AT, BE, BG, CY, CZ, DE, DK, EE, EL, ES, FI, FR, HR, HU, IE, IT, LT, LU, LV, MT, NL, PL, PT, RO, SE, SI, SK)',
        'vote: unknown member state "deu" — did you mean "DE"?',
        'vote: "FR" is listed twice in --abstain',
        '',
      ].join('\n'),
    );
    expect(out.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});

describe('loadCouncil', () => {
  it('reads the 2025 table from models/member-states.yaml', async () => {
    const r = await loadCouncil(2025, { cwd: process.cwd() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.population).toEqual(POP_2025);
    expect(r.value.names.EL).toBe('Greece');
    expect(r.value.id).toBe('council-2025');
    expect(r.value.file).toBe('models/member-states.yaml');
    expect(r.value.source).toMatch(/Coreper 11 Dec 2024/);
  });

  it('a year without figures is an error naming the years available', async () => {
    const r = await loadCouncil(2019);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((d) => d.message)).toEqual([
      'no Council population figures for 2019 — available: 2025',
    ]);
  });
});

describe('aci-sim vote (the command)', () => {
  const invoke = (args: string[]) => cli(['vote', ...args]);

  it('prints JSON for repeated flags', async () => {
    const out = await invoke([
      '--for',
      'IT,FR,PL,NL,IE',
      '--for',
      'LV,LT,EE,BG,DK',
      '--against',
      'DE,HU,MT,SI,SK',
      '--json',
    ]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).for).toEqual({ states: 10, population: 46.04 });
  });

  it('exits 2 on an unknown state and on a year without data', async () => {
    const bad = await invoke(['--for', 'GR']);
    expect(bad).toEqual({
      stdout: '',
      stderr: 'vote: unknown member state "GR" — did you mean "EL"?\n',
      code: 2,
    });
    const year = await invoke(['--for', 'DE', '--year', '2019']);
    expect(year).toEqual({
      stdout: '',
      stderr: 'vote: no Council population figures for 2019 — available: 2025\n',
      code: 2,
    });
    const notYear = await invoke(['--for', 'DE', '--year', 'last']);
    expect(notYear.stderr).toBe('vote: --year must be a year such as 2025, got "last"\n');
    expect(notYear.code).toBe(2);
  });
});
