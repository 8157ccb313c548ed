// `aci-sim plot`: a sweep (mean per swept value with an interval, one series
// per package) or a scatter, as SVG or HTML, from a batch output; pinned by
// its labels, its number of points and its bytes.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-plot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILE = join(dir, 'runs.csv');
const out = (name: string) => join(dir, name);
const count = (s: string, what: string) => s.split(what).length - 1;

/** 3 swept values of parameters.a × 4 replications × 2 packages; parameters.b continuous; one failed row. */
beforeAll(() => {
  const lines = [
    'run_id,point,replication,seed,package,policy_eu,policy_cn,parameters.a,parameters.b,outcome,pain_eu,error',
  ];
  let k = 0;
  for (const [l, pkg] of ['baseline', 'fast_aci'].entries())
    for (const [p, a] of [0.1, 0.2, 0.3].entries())
      for (let r = 0; r < 4; r++) {
        const b = ((k * 37) % 24) / 24 + 0.01;
        const pain = 10 * a + r + l * 2 + b;
        const outcome = (k * 7) % 3 === 0 ? 'spiral' : 'landing_zone';
        lines.push(
          `p${p}-l${l}-r${r},${p},${r},${String(k).padStart(16, '0')},${pkg},graduated,hold,${a},${b},${outcome},${pain},`,
        );
        k++;
      }
  lines.push('p9-l0-r0,9,0,00000000000000ff,baseline,graduated,hold,0.2,0.5,,,"E: failed"');
  writeFileSync(FILE, `${lines.join('\n')}\n`);
});

describe('aci-sim plot', () => {
  it('draws a sweep: a mean with its interval per swept value, one series per package', async () => {
    const r = await cli([
      'plot',
      FILE,
      '--x',
      'parameters.a',
      '--y',
      'pain_eu',
      '--by',
      'package',
      '--out',
      out('sweep.svg'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `1 rows left out (failed, or no parameters.a or pain_eu)\nwrote ${out('sweep.svg')}: a sweep of 24 runs (6 points)\n`,
    );
    const svg = readFileSync(out('sweep.svg'), 'utf8');
    expect(svg).toContain('text-anchor="middle">parameters.a</text>');
    expect(svg).toContain('transform="rotate(-90 12 188)">pain_eu</text>');
    expect(svg).toContain('>baseline</text>');
    expect(svg).toContain('>fast_aci</text>');
    expect(count(svg, 'class="point"')).toBe(6);
    expect(count(svg, 'class="interval"')).toBe(6);
    expect(count(svg, 'class="mean-line"')).toBe(2);
    expect(createHash('sha256').update(svg).digest('hex')).toBe(
      '73d6f1cb92b5753e0b41ff86f1cc8981744a34e4dd785920f983a3c958d1a46c',
    );
  });

  it('draws a scatter over a continuous input, a point per run; the share of landings as y', async () => {
    const r = await cli(['plot', FILE, '--x', 'parameters.b', '--y', 'landing', '--out', out('scatter.svg')]);
    expect(r.code).toBe(0);
    const svg = readFileSync(out('scatter.svg'), 'utf8');
    expect(count(svg, 'class="point"')).toBe(24);
    expect(count(svg, 'class="interval"')).toBe(0);
    expect(svg).toContain('>share of runs ending in a landing zone</text>');
    expect(createHash('sha256').update(svg).digest('hex')).toBe(
      '65c462f8d143b2b359fc90d2bbaea95836babf58b3f1f9522f4603ac1c8d2f19',
    );
  });

  it('writes an HTML page around the chart, and never over a file without --force', async () => {
    const r = await cli(['plot', FILE, '--x', 'parameters.a', '--y', 'landing', '--out', out('chart.html')]);
    expect(r.code).toBe(0);
    const html = readFileSync(out('chart.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(count(html, '<svg ')).toBe(1);
    expect(html).toContain('with a 95% interval');
    const again = await cli([
      'plot',
      FILE,
      '--x',
      'parameters.a',
      '--y',
      'landing',
      '--out',
      out('chart.html'),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`${out('chart.html')}: already exists; add --force to overwrite it\n`);
  });

  it('names each unknown column with a did-you-mean, exit 2', async () => {
    const r = await cli(['plot', FILE, '--x', 'parameters.aa', '--y', 'pain_ue', '--by', 'pakage']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      '--x: no column "parameters.aa" in the file — did you mean "parameters.a"?',
      '--y: no column "pain_ue" in the file — did you mean "pain_eu"?',
      '--by: no column "pakage" in the file — did you mean "package"?',
    ]);
    const text = await cli(['plot', FILE, '--x', 'package', '--y', 'outcome']);
    expect(text.stderr.trimEnd().split('\n')).toEqual([
      '--x: "package" is a text column; --x needs a number (a swept or sampled input)',
      '--y: "outcome" is a text column; --y needs a numeric metric, or landing',
    ]);
  });
});
