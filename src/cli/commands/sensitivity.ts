// `aci-sim sensitivity <experiment> --method sobol|morris`: runs the design
// through the batch machinery and ranks the uncertain parameters by their
// Sobol' indices (S1, ST with bootstrap intervals) or Morris μ* and σ.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { METRICS } from '../../io/metrics-list.js';
import { formatOf } from '../../io/writers/columns.js';
import { csvHeader, csvRow } from '../../io/writers/csv.js';
import { reportDiagnostics } from '../exit.js';
import { loadAndPlan, parseCommon, runWithSignals } from './batch.js';

interface Flags {
  method?: string;
  metric: string;
  runs?: string;
  seed?: string;
  workers?: string;
  out?: string;
  saveRuns?: string;
  policy?: string;
  force?: boolean;
  quiet?: boolean;
}

const NUMERIC = [...METRICS.filter((m) => m !== 'outcome'), 'landing'];

export function register(program: Command): void {
  program
    .command('sensitivity')
    .description('Rank uncertain parameters by Sobol indices (S1, ST with CIs) or Morris μ*, σ')
    .argument('<experiment|scenario>', 'experiment file, or scenario id or file (its uncertain numbers)')
    .requiredOption('--method <sobol|morris>', 'sobol (Saltelli design) or morris (elementary effects)')
    .option('--metric <name>', `output analysed: ${NUMERIC.join(', ')} or state:<code>`, 'pain_eu')
    .option('--runs <n>', 'sobol: base sample N (runs = N·(k+2)); morris: trajectories')
    .option('--seed <n>', 'master seed')
    .option('--workers <n>', 'threads running games (default: SLURM_CPUS_PER_TASK, else every core)')
    .option('--out <file.csv>', 'indices as CSV (default results/<id>-<method>-<metric>.csv)')
    .option('--save-runs <file>', 'also keep the runs (.csv, .jsonl or .parquet)')
    .option('--policy <EU=name,CN=name>', 'computer players for sides the experiment does not sweep')
    .option('--force', 'overwrite existing outputs')
    .option('--quiet', 'no progress on stderr')
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim sensitivity tutorial --method sobol --runs 256\n  aci-sim sensitivity experiments/tutorial-sensitivity.yaml --method morris --metric landing',
    )
    .action(async (target: string, flags: Flags) => {
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
      if (!NUMERIC.includes(flags.metric) && !/^state:[A-Z]{2}$/.test(flags.metric))
        problems.push(
          fileDiag(
            '--metric',
            'cli/metric',
            `unknown metric "${flags.metric}"${didYouMean(flags.metric, NUMERIC)} (numeric metrics: ${NUMERIC.join(', ')}, state:<code>)`,
          ),
        );
      const common = parseCommon(flags, problems);
      const { chooseWorkers } = await import('../../batch/shard.js');
      const workers = chooseWorkers(flags.workers, process.env, problems);
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
        return reportDiagnostics(problems);
      const setup = await loadAndPlan(target, { ...common, method, ensureMetric: flags.metric });
      if (!setup) return;
      const { exp, plan } = setup;
      const out = flags.out ?? `results/${exp.id}-${method}-${flags.metric.replace(':', '_')}.csv`;
      if (existsSync(out) && !flags.force)
        return reportDiagnostics([
          fileDiag(out, 'batch/output', 'already exists; add --force to overwrite it'),
        ]);
      for (const w of plan.design.warnings) process.stderr.write(`warning: ${w}\n`);
      const { MetricByPoint, analyse, formatSensitivity, sensitivityCsv } = await import(
        '../../batch/sensitivity.js'
      );
      const { slimColumns } = await import('../../batch/metrics.js');
      const y = new MetricByPoint(plan, slimColumns(exp), flags.metric);
      if (!flags.quiet)
        process.stderr.write(
          `sensitivity: ${exp.id}: ${method}, ${plan.size} runs, metric ${flags.metric}, ${workers} threads\n`,
        );
      const { WHOLE } = await import('../../batch/plan.js');
      const saveTo = flags.saveRuns && saveFormat ? { file: flags.saveRuns, format: saveFormat } : null;
      if (saveTo) mkdirSync(dirname(saveTo.file), { recursive: true });
      const report = await runWithSignals(exp, plan, {
        shard: WHOLE,
        workers,
        out: saveTo,
        flags,
        onRow: (row) => y.add(row),
      });
      if (!report) return;
      if (report.state === 'interrupted') {
        process.exitCode = 130;
        return;
      }
      const result = analyse(method, flags.metric, plan, y, exp.seed);
      for (const w of result.warnings.filter((w) => !plan.design.warnings.includes(w)))
        process.stderr.write(`warning: ${w}\n`);
      const n =
        method === 'sobol'
          ? `N = ${plan.design.saltelli!.N} base rows`
          : `r = ${plan.design.morris!.r} trajectories, p = ${plan.design.morris!.p} levels`;
      process.stdout.write(
        `${method === 'sobol' ? "Sobol' indices" : 'Morris elementary effects'} of ${flags.metric} — ${n}, ${plan.size} runs${method === 'sobol' ? ', 95% bootstrap intervals' : ''}\n\n`,
      );
      process.stdout.write(formatSensitivity(result, exp.levers));
      const csv = sensitivityCsv(result, exp.levers);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(
        out,
        csvHeader(csv.header.map((name) => ({ name, type: 'string' }))) + csv.rows.map(csvRow).join(''),
      );
      if (!flags.quiet) process.stderr.write(`wrote ${out}\n`);
    });
}
