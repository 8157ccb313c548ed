// The debrief report of a played game: `writeReport` replays the journal,
// plays the computer comparison and writes report.html, report.md and the
// charts' .svg files into one folder.
import { basename, join } from 'node:path';
import { SimError } from '../engine/index.js';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { err, ok, type Result } from '../io/result.js';
import { computerDistribution } from './compare.js';
import { reportContent } from './content.js';
import { DEFAULT_RUNS, defaultReportDir } from './defaults.js';
import { renderHtml } from './html.js';
import { loadGame } from './load-game.js';
import { renderMarkdown } from './markdown.js';
import { renderPresentation } from './present.js';
import { checkOutDir, type OutFile, writeOutputs } from './write.js';

export { DEFAULT_RUNS, defaultReportDir } from './defaults.js';

export interface ReportOptions {
  /** Computer-played games to compare with (default 1000). */
  runs?: number;
  /** Replace an existing report folder, and report on a scenario changed since the game. */
  force?: boolean;
  /** Directory scenario refs are resolved from (default: the process's). */
  cwd?: string;
  /** Folder of the formula cache (see io LoadOptions.cacheDir). */
  cacheDir?: string;
  /** Extra model folders (see io LoadOptions.modelDirs). */
  modelDirs?: readonly string[];
  /** Also write present.html: one chart per screen, for a projector. */
  present?: boolean;
}

export interface WrittenReport {
  /** Paths of the files written. */
  html: string;
  markdown: string;
  /** present.html, when asked for. */
  present: string | null;
  charts: string[];
  /** Problems the report went on despite (shown in the report too). */
  warnings: Diagnostic[];
}

export async function writeReport(
  journalPath: string,
  outDir: string = defaultReportDir(journalPath),
  opts: ReportOptions = {},
): Promise<Result<WrittenReport, Diagnostic[]>> {
  const force = opts.force === true;
  const runs = opts.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1)
    return err([fileDiag('--runs', 'report/runs', `expected a whole number of runs ≥ 1, got ${runs}`)]);
  const free = checkOutDir(outDir, force);
  if (!free.ok) return free;
  const game = await loadGame(journalPath, {
    acceptChangedScenario: force,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    ...(opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir }),
    ...(opts.modelDirs === undefined ? {} : { modelDirs: opts.modelDirs }),
  });
  if (!game.ok) return game;
  const g = game.value;
  let files: OutFile[];
  try {
    const content = reportContent(g, computerDistribution(g.sc, g.journal.seed, g.journal.players, runs));
    const source = basename(journalPath);
    const charts = [...content.charts, ...content.comparison.charts];
    files = [
      { name: 'report.html', content: renderHtml(content, source) },
      { name: 'report.md', content: renderMarkdown(content, source) },
      ...(opts.present ? [{ name: 'present.html', content: renderPresentation(content, source) }] : []),
      ...charts.map((c) => ({ name: c.file, content: `<?xml version="1.0" encoding="UTF-8"?>\n${c.svg}\n` })),
    ];
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return err([
      fileDiag(journalPath, 'report/simulation', `the computer-played comparison failed: ${e.message}`),
    ]);
  }
  const written = writeOutputs(outDir, files, force);
  if (!written.ok) return written;
  const at = (name: string) => join(outDir, name);
  return ok({
    html: at('report.html'),
    markdown: at('report.md'),
    present: opts.present ? at('present.html') : null,
    charts: files.filter((f) => f.name.endsWith('.svg')).map((f) => at(f.name)),
    warnings: g.warnings,
  });
}
