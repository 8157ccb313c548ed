// aci-sim calibrate: ABC-SMC recovers a parameter from a synthetic episode the
// model made itself, is seeded and resumable to the same bytes, and its
// posterior file drives batch and hindcast; bad posterior files get
// file:line and exit 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { weightedQuantile } from '../../src/batch/calibrate/abc-smc.js';
import { kernelLogDensity, kernelOf } from '../../src/batch/calibrate/kernel.js';
import { cli } from '../helpers/cli.js';

const CAL = 'tests/fixtures/calibrate/synthetic.yaml';
const EPISODE = 'tests/fixtures/scenarios/synthetic-episode.yaml';
const PATH = 'measures.mini_magnet_licensing.levels[1].intensity';
const TRUE = 0.44;

describe('ABC-SMC pieces', () => {
  it('weighted quantile and the Gaussian kernel density', () => {
    expect(weightedQuantile([3, 1, 2], [0.2, 0.5, 0.3], 0.5)).toBe(1);
    expect(weightedQuantile([3, 1, 2], [0.2, 0.5, 0.3], 0.6)).toBe(2);
    // covariance 0.5 → kernel variance 2·0.5 = 1 (plus a tiny floor): the standard normal
    const K = kernelOf([[0.5]], [1]);
    expect(kernelLogDensity(K, [1], [0])).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - 0.5, 5);
  });
});

describe('aci-sim calibrate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aci-cal-'));
  const out = join(dir, 'fit.csv');

  it('recovers the intensity that made the synthetic episode, within its 90% interval', async () => {
    const r = await cli(['calibrate', CAL, '--out', out]);
    expect(r.stderr).toMatch(/main generation 3: tolerance/);
    expect(r.code).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.startsWith(PATH))!;
    const [, lo, hi] = /\[([\d.]+), ([\d.]+)\]/.exec(row)!.map(Number);
    expect(lo).toBeLessThanOrEqual(TRUE);
    expect(hi).toBeGreaterThanOrEqual(TRUE);
    const shrink = Number(row.trim().split(/\s+/).pop());
    expect(shrink).toBeGreaterThan(0.5);
    const csv = readFileSync(out, 'utf8').split('\n');
    expect(csv[0]).toBe(`particle,weight,distance,${PATH}`);
    expect(csv.length - 2).toBe(40);
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({ kind: 'calibrate', seed: 3, fitted: ['synthetic-episode'] });
  });

  it('will not overwrite without --force, and resumes a stopped fit to the same bytes', async () => {
    const again = await cli(['calibrate', CAL, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists: --resume to continue it, --force to start over/);
    const whole = readFileSync(out, 'utf8');
    // Cut the saved state back to two populations, as if stopped there, and resume.
    const stateFile = `${out}.state.json`;
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    state.fits.main.populations = state.fits.main.populations.slice(0, 2);
    writeFileSync(stateFile, JSON.stringify(state));
    const resumed = await cli(['calibrate', CAL, '--out', out, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).not.toMatch(/generation 1:/);
    expect(resumed.stderr).toMatch(/main generation 2:/);
    expect(readFileSync(out, 'utf8')).toBe(whole);
    const other = await cli(['calibrate', CAL, '--out', out, '--resume', '--seed', '4']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/belongs to another calibration/);
  });

  it('hindcast and batch run on the posterior draws', async () => {
    const h = await cli(['hindcast', EPISODE, '--runs', '10', '--posterior', out, '--json']);
    expect(h.code).toBe(0);
    expect(JSON.parse(h.stdout).episodes[0].series.error).toBeLessThan(15);
    expect(JSON.parse(h.stdout).posterior).toBe(out);
    const text = await cli(['hindcast', EPISODE, '--runs', '2', '--posterior', out]);
    // The manifest beside the posterior names the episode it was fitted to: marked in sample.
    expect(text.stdout).toContain(
      `Not the shipped model: parameters drawn from the posterior ${out}; the episodes it was fitted to (its manifest) are marked in sample.`,
    );
    // The same episode written as out of sample (a file extending it): the posterior's manifest marks it in.
    const outside = join(dir, 'outside.yaml');
    const episode = readFileSync(join(process.cwd(), EPISODE), 'utf8');
    const expectBlock = episode
      .slice(episode.indexOf('expect:'))
      .replace('in_sample: true', 'in_sample: false');
    writeFileSync(
      outside,
      `kind: scenario\nid: synthetic-episode\ntitle: Outside\nextends: ${join(process.cwd(), EPISODE)}\n${expectBlock}`,
    );
    const marked = await cli(['hindcast', outside, '--runs', '2', '--posterior', out]);
    expect(marked.stdout).toMatch(/^synthetic-episode +in +/m);
    const bare = join(dir, 'bare.csv');
    writeFileSync(bare, readFileSync(out, 'utf8'));
    const b2 = await cli(['hindcast', outside, '--runs', '2', '--posterior', bare]);
    expect(b2.stdout).toContain('(no manifest beside it says which)');
    expect(b2.stdout).toMatch(/^synthetic-episode +out +/m);
    const rows = join(dir, 'rows.csv');
    const b = await cli(['batch', EPISODE, '--runs', '6', '--posterior', out, '--out', rows, '--quiet']);
    expect(b.code).toBe(0);
    const lines = readFileSync(rows, 'utf8').trim().split('\n');
    const col = lines[0]!.split(',').indexOf(PATH);
    expect(col).toBeGreaterThan(0);
    const drawn = new Set(lines.slice(1).map((l) => l.split(',')[col]));
    const accepted = new Set(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => String(Number(l.split(',')[3]))),
    );
    for (const v of drawn) expect(accepted.has(String(Number(v)))).toBe(true);
  });

  it('a posterior with an unknown path or a missing column: file:line, exit 2', async () => {
    const unknown = join(dir, 'unknown.csv');
    writeFileSync(unknown, `particle,weight,parameters.nope\n0,1,0.5\n`);
    const u = await cli(['batch', EPISODE, '--runs', '2', '--posterior', unknown, '--summary-only']);
    expect(u.code).toBe(2);
    expect(u.stderr).toBe(
      `${unknown}:1:17: parameters.nope: "parameters.nope" is not a number of scenario "synthetic-episode"\n`,
    );
    const missing = join(dir, 'missing.csv');
    writeFileSync(missing, `particle,weight,${PATH}\n0,0.5,0.4\n1,0.5\n`);
    const m = await cli(['hindcast', EPISODE, '--posterior', missing]);
    expect(m.code).toBe(2);
    expect(m.stderr).toBe(`${missing}:3:1: missing column "${PATH}": 2 values for 3 columns\n`);
    const noWeight = join(dir, 'no-weight.csv');
    writeFileSync(noWeight, `${PATH}\n0.4\n`);
    const w = await cli(['hindcast', EPISODE, '--posterior', noWeight]);
    expect(w.code).toBe(2);
    expect(w.stderr).toBe(`${noWeight}:1:1: missing column "weight" in the header\n`);
  });

  it('a prior on a number the episode does not have: its line in the calibration file, exit 2', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      [
        'kind: calibration',
        'id: bad',
        `episodes: [${join(process.cwd(), EPISODE)}]`,
        'uncertain:',
        '  parameters.no_such: { type: uniform, min: 0, max: 1 }',
        '',
      ].join('\n'),
    );
    const r = await cli(['calibrate', bad, '--out', join(dir, 'bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /bad\.yaml:5:3: uncertain\.parameters\.no_such: .* \(in synthetic-episode\.yaml\)\n/,
    );
  });

  it('a whole-number parameter: one message for every episode, not one per episode, exit 2', async () => {
    const bad = join(dir, 'whole.yaml');
    writeFileSync(
      bad,
      [
        'kind: calibration',
        'id: whole',
        `episodes: [${join(process.cwd(), EPISODE)}, ${join(process.cwd(), 'history/japan-2010.yaml')}]`,
        'uncertain:',
        '  parameters.horizon: { type: uniform, min: 2, max: 24 }',
        '',
      ].join('\n'),
    );
    const r = await cli(['calibrate', bad, '--out', join(dir, 'whole.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${bad}:5:3: uncertain.parameters.horizon: the number takes whole numbers only and cannot be fitted (a prior is continuous) (in every episode)\n`,
    );
  });
});
