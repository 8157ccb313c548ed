// The summary of a small lever sweep, pinned; `summarize` of the file gives
// the same summary as the batch that wrote it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlan, WHOLE } from '../../src/batch/plan.js';
import { columnsOf, readRows } from '../../src/batch/read-rows.js';
import { type BatchReport, runBatch } from '../../src/batch/run-batch.js';
import { formatSummary, SummaryBuilder } from '../../src/batch/summary.js';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { loadExperiment } from '../../src/io/load-experiment.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'sweep.jsonl');
let report: BatchReport;

beforeAll(async () => {
  const exp = await loadExperiment('tests/fixtures/experiments/packages.yaml', { cwd: process.cwd() });
  if (!exp.ok) throw new Error(formatDiagnostics(exp.error));
  const r = await runBatch({
    experiment: exp.value,
    plan: makePlan(exp.value),
    shard: WHOLE,
    workers: 1,
    out: { file, format: 'jsonl' },
    resume: false,
    force: false,
    progress: 'quiet',
    version: 'test',
    cwd: process.cwd(),
  });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  report = r.value;
});

describe('batch summary', () => {
  // Wilson by hand for 14/96 (z² = 3.8414588): z²/n = 0.0400152, centre 0.159460, half 0.070558 → [0.0889, 0.2300].
  it('pins outcome shares (95% Wilson), quantiles, member states and levers', () => {
    const s = report.summary;
    expect([s.runs, s.failed]).toEqual([96, 0]);
    const round = (x: number) => Math.round(x * 1e4) / 1e4;
    // Packages are never pooled: one block each; 8 design points, each a cluster of 12 rows (2
    // replications × 6 lever settings share its sampled inputs), so a share with no variation
    // counts 8 observations: Wilson 0/8 → [0, 0.3244].
    expect(s.outcomes).toBeNull();
    expect([s.design.type, s.design.clusters, s.design.independent, s.design.warning]).toEqual([
      'lhs',
      8,
      false,
      null,
    ]);
    const share = (pkg: string, o: string) => {
      const x = s.design.blocks.find((b) => b.package === pkg)!.shares.find((y) => y.outcome === o)!;
      return [x.n, round(x.share.p), round(x.share.lo), round(x.share.hi)];
    };
    expect(share('baseline', 'landing_zone')).toEqual([0, 0, 0, 0.3244]);
    expect(share('low_stakes', 'landing_zone')).toEqual([14, 0.4375, 0.2817, 0.6067]);
    expect(share('low_stakes', 'stalemate')).toEqual([18, 0.5625, 0.3933, 0.7183]);
    expect(share('fragile_eu', 'target_backs_down')).toEqual([32, 1, 0.6756, 1]);
    expect(s.quantiles.map((q) => [q.label, q.n, ...q.values.map(round)])).toEqual([
      ['rounds to a deal', 14, 2, 2, 5, 8.75, 11.35],
      ['deal terms q', 14, 0.7817, 0.8153, 0.836, 0.8758, 0.8998],
      ['pain EU, EUR bn', 96, 0, 1.7323, 3.6379, 5.5822, 5.6317],
      ['pain CN, EUR bn', 96, 0.05, 0.214, 0.2508, 0.2874, 0.2891],
    ]);
    expect(s.states.map((x) => [x.id, round(x.mean)])).toEqual([
      ['DE', 2.0223],
      ['ES', 0.6741],
      ['FR', 0.6741],
      ['NL', 0],
    ]);
    expect(s.levers!.map((l) => [l.package, l.target, l.runs, l.landing!.p])).toEqual([
      ['baseline', 'graduated', 16, 0],
      ['baseline', 'hold', 16, 0],
      ['low_stakes', 'graduated', 16, 0.875],
      ['low_stakes', 'hold', 16, 0],
      ['fragile_eu', 'graduated', 16, 0],
      ['fragile_eu', 'hold', 16, 0],
    ]);
    expect(formatSummary(s)).toContain('low_stakes  graduated  hold    16  0.875 [0.640, 0.965]');
    // Paired on the same futures: low_stakes minus baseline, both under graduated/hold.
    const pair = s.design.paired!.find(
      (p) => p.lever.package === 'low_stakes' && p.lever.target === 'graduated',
    )!;
    expect([pair.reference.package, pair.pairs, round(pair.landing.mean)]).toEqual(['baseline', 16, 0.875]);
    expect(formatSummary(s)).toContain(
      'low_stakes  graduated  hold  baseline     16  +0.875 [+0.715, +1.000]     -5.580 [-5.607, -5.553]  -0.225 [-0.234, -0.217]',
    );
  });

  it('is the same when read back from the file', async () => {
    const columns = await columnsOf(file, 'jsonl');
    const b = new SummaryBuilder(columns, { type: 'lhs', group: 1 });
    for await (const row of readRows(file, 'jsonl', columns)) b.add(row);
    expect(b.result()).toEqual(report.summary);
  });
});

describe('lever groups', () => {
  // The only group shares the totals' sketches until a second group appears; it must then answer as if it
  // had kept its own all along, also past a sketch's capacity (65,536 values).
  it('give each group the quantiles of its own values', async () => {
    const { QuantileSketch } = await import('../../src/batch/quantile-sketch.js');
    const columns = [
      'package',
      'policy_eu',
      'policy_cn',
      'outcome',
      'round',
      'pain_eu',
      'pain_cn',
      'error',
    ].map((name) => ({ name, type: 'string' as const }));
    const b = new SummaryBuilder(columns);
    const own = {
      A: [new QuantileSketch(), new QuantileSketch()],
      B: [new QuantileSketch(), new QuantileSketch()],
    };
    let x = 0.5;
    const next = () => {
      x = (x * 9301 + 49297) % 233280;
      return x / 233280;
    };
    const add = (g: 'A' | 'B') => {
      const eu = next() * 100;
      const round = Math.floor(next() * 12);
      b.add([g, 'graduated', 'hold', 'landing_zone', round, eu, 1, null]);
      own[g][0]!.add(eu);
      own[g][1]!.add(round);
    };
    for (let i = 0; i < 70_000; i++) add('A');
    for (let i = 0; i < 3_000; i++) add(i % 3 === 0 ? 'B' : 'A');
    const levers = b.result().levers!;
    for (const [i, g] of (['A', 'B'] as const).entries()) {
      expect(levers[i]!.medianPainTarget).toBe(own[g][0]!.quantile(0.5));
      expect(levers[i]!.medianRounds).toBe(own[g][1]!.quantile(0.5));
    }
  });
});
