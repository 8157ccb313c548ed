// Runs a shard of a plan: chunks of ~200 runs go to the executor (worker
// threads or this thread), at most two per worker at a time; results that
// come back out of order wait until the chunks before them are written, so
// the output is the same bytes for any number of workers.

import { closeSync } from 'node:fs';
import type { Scenario } from '../engine/index.js';
import type { Diagnostic } from '../io/diagnostics.js';
import type { LoadedExperiment } from '../io/load-experiment.js';
import { err, ok, type Result } from '../io/result.js';
import { scenarioToData } from '../io/scenario-data.js';
import type { Cell, Column, Format } from '../io/writers/columns.js';
import type { Invocation, Manifest } from '../io/writers/manifest.js';
import { baseManifest, parquetKv } from './batch-manifest.js';
import { designInfo } from './design-stats.js';
import { rowColumns, seriesColumns, slimColumns, slimmer } from './metrics.js';
import {
  appendAll,
  claimOutput,
  finishOutput,
  type OutputFiles,
  openOutput,
  outputFiles,
  prepareOutput,
  writeJsonAtomic,
} from './output.js';
import { type Plan, planData, type Shard, shardPosition, shardSize } from './plan.js';
import { type Executor, startPool } from './pool.js';
import { makeProgress, type ProgressMode } from './progress.js';
import type { ChunkResult, RunnerConfig } from './runner.js';
import { type Summary, SummaryBuilder } from './summary.js';

export const CHUNK = 200;

export interface BatchOptions {
  readonly experiment: LoadedExperiment;
  readonly plan: Plan;
  readonly shard: Shard;
  readonly workers: number;
  /** Output file (its extension picks the format), or null for summaries only. */
  readonly out: { readonly file: string; readonly format: Format } | null;
  readonly resume: boolean;
  readonly force: boolean;
  readonly progress: ProgressMode;
  /** Where progress goes (default: stderr). */
  readonly progressWrite?: (text: string) => void;
  readonly version: string;
  readonly cwd: string;
  /** How the batch was asked for (recorded in the manifest; replay rebuilds the plan from it). */
  readonly invocation?: Invocation;
  /** Sees every row of the shard in run-id order, including rows kept by --resume, without its
   * sampled parameters (columns: slimColumns). */
  readonly onRow?: (row: readonly Cell[]) => void;
  /** Stops handing out runs; what has been dispatched is written, and the output stays resumable. */
  readonly signal?: AbortSignal;
  /** The worker thread's entry (tests: one that crashes); default dist/batch/worker.js. */
  readonly workerEntry?: URL;
  /** Called once the output is ready, before the first run: `done` runs were kept by --resume. */
  readonly onStart?: (done: number, total: number) => void;
}

export interface BatchReport {
  /** `complete` when --resume found the output already finished. */
  readonly state: 'done' | 'complete' | 'interrupted' | 'crashed';
  /** Why a `crashed` batch stopped (a worker died): the finished runs are kept, to resume. */
  readonly reason?: string;
  readonly summary: Summary;
  readonly planned: number;
  readonly ok: number;
  readonly failed: number;
  readonly files: OutputFiles | null;
  readonly seconds: number;
  /** Seconds spent running, after the workers had loaded their scenarios. */
  readonly runSeconds: number;
  /** CPU seconds of the whole process (every thread) over those seconds: what the runs cost. */
  readonly cpuSeconds: number;
  readonly columns: readonly Column[];
}

/** The compiled scenario of each package (or of the experiment's scenario alone). */
export const scenariosOf = (exp: LoadedExperiment): Scenario[] =>
  (exp.packages.length > 0 ? exp.packages.map((p) => p.loaded) : [exp.loaded]).map((l) => l.scenario);

export function runnerConfig(
  exp: LoadedExperiment,
  plan: Plan,
  shard: Shard,
  format: RunnerConfig['format'],
): RunnerConfig {
  return {
    scenarios: scenariosOf(exp).map(scenarioToData),
    packages: exp.packages.map((p) => p.name),
    plan: planData(plan),
    shard,
    paths: plan.paths,
    levers: exp.levers,
    metrics: exp.metrics,
    ownMetrics: exp.ownMetrics,
    columns: rowColumns(exp),
    seriesColumns: exp.series ? seriesColumns(exp.loaded.scenario) : null,
    format,
  };
}

/**
 * Runs the batch. An output is first checked to be creatable (its folder made,
 * it is not a folder itself) and locked (`FILE.lock`) before any run, so that
 * two batches never write one file; the lock goes when the batch ends.
 */
export async function runBatch(o: BatchOptions): Promise<Result<BatchReport, Diagnostic[]>> {
  if (!o.out) return runUnlocked(o);
  const held = claimOutput(o.out.file);
  if (!held.ok) return held;
  if (held.value.note !== null) o.progressWrite?.(`note: ${held.value.note}\n`);
  try {
    return await runUnlocked(o);
  } finally {
    held.value.release();
  }
}

async function runUnlocked(o: BatchOptions): Promise<Result<BatchReport, Diagnostic[]>> {
  const t0 = performance.now();
  const { experiment: exp, plan, shard } = o;
  const cfg = runnerConfig(exp, plan, shard, o.out?.format ?? 'none');
  const total = shardSize(plan.size, shard);
  const summary = new SummaryBuilder(slimColumns(exp), designInfo(plan.design.describe, plan.paths.length));
  const slim = slimmer(exp);
  const files = o.out ? outputFiles(o.out.file, o.out.format, exp.series) : null;
  let done = 0;
  let failed = 0;
  let partial: Manifest | null = null;
  if (files) {
    const prepared = prepareOutput(files, {
      resume: o.resume,
      force: o.force,
      planHash: plan.hash,
      columns: cfg.columns,
      seriesColumns: cfg.seriesColumns,
      expectedId: (j) => plan.runId(shardPosition(shard, j)),
      onRow: (full) => {
        const row = slim(full);
        summary.add(row);
        o.onRow?.(row);
        if (row[row.length - 1] !== null) failed++;
      },
    });
    if (!prepared.ok) return err(prepared.error);
    if (prepared.value.state === 'complete')
      return ok(report('complete', summary, total, total, 0, files, t0, cfg.columns));
    done = prepared.value.done;
    partial = prepared.value.partial;
  }
  const now = new Date().toISOString();
  const manifest = baseManifest(o, cfg, total, partial, now);
  if (files) writeJsonAtomic(files.partial, manifest);
  const fds = files ? openOutput(files, done === 0, cfg.columns, cfg.seriesColumns) : null;
  o.onStart?.(done, total);
  const progress = makeProgress(o.progress, total, done, o.progressWrite);
  const chunks = Math.ceil((total - done) / CHUNK);
  let exec: Executor | null = null;
  let tRun = 0;
  let cpu = { user: 0, system: 0 };
  let crash: string | null = null;
  try {
    exec = await startPool(Math.max(1, Math.min(o.workers, chunks)), cfg, scenariosOf(exp), o.workerEntry);
    tRun = performance.now();
    cpu = process.cpuUsage();
    const write = (r: ChunkResult) => {
      if (fds?.series) appendAll(fds.series, r.seriesText);
      if (fds) appendAll(fds.rows, r.text);
      for (const row of r.rows) {
        summary.add(row);
        o.onRow?.(row);
      }
      done += r.rows.length;
      failed += r.failed;
      progress.update(done, failed);
    };
    try {
      await dispatch(exec, done, total, write, o.signal);
    } catch (e) {
      // What reached the output is whole and in order: keep it, to resume.
      crash = e instanceof Error ? e.message : String(e);
    }
    tRun = performance.now() - tRun;
    cpu = process.cpuUsage(cpu);
  } finally {
    await exec?.close();
    if (fds) {
      closeSync(fds.rows);
      if (fds.series !== null) closeSync(fds.series);
    }
  }
  progress.finish(done, failed);
  if (crash !== null)
    return ok({
      ...report('crashed', summary, total, done - failed, failed, files, t0, cfg.columns, tRun / 1000, cpu),
      reason: crash,
    });
  if (done < total)
    return ok(
      report('interrupted', summary, total, done - failed, failed, files, t0, cfg.columns, tRun / 1000, cpu),
    );
  if (files) {
    const final: Manifest = {
      ...manifest,
      counts: { planned: total, ok: done - failed, failed },
      finished: new Date().toISOString(),
    };
    await finishOutput(
      files,
      cfg.columns,
      cfg.seriesColumns,
      final,
      parquetKv(o, plan),
      `aci-sim ${o.version}`,
    );
  }
  return ok(report('done', summary, total, done - failed, failed, files, t0, cfg.columns, tRun / 1000, cpu));
}

function report(
  state: BatchReport['state'],
  summary: SummaryBuilder,
  planned: number,
  okRuns: number,
  failed: number,
  files: OutputFiles | null,
  t0: number,
  columns: readonly Column[],
  runSeconds = 0,
  cpu = { user: 0, system: 0 },
): BatchReport {
  return {
    state,
    summary: summary.result(),
    planned,
    ok: okRuns,
    failed,
    files,
    seconds: (performance.now() - t0) / 1000,
    runSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    columns,
  };
}

/** Hands out chunks in order, keeps at most two per runner in flight, writes results in order. */
function dispatch(
  exec: Executor,
  from: number,
  total: number,
  write: (r: ChunkResult) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const waiting = new Map<number, ChunkResult>();
  let next = from;
  let sent = 0;
  let written = 0;
  let active = 0;
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const pump = () => {
      while (!failed && !signal?.aborted && active < exec.size * 2 && next < total) {
        const end = Math.min(total, next + CHUNK);
        const req = { id: sent++, from: next, to: end };
        next = end;
        active++;
        exec.run(req).then(
          (r) => {
            active--;
            waiting.set(r.id, r);
            for (let w = waiting.get(written); w; w = waiting.get(written)) {
              waiting.delete(written++);
              write(w);
            }
            pump();
          },
          (e: unknown) => {
            failed = true;
            reject(e);
          },
        );
      }
      if (active === 0 && !failed) resolve();
    };
    pump();
  });
}
