import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/io/diagnostics.js';
import { loadModelFile } from '../../src/io/load-model.js';
import { DistributionSchema } from '../../src/io/schemas/distribution.js';
import { num, numValue } from '../../src/io/schemas/num.js';
import { FIXTURES } from './project.js';

const problems = async (name: string) => {
  const r = await loadModelFile(`tests/fixtures/invalid/${name}`);
  return r.ok ? '' : formatDiagnostics(r.error);
};
const distMessage = (d: unknown) => {
  const r = DistributionSchema.safeParse(d);
  return r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
};

describe('model files, one kind of bad input each', () => {
  it('wrong type', async () => {
    expect(await problems('wrong-type.yaml')).toBe(
      'tests/fixtures/invalid/wrong-type.yaml:10:12: dependencies.magnets.value: expected a number (or a mapping with value: and source:), got "lots"',
    );
  });

  it('out-of-range value', async () => {
    expect(await problems('out-of-range.yaml')).toBe(
      'tests/fixtures/invalid/out-of-range.yaml:11:39: measures.duv_servicing.levels[2].intensity: expected a number from 0 to 1, got 1.4',
    );
  });

  it('unknown field, with did-you-mean (and not also "missing")', async () => {
    expect(await problems('unknown-field.yaml')).toBe(
      'tests/fixtures/invalid/unknown-field.yaml:13:5: dependencies.magnets.buffer_month: unknown field "buffer_month" — did you mean "buffer_months"?',
    );
  });

  it('bad formula', async () => {
    expect(await problems('bad-formula.yaml')).toBe(
      'tests/fixtures/invalid/bad-formula.yaml:8:11: formulas.cut.expr: unknown symbol "ph" — did you mean "phi"?',
    );
  });

  it('the fixture models are valid', async () => {
    for (const f of [
      'blocs',
      'member-states',
      'dependencies',
      'measures-cn',
      'measures-eu',
      'policies',
      'formulas',
    ]) {
      const r = await loadModelFile(`${FIXTURES}models/${f}.yaml`);
      expect(r.ok ? '' : formatDiagnostics(r.error)).toBe('');
    }
  });
});

describe('calibrated numbers', () => {
  const share = num({ min: 0, max: 1 });
  it('accepts a plain number, a sourced one and an assumed one', () => {
    for (const v of [0.5, { value: 0.5, source: 'x' }, { value: 0.5, assumed: true, why: 'y' }])
      expect(numValue(share.parse(v))).toBe(0.5);
  });
  it('needs a source or an assumption with why', () => {
    expect(share.safeParse({ value: 0.5 }).error?.issues[0]?.message).toBe(
      'a calibrated number needs `source:` or `assumed: true` with `why:`',
    );
    expect(share.safeParse({ value: 0.5, assumed: true }).error?.issues[0]?.message).toBe(
      'an assumed number needs `why:` (one sentence)',
    );
  });
  it('keeps a distribution inside the range', () => {
    const r = share.safeParse({
      value: 0.5,
      assumed: true,
      why: 'y',
      dist: { type: 'uniform', min: 0.2, max: 1.3 },
    });
    expect(r.error?.issues[0]?.message).toBe(
      'the distribution reaches 1.3, outside the allowed range (a number from 0 to 1)',
    );
  });
});

describe('distributions', () => {
  it('checks each shape with its own message', () => {
    expect(distMessage({ type: 'uniform', min: 3, max: 1 })).toBe(
      'max: max (1) must be greater than min (3)',
    );
    expect(distMessage({ type: 'triangular', min: 0, mode: 2, max: 1 })).toBe(
      'mode: mode (2) must lie between min (0) and max (1)',
    );
    expect(distMessage({ type: 'normal', mean: 1, sd: 0 })).toBe('sd: expected a number > 0, got 0');
    expect(distMessage({ type: 'lognormal', mu: 0, sigma: -1 })).toBe('sigma: expected a number > 0, got -1');
    expect(distMessage({ type: 'beta', alpha: 2, beta: 2, min: 1, max: 1 })).toBe(
      'max: max (1) must be greater than min (1)',
    );
    expect(distMessage({ type: 'discrete', values: [1, 2, 3], weights: [1, 1] })).toBe(
      'weights: weights must have one entry per value (3 values, 2 weights)',
    );
    expect(distMessage({ type: 'discrete', values: [1, 2], weights: [0, 0] })).toBe(
      'weights: weights must sum to more than 0',
    );
    expect(distMessage({ type: 'triangular', min: 0, mode: 0.5, max: 1 })).toBe('');
  });
});
