// `aci-sim plot FILE --x PARAM --y METRIC`: an SVG (or an HTML page holding
// it) of a batch output: the mean of the metric per swept value with its
// interval, or a scatter over a continuous input (src/batch/plot-data.ts,
// drawn by src/report/svg/xy-chart.ts).
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { batchOutputFile } from '../batch-output-file.js';
import { EXIT_OK, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';

interface PlotFlags {
  x: string;
  y: string;
  by?: string;
  out?: string;
  force?: boolean;
}

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('plot')
    .description('Chart a batch output: a metric against a swept input (mean with interval) or a scatter')
    .argument('<file>', 'a .csv, .jsonl or .parquet file written by aci-sim batch or merge')
    .requiredOption('--x <param>', 'the input on the x axis (a parameter column)')
    .requiredOption('--y <metric>', 'the metric on the y axis (a numeric column, or landing)')
    .option('--by <column>', 'one series per value of this column (e.g. package, policy_eu)')
    .option('--out <file>', 'chart.svg or chart.html (default: <file>-<y>-by-<x>.svg beside the file)')
    .option('--force', 'overwrite an existing chart')
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim batch experiments/tutorial-packages.yaml --runs 5 --out results/packages.parquet --quiet\n  aci-sim plot results/packages.parquet --x parameters.g7_alignment --y landing\n  aci-sim plot results/packages.parquet --x parameters.g7_alignment --y pain_eu --by package --out chart.html',
    )
    .action(action((file: string, flags: PlotFlags) => plot(io, file, flags)));
}

async function plot(io: CliIo, file: string, flags: PlotFlags): Promise<number> {
  const input = batchOutputFile(io.cwd, file);
  if ('message' in input) return reportDiagnostics(io, [input]);
  const { format, at } = input;
  const out = flags.out ?? `${file.replace(/\.[^./\\]+$/, '')}-${safe(flags.y)}-by-${safe(flags.x)}.svg`;
  const html = /\.html?$/i.test(out);
  const problems: Diagnostic[] = [];
  if (!html && !/\.svg$/i.test(out))
    problems.push(fileDiag('--out', 'cli/out', `expected a file ending in .svg or .html, got "${out}"`));
  else if (existsSync(resolve(io.cwd, out)) && !flags.force)
    problems.push(fileDiag(out, 'plot/exists', 'already exists; add --force to overwrite it'));
  const { columnsOf, readRows } = await import('../../batch/read-rows.js');
  const { PlotData, plotProblems } = await import('../../batch/plot-data.js');
  const columns = await columnsOf(at, format);
  const req = { x: flags.x, y: flags.y, ...(flags.by === undefined ? {} : { by: flags.by }) };
  for (const p of plotProblems(columns, req)) problems.push(fileDiag(p.flag, 'cli/plot', p.message));
  if (problems.length > 0) return reportDiagnostics(io, problems);
  const data = new PlotData(columns, req);
  for await (const row of readRows(at, format, columns)) data.add(row);
  const r = data.result();
  if (r.rows === 0)
    return reportDiagnostics(io, [fileDiag(file, 'plot/empty', `no row has both ${flags.x} and ${flags.y}`)]);
  const { xyChart } = await import('../../report/svg/xy-chart.js');
  const yLabel = flags.y === 'landing' ? 'share of runs ending in a landing zone' : flags.y;
  const what =
    r.kind === 'sweep'
      ? `mean of ${yLabel} at each value of ${flags.x}, with a 95% interval (rows taken as independent)`
      : `${yLabel} against ${flags.x}, one point per run${r.drawn < r.rows ? ` (every ${Math.ceil(r.rows / r.drawn)}th of ${r.rows})` : ''}`;
  const title = `${yLabel} by ${flags.x}${flags.by ? `, per ${flags.by}` : ''}`;
  const svg = xyChart({
    id: 'plot',
    title,
    desc: `${what}; ${r.rows} runs of ${basename(file)}`,
    kind: r.kind,
    xLabel: flags.x,
    yLabel,
    series: r.series,
  });
  const { writeFileAtomic } = await import('../../io/atomic.js');
  writeFileAtomic(resolve(io.cwd, out), html ? page(title, what, svg) : `${svg}\n`);
  if (r.skipped > 0) io.stderr.write(`${r.skipped} rows left out (failed, or no ${flags.x} or ${flags.y})\n`);
  io.stderr.write(`wrote ${out}: a ${r.kind} of ${r.rows} runs (${r.drawn} points)\n`);
  return EXIT_OK;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '_');

/** A self-contained page around the chart. */
function page(title: string, what: string, svg: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${esc(title)}</title></head>\n<body style="font-family: Helvetica, Arial, sans-serif">\n<h1 style="font-size: 1.2em">${esc(title)}</h1>\n<p>${esc(what)}</p>\n${svg}\n</body>\n</html>\n`;
}
