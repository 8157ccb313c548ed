// The plan: run ids in plan order, seeds by (point, replication), shards that
// partition the plan, designs that do not depend on how they are cut.
import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePlan, type Plan, shardPosition, shardSize } from '../../src/batch/plan.js';
import { formatRunId, idWidths, parseRunId, runIdAt } from '../../src/batch/run-id.js';
import { chooseShard, chooseWorkers, parseShard } from '../../src/batch/shard.js';
import type { Diagnostic } from '../../src/io/diagnostics.js';
import { type LoadedExperiment, loadExperiment } from '../../src/io/load-experiment.js';
import { runSeed } from '../../src/rng/streams.js';

const load = async (ref: string, opts = {}) => {
  const r = await loadExperiment(ref, { cwd: process.cwd(), ...opts });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

let packages: LoadedExperiment;
let plan: Plan;
beforeAll(async () => {
  packages = await load('tests/fixtures/experiments/packages.yaml');
  plan = makePlan(packages);
});

describe('plan', () => {
  it('is design points × lever settings × replications', () => {
    expect([plan.points, plan.levers, plan.replications, plan.size]).toEqual([8, 6, 2, 96]);
    expect(packages.levers[3]).toEqual({ package: 'low_stakes', target: 'hold', coercer: 'hold' });
  });

  it('sorts run ids as text in plan order, and parses them back', () => {
    const ids = Array.from({ length: plan.size }, (_, k) => plan.runId(k));
    expect([...ids].sort()).toEqual(ids);
    expect(ids.slice(0, 3)).toEqual(['p0-l0-r0', 'p0-l0-r1', 'p0-l1-r0']);
    expect(parseRunId('p0-l5-r1')).toEqual({ point: 0, lever: 5, replication: 1 });
    expect(runIdAt({ points: 8, levers: 6, replications: 2 }, 95)).toBe('p7-l5-r1');
    expect(formatRunId(idWidths(1000, 1, 12), 7, 0, 3)).toBe('p007-l0-r03');
  });

  it('seeds a run by (master seed, point, replication): lever settings share their futures', () => {
    const a = plan.spec(plan.size - 1);
    expect(a.seed).toBe(runSeed(7, 7, 1));
    const b = plan.spec(plan.size - 3);
    expect([b.point, b.lever, b.replication]).toEqual([7, 4, 1]);
    expect(b.seed).toBe(a.seed);
    expect(b.values).toEqual(a.values);
  });

  test.prop([fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 130 })])(
    'shards partition the plan round-robin',
    (count, size) => {
      const seen: number[] = [];
      for (let index = 1; index <= count; index++)
        for (let j = 0; j < shardSize(size, { index, count }); j++)
          seen.push(shardPosition({ index, count }, j));
      expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: size }, (_, k) => k));
    },
  );

  it('keeps Monte Carlo points when n grows', async () => {
    const small = makePlan(await load('tests/fixtures/scenarios/mini.yaml', { runs: 5 }));
    const big = makePlan(await load('tests/fixtures/scenarios/mini.yaml', { runs: 50 }));
    expect({ ...big.spec(4), runId: '' }).toEqual({ ...small.spec(4), runId: '' });
    expect(big.hash).not.toBe(small.hash);
  });

  it('shares seeds inside a Saltelli base row (common random numbers)', async () => {
    const sobol = makePlan(await load('tests/fixtures/experiments/sobol.yaml'));
    expect(sobol.size).toBe(16 * 5);
    const row = (p: number) => sobol.spec(p);
    expect(new Set([0, 1, 2, 3, 4].map((p) => row(p).seed)).size).toBe(1);
    expect(row(5).seed).not.toBe(row(4).seed);
    expect(row(1).values[0]).not.toBe(row(0).values[0]);
  });
});

describe('--shard and --workers', () => {
  const shard = (text: string) => {
    const problems: Diagnostic[] = [];
    return { shard: parseShard(text, problems), messages: problems.map((p) => `${p.file}: ${p.message}`) };
  };
  it('takes i/n, 1-based', () => {
    expect(shard('3/16').shard).toEqual({ index: 3, count: 16 });
    expect(shard('3/2').messages).toEqual(['--shard: there is no shard 3 of 2: i must be between 1 and 2']);
    expect(shard('0/2').messages).toEqual(['--shard: shards count from 1: use 1/2 … 2/2, got 0/2']);
    expect(shard('half').messages).toEqual(['--shard: expected i/n, e.g. 3/16 (shard 3 of 16), got "half"']);
  });
  it('falls back on the Slurm array variables', () => {
    const problems: Diagnostic[] = [];
    const env = { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '2' };
    expect(chooseShard(undefined, env, problems)).toEqual({ index: 4, count: 4 });
    expect(chooseShard('1/2', env, problems)).toEqual({ index: 1, count: 2 });
    expect(chooseShard(undefined, {}, problems)).toEqual({ index: 1, count: 1 });
    expect(chooseWorkers(undefined, { SLURM_CPUS_PER_TASK: '6' }, problems)).toBe(6);
    expect(chooseWorkers('3', { SLURM_CPUS_PER_TASK: '6' }, problems)).toBe(3);
    expect(problems).toEqual([]);
    chooseShard(undefined, { SLURM_ARRAY_TASK_ID: '1' }, problems);
    expect(problems.map((p) => p.message)).toEqual([
      'is not set although SLURM_ARRAY_TASK_ID is; pass --shard i/n',
    ]);
  });
});
