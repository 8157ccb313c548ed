// `aci-sim sensitivity <experiment> --method sobol|morris`: runs the design
// through the batch machinery and ranks the uncertain parameters by their
// Sobol' indices (S1, ST with bootstrap intervals) or Morris μ* and σ.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../io/atomic.js';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { METRICS } from '../../io/metrics-list.js';
import { formatOf } from '../../io/writers/columns.js';
import { csvHeader, csvRow } from '../../io/writers/csv.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import { withModelsOption } from '../options.js';
import { EXIT_INTERRUPTED, loadAndPlan, parseCommon, runWithSignals } from './batch.js';

interface Flags {
  method?: string;
  metric?: string;
  runs?: string;
  seed?: string;
  workers?: string;
  out?: string;
  saveRuns?: string;
  policy?: string;
  force?: boolean;
  quiet?: boolean;
  models: string[];
}

const NUMERIC = [...METRICS.filter((m) => m !== 'outcome'), 'landing'];
/** A side's metrics, by its id in lower case or its role: checked against the scenario when it loads. */
const SIDE_METRIC = /^(pain_[a-z0-9]+(_pct)?|substitution_[a-z0-9]+)$/;

export function register(program: Command, { io, action }: CommandContext): void {
  const cmd = program
    .command('sensitivity')
    .description('Rank uncertain parameters by Sobol indices (S1, ST with CIs) or Morris μ*, σ')
    .argument('<experiment|scenario>', 'experiment file, or scenario id or file (its uncertain numbers)')
    .requiredOption('--method <sobol|morris>', 'sobol (Saltelli design) or morris (elementary effects)')
    .option(
      '--metric <name>',
      `output analysed: ${NUMERIC.join(', ')}, pain_<side>, pain_<side>_pct, substitution_<side> (side: its id in lower case, or target/coercer) or state:<code>`,
    )
    .option('--runs <n>', 'sobol: base sample N (runs = N·(k+2)); morris: trajectories')
    .option('--seed <n>', 'master seed')
    .option('--workers <n>', 'threads running games (default: SLURM_CPUS_PER_TASK, else every core)')
    .option('--out <file.csv>', 'indices as CSV (default results/<id>-<method>-<metric>.csv)')
    .option('--save-runs <file>', 'also keep the runs (.csv, .jsonl or .parquet)')
    .option('--policy <EU=name,CN=name>', 'computer players for sides the experiment does not sweep')
    .option('--force', 'overwrite existing outputs')
    .option('--quiet', 'no progress on stderr');
  withModelsOption(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim sensitivity tutorial --method sobol --runs 16\n  aci-sim sensitivity experiments/tutorial-sensitivity.yaml --method morris --runs 4 --metric landing',
    )
    .action(action((target: string, flags: Flags) => sensitivity(target, flags, io)));
}

async function sensitivity(target: string, flags: Flags, io: CliIo): Promise<number> {
  const problems: Diagnostic[] = [];
  const method = flags.method;
  if (method !== 'sobol' && method !== 'morris')
    problems.push(
      fileDiag(
        '--method',
        'cli/method',
        `expected sobol or morris, got "${method}"${didYouMean(String(method), ['sobol', 'morris'])}`,
      ),
    );
  if (
    flags.metric !== undefined &&
    !NUMERIC.includes(flags.metric) &&
    !SIDE_METRIC.test(flags.metric) &&
    !/^state:[A-Z]{2}$/.test(flags.metric)
  )
    problems.push(
      fileDiag(
        '--metric',
        'cli/metric',
        `unknown metric "${flags.metric}"${didYouMean(flags.metric, NUMERIC)} (numeric metrics: ${NUMERIC.join(', ')}, pain_<side>, pain_<side>_pct, substitution_<side>, state:<code>)`,
      ),
    );
  const common = parseCommon(flags, problems, io.cwd, io.env);
  const { chooseWorkers } = await import('../../batch/shard.js');
  const workers = chooseWorkers(flags.workers, io.env, problems);
  if (flags.out !== undefined && formatOf(flags.out) !== 'csv')
    problems.push(fileDiag('--out', 'cli/out', `expected a file ending in .csv, got "${flags.out}"`));
  const saveFormat = flags.saveRuns === undefined ? null : formatOf(flags.saveRuns);
  if (flags.saveRuns !== undefined && saveFormat === null)
    problems.push(
      fileDiag(
        '--save-runs',
        'cli/out',
        `expected a file ending in .csv, .jsonl or .parquet, got "${flags.saveRuns}"`,
      ),
    );
  if (problems.length > 0 || (method !== 'sobol' && method !== 'morris'))
    return reportDiagnostics(io, problems);
  const setup = await loadAndPlan(io, target, {
    ...common,
    method,
    ensureMetric: flags.metric ?? 'pain_target',
  });
  if (!setup) return EXIT_USAGE;
  const { exp, plan } = setup;
  // By default, the pain of the target side, named by its id (pain_eu).
  const metric = flags.metric ?? `pain_${exp.loaded.scenario.blocs.target.id.toLowerCase()}`;
  const out = flags.out ?? `results/${exp.id}-${method}-${metric.replace(':', '_')}.csv`;
  if (existsSync(out) && !flags.force)
    return reportDiagnostics(io, [
      fileDiag(out, 'batch/output', 'already exists; add --force to overwrite it'),
    ]);
  for (const w of plan.design.warnings) io.stderr.write(`warning: ${w}\n`);
  const { MetricByPoint, analyse, formatSensitivity, sensitivityCsv } = await import(
    '../../batch/sensitivity.js'
  );
  const { slimColumns } = await import('../../batch/metrics.js');
  const y = new MetricByPoint(plan, slimColumns(exp), metric);
  if (!flags.quiet)
    io.stderr.write(
      `sensitivity: ${exp.id}: ${method}, ${plan.size} runs, metric ${metric}, ${workers} threads\n`,
    );
  const { WHOLE } = await import('../../batch/plan.js');
  const saveTo = flags.saveRuns && saveFormat ? { file: flags.saveRuns, format: saveFormat } : null;
  if (saveTo) mkdirSync(dirname(saveTo.file), { recursive: true });
  const report = await runWithSignals(io, exp, plan, {
    shard: WHOLE,
    workers,
    out: saveTo,
    flags,
    onRow: (row) => y.add(row),
  });
  if (!report) return EXIT_USAGE;
  if (report === 'crashed') return EXIT_FAILURE;
  if (report.state === 'interrupted') return EXIT_INTERRUPTED;
  const result = analyse(method, metric, plan, y, exp.seed);
  for (const w of result.warnings.filter((w) => !plan.design.warnings.includes(w)))
    io.stderr.write(`warning: ${w}\n`);
  const n =
    method === 'sobol'
      ? `N = ${plan.design.saltelli!.N} base rows`
      : `r = ${plan.design.morris!.r} trajectories, p = ${plan.design.morris!.p} levels`;
  io.stdout.write(
    `${method === 'sobol' ? "Sobol' indices" : 'Morris elementary effects'} of ${metric} — ${n}, ${plan.size} runs${method === 'sobol' ? ', 95% bootstrap intervals' : ''}\n\n`,
  );
  const sides = [exp.loaded.scenario.blocs.target.id, exp.loaded.scenario.blocs.coercer.id] as const;
  io.stdout.write(formatSensitivity(result, exp.levers, sides));
  const csv = sensitivityCsv(result, exp.levers, sides);
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(
    out,
    csvHeader(csv.header.map((name) => ({ name, type: 'string' }))) + csv.rows.map(csvRow).join(''),
  );
  if (!flags.quiet) io.stderr.write(`wrote ${out}\n`);
  return EXIT_OK;
}
