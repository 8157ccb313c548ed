// `aci-sim explain <id>`: what a measure or dependency is, where its numbers
// come from, the formulas it goes through, and charts of its harm and cost
// computed by the engine. The report and the loaders behind it are imported
// when the command runs.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic } from '../../io/diagnostics.js';
import { fileDiag } from '../../io/diagnostics.js';
import type { Line } from '../../report/explain/doc.js';
import { EXIT_OK, EXIT_USAGE, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import {
  collect,
  DEFAULT_SCENARIO,
  loadForCli,
  loadSettings,
  parseSets,
  withModelsOption,
} from '../options.js';

interface ExplainOptions {
  scenario?: string;
  set: string[];
  rounds: string;
  models: string[];
  html?: boolean;
  out?: string;
  force?: boolean;
}

/** The terminal's width (or $COLUMNS when not a terminal), 80 when unknown, kept between 60 and 160. */
export const terminalWidth = (io: CliIo): number =>
  Math.min(160, Math.max(60, io.stdout.columns || Number(io.env.COLUMNS) || 80));

export function register(program: Command, { io, action }: CommandContext): void {
  const cmd = program
    .command('explain')
    .description('Explain a measure or dependency: legal basis, ladder, sources, formulas and charts')
    .argument('<id>', 'measure or dependency id, e.g. ree_april_licensing or cn_magnets')
    .option(
      '--scenario <scenario>',
      'scenario id or file (default: the first shipped scenario that has the id)',
    )
    .option('--set <path=value>', 'override a parameter by its dotted path (repeatable)', collect, [])
    .option('--rounds <n>', 'rounds for the charts over time', '12')
    .option('--html', 'write the explanation as one self-contained HTML page with SVG charts')
    .option('--out <file>', 'the HTML file to write (default: explain-<id>.html here)')
    .option('--force', 'replace the HTML file if it exists');
  withModelsOption(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim explain duv_servicing_nl\n  aci-sim explain cn_magnets --scenario magnets-april-2025\n  aci-sim explain ree_april_licensing --set dependencies.cn_magnets.buffer_months=1\n  aci-sim explain DE --html --out /tmp/explain-DE.html --force',
    )
    .action(action((id: string, opts: ExplainOptions) => explain(id, opts, io)));
}

async function explain(id: string, opts: ExplainOptions, io: CliIo): Promise<number> {
  const problems: Diagnostic[] = [];
  const set = parseSets(opts.set, problems);
  const rounds = Number(opts.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 120)
    problems.push({
      file: '--rounds',
      line: 0,
      col: 0,
      path: '',
      code: 'cli/rounds',
      message: `expected a whole number of rounds from 1 to 120, got "${opts.rounds}"`,
    });
  if (problems.length > 0) return reportDiagnostics(io, problems);
  if (/^[A-Z]{2}$/.test(id) || id.includes('.')) return explainStateOrParameter(id, opts, set, io);
  const { findScenario } = await import('../../report/explain/find.js');
  const { cacheDir, modelDirs } = loadSettings(io, opts.models);
  const found = await findScenario(id, opts.scenario, DEFAULT_SCENARIO, io.cwd, set, { cacheDir, modelDirs });
  if (!found.ok) return reportDiagnostics(io, found.diagnostics);
  const { loaded, kind } = found;
  const look = { width: terminalWidth(io), colors: colorsWanted(io), rounds };
  const { SimError } = await import('../../engine/index.js');
  const { explainDependency, explainMeasure } = await import('../../report/explain/sections.js');
  try {
    const lines = kind === 'measure' ? explainMeasure(loaded, id, look) : explainDependency(loaded, id, look);
    return emit(id, lines, opts, io);
  } catch (e) {
    if (!(e instanceof SimError) || !e.code.startsWith('formula/')) throw e;
    const at = loaded.formulaOrigin(e.detail.formula as never, e.detail.dependency as string | undefined);
    return reportDiagnostics(io, [{ ...at, code: e.code, message: `${e.message} while drawing the charts` }]);
  }
}

/** `explain DE` (a member state) or `explain parameters.solidarity` (a number by its dotted path). */
async function explainStateOrParameter(
  id: string,
  opts: ExplainOptions,
  set: Record<string, string | number>,
  io: CliIo,
): Promise<number> {
  const loaded = await loadForCli(io, opts.scenario ?? DEFAULT_SCENARIO, set, opts.models);
  if (!loaded) return EXIT_USAGE;
  const sc = loaded.scenario;
  const x = await import('../../report/explain/state-and-parameter.js');
  // The run `aci-sim run --seed 1` plays.
  const seed = { key: (await import('../../rng/streams.js')).runSeed(1, 0, 0), shown: '1' };
  const { didYouMean } = await import('../../io/did-you-mean.js');
  const { canonicalPath } = await import('../../io/path-vocabulary.js');
  const unknown = (what: string, known: string[]) =>
    reportDiagnostics(io, [
      fileDiag('explain', 'cli/unknown-id', `no ${what} "${id}" in ${sc.id}${didYouMean(id, known)}`),
    ]);
  if (!id.includes('.')) {
    if (!sc.states.some((s) => s.id === id))
      return unknown(
        'member state',
        sc.states.map((s) => s.id),
      );
    return emit(id, x.explainState(loaded, id, seed, terminalWidth(io)), opts, io);
  }
  const path = canonicalPath(id) ?? id;
  const value = x.valueAt(sc, path);
  if (value === undefined) return unknown('number at', [...sc.targets.keys()]);
  const sweep = [];
  for (const v of x.sweepValues(value)) {
    const { loadScenario } = await import('../../io/load-scenario.js');
    const r = await loadScenario(opts.scenario ?? DEFAULT_SCENARIO, {
      ...loadSettings(io, opts.models),
      set: { ...set, [path]: v },
    });
    if (r.ok) sweep.push({ value: v, loaded: r.value });
  }
  return emit(id, x.explainParameter(loaded, path, sweep, seed, terminalWidth(io)), opts, io);
}

/** Prints the text, or with --html writes the page (never over a file without --force). */
async function emit(id: string, lines: readonly Line[], opts: ExplainOptions, io: CliIo): Promise<number> {
  const { toText } = await import('../../report/explain/doc.js');
  if (!opts.html) {
    io.stdout.write(`${toText(lines).join('\n')}\n`);
    return EXIT_OK;
  }
  const out = resolve(io.cwd, opts.out ?? `explain-${id}.html`);
  if (!opts.force && existsSync(out))
    return reportDiagnostics(io, [
      fileDiag(
        out,
        'explain/out-exists',
        'the file already exists; nothing was written',
        '',
        'add --force to replace it, or choose another file with --out',
      ),
    ]);
  const { explainHtml } = await import('../../report/explain/page.js');
  const { writeFileAtomic } = await import('../../io/atomic.js');
  const { fsDiag } = await import('../../io/fs-errors.js');
  try {
    writeFileAtomic(out, explainHtml(id, lines));
  } catch (e) {
    return reportDiagnostics(io, [fsDiag(e, out, 'cannot write the page, nothing was changed')]);
  }
  io.stdout.write(`wrote ${out}\n`);
  return EXIT_OK;
}

/** Colours only on a terminal, and never when NO_COLOR is set. */
const colorsWanted = (io: CliIo): boolean => Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
