// `aci-sim summarize FILE`: the batch summary of a CSV, JSON Lines or Parquet
// output (outcome shares with Wilson intervals, quantiles, member states,
// lever settings compared), or the same as JSON.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { fileDiag } from '../../io/diagnostics.js';
import { formatOf } from '../../io/writers/columns.js';
import { reportDiagnostics } from '../exit.js';

export function register(program: Command): void {
  program
    .command('summarize')
    .description('Summarize a batch output: outcome shares with 95% intervals, quantiles, levers compared')
    .argument('<file>', 'a .csv, .jsonl or .parquet file written by aci-sim batch or merge')
    .option('--json', 'print the summary as JSON')
    .action((file: string, opts: { json?: boolean }) => summarizeFile(file, opts.json ?? false));
}

export async function summarizeFile(file: string, json: boolean): Promise<void> {
  const format = formatOf(file);
  if (format === null)
    return reportDiagnostics([fileDiag(file, 'cli/format', 'expected a .csv, .jsonl or .parquet file')]);
  if (!existsSync(file))
    return reportDiagnostics([fileDiag(file, 'file/unreadable', 'cannot read file (no such file)')]);
  const { columnsOf, readRows, RowError } = await import('../../batch/read-rows.js');
  const { formatSummary, SummaryBuilder } = await import('../../batch/summary.js');
  const columns = await columnsOf(file, format);
  if (!columns.some((c) => c.name === 'run_id'))
    return reportDiagnostics([
      fileDiag(file, 'summarize/columns', 'has no run_id column: is it a batch output?'),
    ]);
  const summary = new SummaryBuilder(columns);
  try {
    for await (const row of readRows(file, format, columns)) summary.add(row);
  } catch (e) {
    if (!(e instanceof RowError)) throw e;
    return reportDiagnostics([
      {
        ...fileDiag(file, 'summarize/row', e.message.replace(/^[^:]*:\d+: /, '')),
        line: Number(/:(\d+): /.exec(e.message)?.[1] ?? 0),
        col: 1,
      },
    ]);
  }
  const s = summary.result();
  process.stdout.write(json ? `${JSON.stringify(s, null, 2)}\n` : formatSummary(s));
}
