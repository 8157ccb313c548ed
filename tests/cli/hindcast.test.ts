// aci-sim hindcast: the scorecard of episodes, its JSON keys, and bad
// expect: blocks reported with file:line:col and exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { painOrdersBackDowns } from '../../src/batch/hindcast/pressure.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { cli } from '../helpers/cli.js';

const F = 'tests/fixtures/scenarios';

describe('aci-sim hindcast --pressure', () => {
  it('plays each episode once with both sides holding and sets the pain beside the record', async () => {
    const r = await cli([
      'hindcast',
      'history/moldova-2006.yaml',
      'history/japan-2010.yaml',
      '--pressure',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(j.map((p) => [p.id, p.outcome, p.rounds, p.ended])).toEqual([
      ['moldova-2006', 'landing_zone', 2, 'target_backs_down'],
      ['japan-2010', 'target_backs_down', 4, 'stalemate'],
    ]);
    // Moldova's wine ban costs it 3.66% of GDP a year; Japan conceded under no measured loss.
    expect(j.map((p) => Number((p.target as number).toFixed(3)))).toEqual([3.658, 0]);
  });

  it('the table puts the least pressed target first and says what the columns are', async () => {
    const r = await cli(['hindcast', 'history/moldova-2006.yaml', 'history/japan-2010.yaml', '--pressure']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^episode +sample +recorded outcome +target pain +coercer pain +held to$/);
    expect(lines[1]).toMatch(/^japan-2010 +in +target_backs_down +0\.000% +0\.000% +round 4$/);
    expect(lines[2]).toMatch(
      /^moldova-2006 +in +landing_zone +3\.658% +0\.003% +round 2 \(target_backs_down\)$/,
    );
    expect(r.stdout).toContain('with both sides holding');
  });

  it('says in how many pairs a target that gave way bore more pain than one that held', () => {
    const row = (outcome: string, target: number) =>
      ({ id: 'x', inSample: false, outcome, target, coercer: 0, rounds: 1, ended: 'stalemate' }) as const;
    expect(
      painOrdersBackDowns([
        row('target_backs_down', 0.5),
        row('target_backs_down', 0.1),
        row('coercer_backs_down', 0.2),
        row('coercer_backs_down', 0.1),
        row('landing_zone', 9),
      ]),
    ).toEqual({ share: (2 + 0.5) / 4, pairs: 4 });
    expect(painOrdersBackDowns([row('landing_zone', 1)])).toBeNull();
  });

  it('an episode whose models define no hold policy: one message, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aci-sim-nohold-'));
    writeFileSync(
      join(dir, 'pol.yaml'),
      'kind: policies\nid: no-hold\npolicies:\n  graduated: { kind: graduated, description: Climbs. }\n  best_response: { kind: best_response, description: Best reply. }\n',
    );
    const text = (await import('node:fs')).readFileSync('history/japan-2010.yaml', 'utf8');
    writeFileSync(
      join(dir, 'ep.yaml'),
      text.replace('model_dir: ../models', 'model_dir: .').replace('  - default-policies', '  - no-hold'),
    );
    const r = await cli(['hindcast', join(dir, 'ep.yaml'), '--pressure']);
    expect([r.code, r.stderr.replace(/^.*ep\.yaml/, 'ep.yaml')]).toEqual([
      2,
      'ep.yaml: its models define no `hold` policy, so the measures cannot be played alone\n',
    ]);
  });
});

describe('aci-sim hindcast', () => {
  it('prints the documented JSON keys for each episode and the total', async () => {
    const r = await cli(['hindcast', `${F}/episode-good.yaml`, '--runs', '5', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual([
      'episodes',
      'passed',
      'of',
      'outOfSample',
      'classRight',
      'brier',
      'runs',
      'seed',
    ]);
    expect(j.brier).toBeNull();
    // One out-of-sample episode: no in-sample episode to choose a baseline on.
    expect(j.classRight).toEqual({
      model: { right: 1, of: 1, outOfSample: { right: 1, of: 1 } },
      baseline: null,
    });
    expect(Object.keys(j.episodes[0]).slice(0, 8)).toEqual([
      'id',
      'expected',
      'shareOutcome',
      'shareRounds',
      'medianRound',
      'ballots',
      'pass',
      'title',
    ]);
    expect(j.episodes[0]).toMatchObject({
      id: 'good-episode',
      expected: { outcome: 'stalemate', rounds: [12, 12] },
      shareOutcome: 1,
      shareRounds: 1,
      medianRound: 12,
      ballots: { of: 4 },
      inSample: false,
    });
    expect(j.episodes[0].alternatives).toEqual([]);
    // Every run in the recorded class and band: the joint Brier score is 0.
    expect(j.episodes[0].brierJoint).toBe(0);
    expect(j).toMatchObject({ of: 1, runs: 5, seed: 1 });
  });

  it('prints a table with the reasons an episode fails', async () => {
    const r = await cli(['hindcast', `${F}/episode-good.yaml`, '--runs', '5']);
    expect(r.stdout).toMatch(
      /^good-episode +out +stalemate \[12, 12\] +100% +100% +12 +\d\/4 +— +— +(pass|FAIL)$/m,
    );
    expect(r.stdout).toContain('5 runs each, seed 1.');
  });

  it('reports a bad expect: block at its place, exit 2', async () => {
    const bad = await cli(['hindcast', `${F}/episode-bad.yaml`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      [
        `${F}/episode-bad.yaml:7:12: expect.outcome: expected one of landing_zone, target_backs_down, coercer_backs_down, stalemate, spiral, got "china_wins"`,
        `${F}/episode-bad.yaml:8:11: expect.rounds: rounds must be [lo, hi] with lo ≤ hi`,
        `${F}/episode-bad.yaml:16:18: expect.alternatives[0].outcome: expected one of landing_zone, target_backs_down, coercer_backs_down, stalemate, spiral, got "deal"`,
        `${F}/episode-bad.yaml:16:32: expect.alternatives[0].rounds: rounds must be [lo, hi] with lo ≤ hi`,
        '',
      ].join('\n'),
    );
    const state = await cli(['hindcast', `${F}/episode-bad-state.yaml`]);
    expect(state.code).toBe(2);
    expect(state.stderr).toMatch(
      new RegExp(
        `^${F}/episode-bad-state.yaml:13:\\d+: expect\\.ballots\\.votes\\.XX: unknown member state "XX"`,
      ),
    );
  });

  it('refuses a scenario without expect:, and a bad --runs', async () => {
    const r = await cli(['hindcast', 'scenarios/tutorial.yaml', '--runs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--runs: expected a whole number of runs from 1 to 1000000, got "0"\n');
    const s = await cli(['hindcast', 'scenarios/tutorial.yaml', '--runs', '2']);
    expect(s.stderr).toBe('scenarios/tutorial.yaml: not an episode: the scenario has no expect: block\n');
  });
});

describe('aci-sim hindcast --set', () => {
  it('fixes a number in every episode: it is no longer drawn, and the scorecard says so', async () => {
    const set = { 'blocs.JP.stakes': 0.3 };
    const shipped = await loadScenario('history/japan-2010.yaml');
    const fixed = await loadScenario('history/japan-2010.yaml', { set });
    expect(shipped.ok && shipped.value.uncertain.map((u) => u.path)).toContain('blocs.JP.stakes');
    expect(fixed.ok && fixed.value.uncertain.map((u) => u.path)).not.toContain('blocs.JP.stakes');
    expect(fixed.ok && fixed.value.scenario.blocs.target.stakes).toBe(0.3);
    const args = ['hindcast', 'history/japan-2010.yaml', '--runs', '5', '--set', 'blocs.JP.stakes=0.3'];
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Not the shipped model: played with --set blocs.JP.stakes=0.3 (a number chosen after seeing a scorecard is fitted, i.e. in sample).',
    );
    const j = JSON.parse((await cli([...args, '--json'])).stdout);
    expect(j.set).toEqual(set);
  });

  it('names a path an episode does not have, exit 2; once for several episodes', async () => {
    const r = await cli(['hindcast', 'history/japan-2010.yaml', '--runs', '2', '--set', 'blocs.XX.stakes=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--set: blocs.XX.stakes: blocs has no "XX" (it has: JP, CN)\n');
    const two = ['hindcast', 'history/japan-2010.yaml', 'history/norway-2010.yaml', '--runs', '2'];
    const some = await cli([...two, '--set', 'blocs.JP.stakes=1', '--set', 'parameters.horizon=0']);
    expect(some.code).toBe(2);
    expect(some.stderr).toBe(
      [
        '--set: blocs.JP.stakes: names no number of norway-2010.yaml; it is one of japan-2010.yaml only: name those episodes',
        '--set: parameters.horizon: expected a whole number from 1 to 240, got 0 (in every episode)',
        '',
      ].join('\n'),
    );
  });
});

describe('a posterior over several episodes or packages', () => {
  it('says a problem of the posterior file once, not once per episode or package', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aci-hc-'));
    const two = ['hindcast', 'history/japan-2010.yaml', 'history/norway-2010.yaml', '--runs', '2'];
    const jp = join(dir, 'jp.csv');
    writeFileSync(jp, 'weight,blocs.JP.stakes\n1,0.5\n');
    const a = await cli([...two, '--posterior', jp]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(
      `${jp}:1:8: blocs.JP.stakes: names no number of norway-2010.yaml; it is one of japan-2010.yaml only: name those episodes\n`,
    );
    const none = join(dir, 'none.csv');
    writeFileSync(none, 'weight,parameters.nope\n1,0.5\n');
    expect((await cli([...two, '--posterior', none])).stderr).toBe(
      `${none}:1:8: parameters.nope: "parameters.nope" names no number of any episode named\n`,
    );
    const packages = ['batch', 'experiments/tutorial-packages.yaml', '--runs', '2', '--summary-only'];
    expect((await cli([...packages, '--posterior', none])).stderr).toBe(
      `${none}:1:8: parameters.nope: "parameters.nope" is not a number of scenario "tutorial"\n`,
    );
    const noWeight = join(dir, 'w.csv');
    writeFileSync(noWeight, 'wt,parameters.capitulation\n1,0.5\n');
    expect((await cli([...two, '--posterior', noWeight])).stderr).toBe(
      `${noWeight}:1:1: missing column "weight" in the header\n`,
    );
  });
});

describe('aci-sim vote --scenario', () => {
  const vote = (scenario: string, measure: string, ...more: string[]) =>
    cli(['vote', '--scenario', scenario, '--measure', measure, ...more]);
  const voteJson = async (scenario: string, measure: string) =>
    JSON.parse((await vote(scenario, measure, '--json')).stdout);
  const EV = 'history/ev-duties-vote-2024.yaml';

  it('predicts every member state’s ballot and score for a proposal at a round', async () => {
    const r = await vote('rare-earths-2025', 'duv_servicing_aci', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      scenario: 'rare-earths-2025',
      measure: 'duv_servicing_aci',
      level: 1,
      round: 0,
    });
    expect(j.ballots).toHaveLength(27);
    for (const b of j.ballots) {
      expect(['for', 'against', 'abstain']).toContain(b.vote);
      expect(Number.isFinite(b.score)).toBe(true);
    }
    expect(j.result.for.states).toBe(j.ballots.filter((b: { vote: string }) => b.vote === 'for').length);
  });

  it('says what the count means under the measure’s legal basis', async () => {
    const td = await voteJson(EV, 'ev_cvd_2024');
    expect(td.result.qualifiedMajorityFor).toBe(false);
    expect(td).toMatchObject({ legalBasis: 'trade_defence', adopted: !td.result.qualifiedMajorityAgainst });
    expect((await vote(EV, 'ev_cvd_2024')).stdout).toMatch(
      /\nTrade defence: only a qualified majority against blocks it — the Commission adopts it\.\n$/,
    );
    const aci = await voteJson('rare-earths-2025', 'duv_servicing_aci');
    expect(aci).toMatchObject({ legalBasis: 'aci', adopted: aci.result.qualifiedMajorityFor });
    expect((await vote('rare-earths-2025', 'duv_servicing_nl')).stdout).toMatch(
      /\nNational: NL decides alone; the Council does not vote on it \(the ballots show the states' support\)\.\n$/,
    );
    expect((await voteJson('rare-earths-2025', 'duv_servicing_nl')).adopted).toBeNull();
  });

  it('refuses a measure the Council does not vote on, or an unknown one', async () => {
    const cn = await vote('rare-earths-2025', 'ree_april_licensing');
    expect(cn.code).toBe(2);
    expect(cn.stderr).toBe(
      '--measure: "ree_april_licensing" is a measure of China, which has no Council to vote on it\n',
    );
    const typo = await vote('rare-earths-2025', 'duv_servicing_ac');
    expect(typo.stderr).toContain(
      '--measure: unknown measure "duv_servicing_ac" — did you mean "duv_servicing_aci"?',
    );
  });
});
