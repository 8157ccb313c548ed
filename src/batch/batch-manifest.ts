// The manifest of a batch output, and the Parquet metadata that goes with it.
import type { LoadedExperiment } from '../io/load-experiment.js';
import type { Invocation, Manifest } from '../io/writers/manifest.js';
import { outputFiles } from './output.js';
import type { Plan } from './plan.js';
import type { BatchOptions } from './run-batch.js';
import type { RunnerConfig } from './runner.js';

/** The manifest as the batch starts (counts and end time are filled in at the end). */
export function baseManifest(
  o: BatchOptions,
  cfg: RunnerConfig,
  planned: number,
  partial: Manifest | null,
  now: string,
): Manifest {
  const { experiment: exp, plan } = o;
  return {
    tool: 'aci-sim',
    version: o.version,
    format: 1,
    kind: 'batch',
    experiment: { id: exp.id, file: exp.file, hash: exp.hash },
    scenario: {
      id: exp.loaded.scenario.id,
      file: exp.loaded.files[0] ?? exp.scenarioAbs,
      hash: exp.loaded.hash,
      packages: exp.packages.map((p) => ({ name: p.name, hash: p.loaded.hash })),
    },
    seed: exp.seed,
    rng: exp.loaded.scenario.random.algorithm,
    plan: {
      hash: plan.hash,
      runs: plan.size,
      points: plan.points,
      levers: plan.levers,
      replications: plan.replications,
      design: { ...plan.design.describe, warnings: plan.design.warnings },
      parameters: [...plan.paths],
    },
    shard: { index: o.shard.index, count: o.shard.count },
    output: {
      file: o.out?.file ?? '',
      format: o.out?.format ?? 'csv',
      columns: [...cfg.columns],
      series:
        cfg.seriesColumns && o.out
          ? {
              file: outputFiles(o.out.file, o.out.format, true).series!.file,
              columns: [...cfg.seriesColumns],
            }
          : null,
    },
    counts: { planned, ok: 0, failed: 0 },
    started: partial?.started ?? now,
    finished: null,
    resumed: partial ? [...partial.resumed, now] : [],
    workers: o.workers,
    node: process.version,
    ...invocationRecords(o.invocation, partial, now),
    distributions: exp.uncertain.map((u) => ({ path: u.path, dist: { ...u.dist } })),
  };
}

/** The first invocation is kept across resumes; every start adds its own session record. */
function invocationRecords(
  mine: Invocation | undefined,
  partial: Manifest | null,
  now: string,
): Pick<Manifest, 'invocation' | 'sessions'> {
  const first = partial ? partial.invocation : mine;
  const sessions = [...(partial?.sessions ?? []), ...(mine ? [{ ...mine, started: now }] : [])];
  return { ...(first ? { invocation: first } : {}), ...(sessions.length > 0 ? { sessions } : {}) };
}

/** Parquet key-value metadata: only what does not depend on sharding or timing. */
export function parquetKv(
  o: { experiment: LoadedExperiment; version: string },
  plan: Plan,
): Record<string, string> {
  return {
    'aci-sim.version': o.version,
    'aci-sim.experiment': o.experiment.id,
    'aci-sim.scenario_hash': o.experiment.loaded.hash,
    'aci-sim.plan_hash': plan.hash,
    'aci-sim.seed': String(o.experiment.seed),
  };
}
