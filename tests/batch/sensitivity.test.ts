// Sensitivity analysis pairs results with design rows by run id: rows in any
// order give the same indices, and a known function gives its known indices.
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowColumns } from '../../src/batch/metrics.js';
import { makePlan, type Plan } from '../../src/batch/plan.js';
import { analyse, MetricByPoint, sensitivityCsv } from '../../src/batch/sensitivity.js';
import { analysisDesign } from '../../src/batch/sensitivity-design.js';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { type LoadedExperiment, loadExperiment } from '../../src/io/load-experiment.js';
import type { Cell } from '../../src/io/writers/columns.js';

let exp: LoadedExperiment;
let plan: Plan;
beforeAll(async () => {
  const r = await loadExperiment('tests/fixtures/experiments/sobol.yaml', { cwd: process.cwd(), runs: 256 });
  if (!r.ok) throw new Error(formatDiagnostics(r.error));
  exp = r.value;
  plan = makePlan(exp);
});

// y = stakes/140 + 2·(substitution_years − 5)/5 ⇒ with uniform inputs the variances
// are (140/140)²/12 and 2²/12 (g7 has none): S1 = ST = 1/5, 4/5 and 0.
function rows(): Cell[][] {
  const columns = rowColumns(exp);
  const y = columns.findIndex((c) => c.name === 'pain_eu');
  return Array.from({ length: plan.size }, (_, k) => {
    const s = plan.spec(k);
    const row: Cell[] = columns.map(() => null);
    row[0] = s.runId;
    row[y] = s.values[0]! / 140 + (2 * (s.values[1]! - 5)) / 5;
    return row;
  });
}

describe('sensitivity', () => {
  it('recovers the indices of a known function', () => {
    const y = new MetricByPoint(plan, rowColumns(exp), 'pain_eu');
    for (const r of rows()) y.add(r);
    const res = analyse('sobol', 'pain_eu', analysisDesign(plan), y, 1);
    const get = (p: string) => res.rows.find((r) => r.parameter === p)!.values;
    expect(get('blocs.EU.stakes').S1).toBeCloseTo(0.2, 1);
    expect(get('blocs.EU.stakes').ST).toBeCloseTo(0.2, 1);
    expect(get('dependencies.mini_magnets.substitution_years').ST).toBeCloseTo(0.8, 1);
    expect(get('parameters.g7_alignment').ST).toBe(0);
    expect(res.rows.map((r) => r.parameter)[0]).toBe('dependencies.mini_magnets.substitution_years');
    expect(sensitivityCsv(res, exp.levers, ['EU', 'CN']).header).toEqual([
      'metric',
      'package',
      'policy_eu',
      'policy_cn',
      'parameter',
      'S1',
      'S1_conf',
      'ST',
      'ST_conf',
      'rank',
    ]);
  });

  test.prop([fc.integer()], { numRuns: 5 })(
    'gives the same indices whatever the order of the rows',
    (seed) => {
      const all = rows();
      const shuffled = fc.sample(fc.shuffledSubarray(all, { minLength: all.length }), {
        seed,
        numRuns: 1,
      })[0]!;
      const a = new MetricByPoint(plan, rowColumns(exp), 'pain_eu');
      const b = new MetricByPoint(plan, rowColumns(exp), 'pain_eu');
      for (const r of all) a.add(r);
      for (const r of shuffled) b.add(r);
      expect(analyse('sobol', 'pain_eu', analysisDesign(plan), b, 1)).toEqual(
        analyse('sobol', 'pain_eu', analysisDesign(plan), a, 1),
      );
    },
  );
});
