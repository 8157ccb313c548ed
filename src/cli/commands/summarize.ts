// `aci-sim summarize FILE`: the batch summary of a CSV, JSON Lines or Parquet
// output (outcome shares with Wilson intervals, quantiles, member states,
// lever settings compared), or the same as JSON.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { fileDiag } from '../../io/diagnostics.js';
import { batchOutputFile } from '../batch-output-file.js';
import { EXIT_OK, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('summarize')
    .description('Summarize a batch output: outcome shares with 95% intervals, quantiles, levers compared')
    .argument('<file>', 'a .csv, .jsonl or .parquet file written by aci-sim batch or merge')
    .option('--json', 'print the summary as JSON')
    .option(
      '--metric <names>',
      'also the distribution of these metric columns (comma-separated; an experiment’s own metrics, landing) per lever setting',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim batch tutorial --runs 100 --out runs.csv --quiet\n  aci-sim summarize runs.csv\n  aci-sim summarize runs.csv --json\n  aci-sim summarize runs.csv --metric landing',
    )
    .action(
      action((file: string, opts: { json?: boolean; metric?: string }) =>
        summarizeFile(io, file, opts.json ?? false, opts.metric),
      ),
    );
}

/** Prints the summary of `file` (named as given, read from io.cwd); resolves to the exit code. */
export async function summarizeFile(
  io: CliIo,
  file: string,
  json: boolean,
  metric?: string,
): Promise<number> {
  const input = batchOutputFile(io.cwd, file);
  if ('message' in input) return reportDiagnostics(io, [input]);
  const { format, at } = input;
  const { columnsOf, readRows, RowError } = await import('../../batch/read-rows.js');
  const { formatSummary, SummaryBuilder } = await import('../../batch/summary.js');
  const columns = await columnsOf(at, format);
  const names = columns.map((c) => c.name);
  if (names.slice(0, 4).join(',') !== 'run_id,point,replication,seed' || names.at(-1) !== 'error')
    return reportDiagnostics(io, [
      fileDiag(
        file,
        'summarize/columns',
        'is not a batch output: its columns do not begin with run_id, point, replication, seed and end with error',
      ),
    ]);
  const { designInfo } = await import('../../batch/design-stats.js');
  const { manifestPath, readManifest } = await import('../../io/writers/manifest.js');
  // The manifest says which rows share futures; without one each design point is its own cluster.
  const m = existsSync(manifestPath(at)) ? readManifest(manifestPath(at)) : null;
  const info = m?.ok ? designInfo(m.value.plan.design, m.value.plan.parameters.length) : undefined;
  const summary = new SummaryBuilder(columns, info);
  const asked =
    metric
      ?.split(',')
      .map((m) => m.trim())
      .filter(Boolean) ?? [];
  const numeric = columns
    .filter((c) => c.type !== 'string' && c.name !== 'point' && c.name !== 'replication')
    .map((c) => c.name);
  const usable = [...(names.includes('outcome') ? ['landing'] : []), ...numeric];
  const unknown = asked.filter((m) => !usable.includes(m.replace(/^state:/, 'state_')));
  if (unknown.length > 0) {
    const { didYouMean } = await import('../../io/did-you-mean.js');
    return reportDiagnostics(
      io,
      unknown.map((m) =>
        fileDiag('--metric', 'cli/metric', `${file} has no numeric metric "${m}"${didYouMean(m, usable)}`),
      ),
    );
  }
  const { MetricTable, formatMetricTable } = await import('../../batch/metric-table.js');
  const table = asked.length > 0 ? new MetricTable(columns, asked) : null;
  try {
    for await (const row of readRows(at, format, columns)) {
      summary.add(row);
      table?.add(row);
    }
  } catch (e) {
    if (!(e instanceof RowError)) throw e;
    return reportDiagnostics(io, [
      {
        ...fileDiag(file, 'summarize/row', e.message.replace(/^[^:]*:\d+: /, '')),
        line: Number(/:(\d+): /.exec(e.message)?.[1] ?? 0),
        col: 1,
      },
    ]);
  }
  const s = summary.result();
  const metrics = table?.result();
  io.stdout.write(
    json
      ? `${JSON.stringify(metrics ? { ...s, metrics } : s, null, 2)}\n`
      : formatSummary(s) + (metrics ? `\n${formatMetricTable(metrics)}` : ''),
  );
  return EXIT_OK;
}
