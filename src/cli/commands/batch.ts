// `aci-sim batch <experiment|scenario>`: runs an experiment's plan (or Monte
// Carlo over a scenario's uncertain numbers) on worker threads, writes CSV,
// JSON Lines or Parquet with a manifest, and prints a summary.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Plan } from '../../batch/plan.js';
import type { BatchReport } from '../../batch/run-batch.js';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { MAX_RUNS } from '../../io/limits.js';
import type { ExperimentOptions, LoadedExperiment } from '../../io/load-experiment.js';
import { type Format, formatOf } from '../../io/writers/columns.js';
import { designOnly, withPoints } from '../batch-design.js';
import { printSlurm } from '../batch-slurm.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import { formulaCacheDir, modelDirs, parseSeed, withModelsOption } from '../options.js';

export interface BatchFlags {
  runs?: string;
  seed?: string;
  workers?: string;
  out?: string;
  shard?: string;
  resume?: boolean;
  force?: boolean;
  quiet?: boolean;
  printSlurm?: string | boolean;
  policy?: string;
  summaryOnly?: boolean;
  posterior?: string;
  designOnly?: boolean;
  points?: string;
  models: string[];
}

export const EXIT_INTERRUPTED = 130;

export function register(program: Command, { io, action }: CommandContext): void {
  const cmd = program
    .command('batch')
    .description(
      'Run an experiment (or Monte Carlo over a scenario) on all cores; write rows, a manifest and a summary',
    )
    .argument('<experiment|scenario>', 'experiment file, or scenario id or file for plain Monte Carlo')
    .option('--runs <n>', "the design's n (Monte Carlo runs for a scenario; default 1000)")
    .option('--seed <n>', 'master seed (default: the design’s seed, else 1)')
    .option('--workers <n>', 'threads running games (default: SLURM_CPUS_PER_TASK, else every core)')
    .option('--out <file>', 'output .csv, .jsonl or .parquet (default results/<id>-<design>-<n>-s<seed>.csv)')
    .option('--shard <i/n>', 'run shard i of n (default: SLURM_ARRAY_TASK_ID/COUNT, else all)')
    .option('--resume', 'continue an interrupted batch from FILE.tmp')
    .option('--force', 'overwrite an existing output')
    .option('--quiet', 'no progress on stderr')
    .option('--policy <EU=name,CN=name>', 'computer players for sides the experiment does not sweep')
    .option('--summary-only', 'write no rows: print the summary only')
    .option(
      '--posterior <file>',
      'draw each design point’s parameters from a calibrated posterior (calibrate --out)',
    )
    .option('--print-slurm [tasks]', 'print an sbatch job-array script for this batch and exit')
    .option(
      '--design-only',
      'write the design (one row per run, no metrics) to --out (.csv or .parquet) and exit',
    )
    .option(
      '--points <file>',
      'run the points of a .csv or .parquet file (columns: parameter paths) instead of the design',
    );
  withModelsOption(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim batch tutorial --runs 100 --out runs.parquet\n  aci-sim batch experiments/tutorial-packages.yaml --runs 4 --workers 2\n  aci-sim batch experiments/tutorial-packages.yaml --print-slurm 16 > job.sh',
    )
    .action(action((target: string, flags: BatchFlags) => batch(target, flags, io)));
}

async function batch(target: string, flags: BatchFlags, io: CliIo): Promise<number> {
  const problems: Diagnostic[] = [];
  const common = withPoints(parseCommon(flags, problems, io.cwd, io.env), flags, io.cwd, problems);
  const { chooseShard, chooseWorkers } = await import('../../batch/shard.js');
  const shard = chooseShard(flags.shard, io.env, problems);
  const workers = chooseWorkers(flags.workers, io.env, problems);
  const ext = flags.out === undefined ? 'csv' : formatOf(flags.out);
  if (ext === null)
    problems.push(
      fileDiag('--out', 'cli/out', `expected a file ending in .csv, .jsonl or .parquet, got "${flags.out}"`),
    );
  if (problems.length > 0) return reportDiagnostics(io, problems);
  const setup = await loadAndPlan(io, target, common, flags.posterior);
  if (!setup) return EXIT_USAGE;
  const { exp, plan } = setup;
  if (flags.designOnly)
    return designOnly(io, exp, plan, shard, flags, defaultOut(exp, plan, shard, 'design.csv'));
  if (flags.printSlurm !== undefined)
    return printSlurm(io, target, exp, plan, flags, common, flags.out === undefined ? 'parquet' : ext!);
  for (const w of plan.design.warnings) io.stderr.write(`warning: ${w}\n`);
  const out = flags.summaryOnly ? null : { file: flags.out ?? defaultOut(exp, plan, shard), format: ext! };
  const onStart = (done: number, total: number) => {
    if (flags.quiet) return;
    const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
    const size = `${plan.size} runs (${n(plan.points, 'point')} × ${n(plan.levers, 'lever setting')} × ${n(plan.replications, 'replication')})`;
    const part = shard.count > 1 ? `, shard ${shard.index}/${shard.count} (${total} runs)` : '';
    const kept = done > 0 ? `, resuming after ${done}` : '';
    io.stderr.write(
      `batch: ${exp.id}: ${size}${part}${kept}, ${n(workers, 'thread')}${out ? ` → ${out.file}` : ''}\n`,
    );
  };
  const { invocationOf } = await import('../invocation.js');
  const invocation = invocationOf(io, commandLine(target, flags), target, common);
  const report = await runWithSignals(io, exp, plan, { shard, workers, out, flags, onStart, invocation });
  if (!report) return EXIT_USAGE;
  if (report === 'crashed') return EXIT_FAILURE;
  const { formatSummary } = await import('../../batch/summary.js');
  if (report.state === 'complete' && out) {
    io.stderr.write(`${out.file} is already complete; nothing to do\n`);
    const { summarizeFile } = await import('./summarize.js');
    return summarizeFile(io, out.file, false);
  }
  io.stdout.write(formatSummary(report.summary));
  if (report.state === 'interrupted') {
    io.stderr.write(
      `interrupted after ${report.ok + report.failed} of ${report.planned} runs; continue with the same command and --resume\n`,
    );
    return EXIT_INTERRUPTED;
  }
  if (out && !flags.quiet)
    io.stderr.write(`wrote ${out.file} and ${out.file}.manifest.json (${report.seconds.toFixed(1)} s)\n`);
  return EXIT_OK;
}

/** --runs, --seed and --policy as loader options. */
export function parseCommon(
  flags: { runs?: string; seed?: string; policy?: string; models?: string[] },
  problems: Diagnostic[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = {},
): ExperimentOptions {
  const opts: { -readonly [K in keyof ExperimentOptions]: ExperimentOptions[K] } = {
    cwd,
    cacheDir: formulaCacheDir(env),
    modelDirs: modelDirs({ cwd, env }, flags.models),
  };
  if (flags.runs !== undefined) {
    const n = Number(flags.runs);
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_RUNS)
      problems.push(
        fileDiag('--runs', 'cli/runs', `expected a whole number from 1 to ${MAX_RUNS}, got "${flags.runs}"`),
      );
    else opts.runs = n;
  }
  if (flags.seed !== undefined) opts.seed = parseSeed(flags.seed, problems);
  if (flags.policy !== undefined) {
    // Side ids are checked against the scenario's two sides once it is loaded (experiment-levers.ts).
    const players: Record<string, string> = {};
    for (const part of flags.policy.split(',').filter(Boolean)) {
      const [side, name] = part.split('=').map((s) => s.trim());
      if (side && name) players[side] = name;
      else
        problems.push(
          fileDiag('--policy', 'cli/policy', `expected SIDE=policy with SIDE a side's id, got "${part}"`),
        );
    }
    opts.players = players;
  }
  return opts;
}

/** Loads the experiment and builds its plan; prints diagnostics and returns null (exit code 2) on failure. */
export async function loadAndPlan(
  io: CliIo,
  target: string,
  opts: ExperimentOptions,
  posterior?: string,
): Promise<{ exp: LoadedExperiment; plan: Plan } | null> {
  const { loadExperiment } = await import('../../io/load-experiment.js');
  const { makePlan } = await import('../../batch/plan.js');
  const r = await loadExperiment(target, opts);
  if (!r.ok) {
    reportDiagnostics(io, r.error);
    return null;
  }
  const exp = posterior === undefined ? r : await attachPosterior(io, r.value, posterior);
  if (!exp.ok) {
    reportDiagnostics(io, exp.error);
    return null;
  }
  try {
    return { exp: exp.value, plan: makePlan(exp.value) };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    reportDiagnostics(io, [{ ...r.value.locate(['design']), code: 'experiment/design', message: e.message }]);
    return null;
  }
}

/** Runs the batch; Ctrl-C (or SIGTERM) stops handing out runs and leaves a resumable output; a second one quits. */
export async function runWithSignals(
  io: CliIo,
  exp: LoadedExperiment,
  plan: Plan,
  o: {
    shard: import('../../batch/plan.js').Shard;
    workers: number;
    out: { file: string; format: Format } | null;
    flags: { resume?: boolean; force?: boolean; quiet?: boolean };
    onRow?: (row: readonly import('../../io/writers/columns.js').Cell[]) => void;
    onStart?: (done: number, total: number) => void;
    workerEntry?: URL;
    invocation?: import('../../io/writers/manifest.js').Invocation;
  },
): Promise<BatchReport | 'crashed' | null> {
  const { runBatch } = await import('../../batch/run-batch.js');
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) return io.exit?.(EXIT_INTERRUPTED);
    io.stderr.write('\nstopping: finishing the runs under way (Ctrl-C again to quit at once)\n');
    stop.abort();
  };
  const off = (['SIGINT', 'SIGTERM'] as const).map((s) => io.on?.(s, onSignal));
  try {
    const r = await runBatch({
      experiment: exp,
      plan,
      shard: o.shard,
      workers: o.workers,
      out: o.out,
      resume: o.flags.resume ?? false,
      force: o.flags.force ?? false,
      progress: o.flags.quiet ? 'quiet' : io.stderr.isTTY ? 'tty' : 'lines',
      progressWrite: (text) => io.stderr.write(text),
      version: toolVersion(),
      cwd: io.cwd,
      signal: stop.signal,
      ...(o.onRow ? { onRow: o.onRow } : {}),
      ...(o.onStart ? { onStart: o.onStart } : {}),
      ...(o.workerEntry ? { workerEntry: o.workerEntry } : {}),
      ...(o.invocation ? { invocation: o.invocation } : {}),
    });
    if (!r.ok) {
      reportDiagnostics(io, r.error);
      return null;
    }
    if (r.value.state === 'crashed') {
      const kept = r.value.ok + r.value.failed;
      const where = o.out
        ? ` are kept in ${o.out.file}; continue with the same command and --resume`
        : ' are lost (no --out)';
      io.stderr.write(`${r.value.reason}: stopped after ${kept} of ${r.value.planned} runs, which${where}\n`);
      return 'crashed';
    }
    return r.value;
  } finally {
    for (const f of off) f?.();
  }
}

/** `batch TARGET --flag value…` as the parsed flags say (commander gives no raw argv to an action). */
function commandLine(target: string, flags: BatchFlags): string[] {
  const out = ['batch', target];
  for (const [key, value] of Object.entries(flags)) {
    if (value === undefined || value === false) continue;
    out.push(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    if (value !== true) out.push(String(value));
  }
  return out;
}

export const toolVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;

function defaultOut(
  exp: LoadedExperiment,
  plan: Plan,
  shard: { index: number; count: number },
  ext = 'csv',
): string {
  const n = exp.points ? plan.points : (exp.design.n ?? plan.points);
  const part = shard.count > 1 ? `.shard-${shard.index}-of-${shard.count}` : '';
  const type = exp.points ? 'points' : exp.design.type;
  return `results/${exp.id}-${type}-${n}-s${exp.seed}${part}.${ext}`;
}

/** The experiment with its runs drawing parameters from the posterior FILE; every problem at its line. */
export async function attachPosterior(
  io: CliIo,
  exp: LoadedExperiment,
  file: string,
): Promise<{ ok: true; value: LoadedExperiment } | { ok: false; error: Diagnostic[] }> {
  const { checkPosterior, readPosterior } = await import('../../io/posterior.js');
  const { withPosterior } = await import('../../io/load-experiment.js');
  const { resolve } = await import('node:path');
  const t = readPosterior(resolve(io.cwd, file), file);
  if (!t.ok) return t;
  const all = [exp.loaded, ...exp.packages.map((p) => p.loaded)].flatMap((l) =>
    checkPosterior(t.value, l.scenario),
  );
  // Packages share the scenario's numbers: a path missing from it is missing from each, said once.
  const problems = [...new Map(all.map((d) => [`${d.line}:${d.col}:${d.message}`, d])).values()];
  if (problems.length > 0) return { ok: false, error: problems };
  return { ok: true, value: withPosterior(exp, t.value) };
}
