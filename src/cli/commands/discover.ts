// `aci-sim discover FILE --where COND`: scenario discovery with PRIM over a
// batch output's uncertain inputs (src/batch/prim.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { formatOf } from '../../io/writers/columns.js';
import { EXIT_OK, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';

interface DiscoverFlags {
  where: string;
  inputs?: string;
  peelAlpha: string;
  pasteAlpha: string;
  massMin: string;
  threshold: string;
  step?: string;
  json?: boolean;
}

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('discover')
    .description('Scenario discovery: a PRIM box over the uncertain inputs where a condition holds')
    .argument('<file>', 'a .csv, .jsonl or .parquet file written by aci-sim batch or merge')
    .requiredOption('--where <condition>', `the runs of interest, e.g. "outcome == 'landing_zone'"`)
    .option('--inputs <a,b,…>', "columns to search over (default: the batch's uncertain parameters)")
    .option('--peel-alpha <a>', 'share of the box peeled per step', '0.05')
    .option('--paste-alpha <a>', 'share of the box pasted per step', '0.05')
    .option('--mass-min <m>', 'smallest share of the rows a box may hold', '0.05')
    .option('--threshold <d>', 'density the chosen box should reach', '0.8')
    .option('--step <n>', 'paste this step of the peeling trajectory instead of the one --threshold picks')
    .option('--json', 'print the trajectory and the box as JSON')
    .addHelpText(
      'after',
      `\nExamples:\n  aci-sim batch tutorial --runs 100 --out results/runs.parquet --quiet\n  aci-sim discover results/runs.parquet --where "outcome == 'landing_zone'"\n  aci-sim discover results/runs.parquet --where "pain_eu > 15 and round <= 8" --threshold 0.5`,
    )
    .action(action((file: string, flags: DiscoverFlags) => discover(io, file, flags)));
}

async function discover(io: CliIo, file: string, flags: DiscoverFlags): Promise<number> {
  const problems: Diagnostic[] = [];
  const share = (flag: string, text: string, lo: number, hi: number) => {
    const v = Number(text);
    if (!(v > lo && v <= hi))
      problems.push(
        fileDiag(flag, 'cli/discover', `expected a number above ${lo} and at most ${hi}, got "${text}"`),
      );
    return v;
  };
  const o = {
    peelAlpha: share('--peel-alpha', flags.peelAlpha, 0, 0.5),
    pasteAlpha: share('--paste-alpha', flags.pasteAlpha, 0, 0.5),
    massMin: share('--mass-min', flags.massMin, 0, 1),
    threshold: share('--threshold', flags.threshold, 0, 1),
    ...(flags.step === undefined ? {} : { step: Number(flags.step) }),
  };
  if (flags.step !== undefined && !(Number.isSafeInteger(Number(flags.step)) && Number(flags.step) >= 0))
    problems.push(fileDiag('--step', 'cli/discover', `expected a step number ≥ 0, got "${flags.step}"`));
  const format = formatOf(file);
  if (format === null)
    problems.push(fileDiag(file, 'cli/format', 'expected a .csv, .jsonl or .parquet file'));
  if (problems.length > 0) return reportDiagnostics(io, problems);
  const at = resolve(io.cwd, file);
  if (!existsSync(at))
    return reportDiagnostics(io, [fileDiag(file, 'file/unreadable', 'cannot read file (no such file)')]);
  const { columnsOf, readRows } = await import('../../batch/read-rows.js');
  const { DiscoverData, formatDiscovery, parseWhere } = await import('../../batch/discover.js');
  const { manifestPath, readManifest } = await import('../../io/writers/manifest.js');
  const columns = await columnsOf(at, format!);
  const where = parseWhere(flags.where, columns);
  if (typeof where === 'string') return reportDiagnostics(io, [fileDiag('--where', 'cli/where', where)]);
  const m = existsSync(manifestPath(at)) ? readManifest(manifestPath(at)) : null;
  const inputs =
    flags.inputs
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? (m?.ok ? m.value.plan.parameters : []);
  const missing = inputs.filter((p) => !columns.some((c) => c.name === p));
  if (inputs.length === 0 || missing.length > 0)
    return reportDiagnostics(io, [
      fileDiag(
        inputs.length === 0 ? file : '--inputs',
        'cli/inputs',
        inputs.length === 0
          ? 'no inputs to search over: the file has no manifest naming its uncertain parameters; name columns with --inputs'
          : `no column ${missing.map((p) => `"${p}"`).join(', ')} in ${file}`,
      ),
    ]);
  const data = new DiscoverData(columns, inputs, where);
  for await (const row of readRows(at, format!, columns)) data.add(row);
  let r: ReturnType<typeof data.run>;
  try {
    r = data.run(o);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return reportDiagnostics(io, [
      fileDiag('--where', 'cli/where', `${e.message} (no row of ${file} meets "${flags.where}")`),
    ]);
  }
  if (flags.json) {
    const named = (b: readonly (readonly [number, number])[]) =>
      Object.fromEntries(b.map((x, j) => [inputs[j]!, x]));
    const json = {
      where: flags.where,
      rows: data.rows,
      skipped: data.skipped,
      chosen: r.chosen,
      trajectory: r.trajectory.map((s) => ({ ...s, box: named(s.box) })),
      box: { ...r.box, box: named(r.box.box) },
      ranges: named(r.ranges),
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else io.stdout.write(formatDiscovery(r, inputs, flags.where, data.rows));
  if (data.skipped > 0) io.stderr.write(`${data.skipped} rows left out (failed, or an input missing)\n`);
  return EXIT_OK;
}
