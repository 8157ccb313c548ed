// `aci-sim sensitivity <experiment> --method sobol|morris`: runs the design
// through the batch machinery once and ranks the uncertain parameters (or
// groups of them) by their Sobol' indices (S1, ST with bootstrap intervals)
// or Morris μ* and σ, for every metric asked from the same runs;
// `--from FILE` analyses a batch output already written.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { METRICS } from '../../io/metrics-list.js';
import { formatOf } from '../../io/writers/columns.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import { withModelsOption } from '../options.js';
import { defaultMetrics, outputsFree, writeAnalysis } from '../sensitivity-report.js';
import { EXIT_INTERRUPTED, loadAndPlan, parseCommon, runWithSignals } from './batch.js';

interface Flags {
  method?: string;
  metric?: string;
  groups?: string;
  from?: string;
  html?: string;
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
const GROUPS = ['file', 'kind', 'none'] as const;

export function register(program: Command, { io, action }: CommandContext): void {
  const cmd = program
    .command('sensitivity')
    .description('Rank uncertain parameters by Sobol indices (S1, ST with CIs) or Morris μ*, σ')
    .argument('[experiment|scenario]', 'experiment file, or scenario id or file (its uncertain numbers)')
    .option(
      '--method <sobol|morris>',
      'sobol (Saltelli design) or morris (elementary effects); --from: the file’s',
    )
    .option(
      '--metric <names>',
      `outputs analysed, comma-separated, all from the same runs: ${NUMERIC.join(', ')}, pain_<side>, pain_<side>_pct, substitution_<side> (side: its id in lower case, or target/coercer), state:<code>, or the experiment's own metrics (default: landing and every numeric metric recorded but the member states')`,
    )
    .option(
      '--groups <file|kind|none>',
      'sobol: one index per group of numbers: by declaring file, or by kind',
    )
    .option(
      '--from <file>',
      'analyse the rows of a sobol or morris batch already written (with its manifest)',
    )
    .option('--html <file>', 'sobol: also write the convergence charts as one HTML page')
    .option(
      '--runs <n>',
      'sobol: base sample N (runs = N·(g+2), g groups or parameters); morris: trajectories',
    )
    .option('--seed <n>', 'master seed')
    .option('--workers <n>', 'threads running games (default: SLURM_CPUS_PER_TASK, else every core)')
    .option('--out <file.csv>', 'indices as CSV (default results/<id>-<method>[-<metric>].csv)')
    .option('--save-runs <file>', 'also keep the runs (.csv, .jsonl or .parquet)')
    .option('--policy <EU=name,CN=name>', 'computer players for sides the experiment does not sweep')
    .option('--force', 'overwrite existing outputs')
    .option('--quiet', 'no progress on stderr');
  withModelsOption(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim sensitivity tutorial --method sobol --runs 16 --metric landing,pain_eu,pain_cn\n  aci-sim sensitivity experiments/tutorial-sensitivity.yaml --method morris --runs 4 --metric landing\n  aci-sim sensitivity rare-earths-2025 --method sobol --groups kind --runs 8 --metric landing,pain_eu --save-runs results/runs.parquet --html results/convergence.html\n  aci-sim sensitivity --from results/runs.parquet --metric landing',
    )
    .action(action((target: string | undefined, flags: Flags) => sensitivity(target, flags, io)));
}

async function sensitivity(target: string | undefined, flags: Flags, io: CliIo): Promise<number> {
  const problems: Diagnostic[] = [];
  const method = flags.method;
  if (method !== undefined && method !== 'sobol' && method !== 'morris')
    problems.push(
      fileDiag(
        '--method',
        'cli/method',
        `expected sobol or morris, got "${method}"${didYouMean(String(method), ['sobol', 'morris'])}`,
      ),
    );
  const groups = flags.groups as (typeof GROUPS)[number] | undefined;
  if (groups !== undefined && !GROUPS.includes(groups))
    problems.push(
      fileDiag(
        '--groups',
        'cli/groups',
        `expected file, kind or none, got "${flags.groups}"${didYouMean(String(groups), GROUPS)}`,
      ),
    );
  if (flags.out !== undefined && formatOf(flags.out) !== 'csv')
    problems.push(fileDiag('--out', 'cli/out', `expected a file ending in .csv, got "${flags.out}"`));
  if (flags.html !== undefined && !/\.html?$/.test(flags.html))
    problems.push(fileDiag('--html', 'cli/out', `expected a file ending in .html, got "${flags.html}"`));
  if (flags.from !== undefined) {
    if (target !== undefined)
      problems.push(
        fileDiag('--from', 'cli/usage', `give an experiment or --from FILE, not both (got "${target}")`),
      );
    for (const f of ['runs', 'seed', 'policy', 'saveRuns', 'groups', 'workers'] as const)
      if (flags[f] !== undefined)
        problems.push(
          fileDiag(
            '--from',
            'cli/usage',
            `--${f.replace('R', '-r')} does not apply: --from analyses rows already run`,
          ),
        );
    if (problems.length > 0) return reportDiagnostics(io, problems);
    return fromFile(flags.from, flags, io);
  }
  if (target === undefined)
    problems.push(
      fileDiag('sensitivity', 'cli/usage', 'name an experiment or scenario, or give --from FILE'),
    );
  if (method === undefined)
    problems.push(fileDiag('--method', 'cli/method', 'missing --method sobol or --method morris'));
  if (flags.html !== undefined && method === 'morris')
    problems.push(fileDiag('--html', 'cli/usage', 'the convergence charts are for a sobol analysis'));
  if (groups !== undefined && method === 'morris')
    problems.push(
      fileDiag(
        '--groups',
        'cli/usage',
        'groups are for a sobol analysis (morris moves one number at a time)',
      ),
    );
  const common = parseCommon(flags, problems, io.cwd, io.env);
  const { chooseWorkers } = await import('../../batch/shard.js');
  const workers = chooseWorkers(flags.workers, io.env, problems);
  const saveFormat = flags.saveRuns === undefined ? null : formatOf(flags.saveRuns);
  if (flags.saveRuns !== undefined && saveFormat === null)
    problems.push(
      fileDiag(
        '--save-runs',
        'cli/out',
        `expected a file ending in .csv, .jsonl or .parquet, got "${flags.saveRuns}"`,
      ),
    );
  if (problems.length > 0 || target === undefined || (method !== 'sobol' && method !== 'morris'))
    return reportDiagnostics(io, problems);
  const asked = flags.metric
    ?.split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  const setup = await loadAndPlan(io, target, {
    ...common,
    method,
    ...(groups === undefined ? {} : { groups }),
    ...(asked === undefined ? {} : { ensureMetrics: asked }),
  });
  if (!setup) return EXIT_USAGE;
  const { exp, plan } = setup;
  const { slimColumns } = await import('../../batch/metrics.js');
  const columns = slimColumns(exp);
  const metrics = (asked ?? defaultMetrics(columns)).map((m) => (m === 'outcome' ? 'landing' : m));
  const one = metrics.length === 1 ? `-${metrics[0]!.replace(':', '_')}` : '';
  const out = flags.out ?? `results/${exp.id}-${method}${one}.csv`;
  const taken = outputsFree([out, flags.html ?? null], flags.force);
  if (taken.length > 0) return reportDiagnostics(io, taken);
  for (const w of plan.design.warnings) io.stderr.write(`warning: ${w}\n`);
  const { MetricByPoint } = await import('../../batch/sensitivity.js');
  const { OutcomeByPoint } = await import('../../batch/convergence.js');
  const { analysisDesign } = await import('../../batch/sensitivity-design.js');
  const ys = metrics.map((m) => new MetricByPoint(plan, columns, m));
  const outcomes = new OutcomeByPoint(plan, columns);
  if (!flags.quiet)
    io.stderr.write(
      `sensitivity: ${exp.id}: ${method}, ${plan.size} runs, metrics ${metrics.join(', ')}, ${workers} threads\n`,
    );
  const { WHOLE } = await import('../../batch/plan.js');
  const saveTo = flags.saveRuns && saveFormat ? { file: flags.saveRuns, format: saveFormat } : null;
  if (saveTo) mkdirSync(dirname(saveTo.file), { recursive: true });
  const report = await runWithSignals(io, exp, plan, {
    shard: WHOLE,
    workers,
    out: saveTo,
    flags,
    onRow: (row) => {
      for (const y of ys) y.add(row);
      outcomes.add(row);
    },
  });
  if (!report) return EXIT_USAGE;
  if (report === 'crashed') return EXIT_FAILURE;
  if (report.state === 'interrupted') return EXIT_INTERRUPTED;
  await writeAnalysis(io, {
    ...{ method, design: analysisDesign(plan), metrics: ys, outcomes, levers: exp.levers },
    sides: [exp.loaded.scenario.blocs.target.id, exp.loaded.scenario.blocs.coercer.id],
    ...{ seed: exp.seed, title: exp.id, out, html: flags.html ?? null, quiet: flags.quiet ?? false },
  });
  return EXIT_OK;
}

async function fromFile(file: string, flags: Flags, io: CliIo): Promise<number> {
  const { readDesignRows } = await import('../sensitivity-from.js');
  const rows = await readDesignRows(io, file, flags);
  if (Array.isArray(rows)) return reportDiagnostics(io, rows);
  const one = rows.metrics.length === 1 ? `-${rows.metrics[0]!.metric.replace(':', '_')}` : '';
  const out = flags.out ?? `${rows.stem}-${rows.method}${one}.csv`;
  const taken = outputsFree([out, flags.html ?? null], flags.force);
  if (taken.length > 0) return reportDiagnostics(io, taken);
  if (flags.html !== undefined && rows.method === 'morris')
    return reportDiagnostics(io, [
      fileDiag('--html', 'cli/usage', 'the convergence charts are for a sobol analysis'),
    ]);
  await writeAnalysis(io, { ...rows, out, html: flags.html ?? null, quiet: flags.quiet ?? false });
  return EXIT_OK;
}
