// `aci-sim report JOURNAL`: the debrief of a played game — report.html (one
// self-contained file with inline SVG charts) and report.md with the charts
// as .svg files, set against computer-played games of the same scenario.
import type { Command } from 'commander';
import { type Diagnostic, fileDiag, formatDiagnostics } from '../../io/diagnostics.js';
import { DEFAULT_RUNS, defaultReportDir } from '../../report/defaults.js';
import { EXIT_OK, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import { loadSettings } from '../options.js';

interface ReportFlags {
  out?: string;
  runs: string;
  force?: boolean;
  present?: boolean;
}

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('report')
    .description(
      'Write the debrief of a played game: HTML and Markdown with charts, against computer-played games',
    )
    .argument('<journal>', 'the game journal (written by aci-sim play)')
    .option('--out <dir>', 'output folder (default: <journal-name>-report/ next to the journal)')
    .option('--runs <n>', 'computer-played games to compare with', String(DEFAULT_RUNS))
    .option(
      '--force',
      'replace an existing output folder, and report even when the scenario changed since the game (with a warning)',
    )
    .option(
      '--present',
      'also write present.html: one chart per screen, for a projector (arrow keys or space)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim play tutorial --seed 7 --journal games/workshop.json    play a game, then\n  aci-sim report games/workshop.json --runs 100\n  aci-sim report games/workshop.json --out projector --present --runs 50\n  aci-sim report games/workshop.json --out debrief --runs 50 --force',
    )
    .action(action((journal: string, flags: ReportFlags) => report(journal, flags, io)));
}

async function report(journal: string, flags: ReportFlags, io: CliIo): Promise<number> {
  const problems: Diagnostic[] = [];
  const runs = Number(flags.runs);
  if (flags.runs.trim() === '' || !Number.isInteger(runs) || runs < 1 || runs > 1_000_000)
    problems.push(
      fileDiag(
        '--runs',
        'cli/runs',
        `expected a whole number of runs from 1 to 1000000, got "${flags.runs}"`,
      ),
    );
  if (problems.length > 0) return reportDiagnostics(io, problems);
  const out = flags.out ?? defaultReportDir(journal);
  const { writeReport } = await import('../../report/index.js');
  const r = await writeReport(journal, out, {
    runs,
    force: flags.force === true,
    present: flags.present === true,
    ...loadSettings(io),
  });
  if (!r.ok) return reportDiagnostics(io, r.error);
  if (r.value.warnings.length > 0)
    io.stderr.write(`warning: ${formatDiagnostics(r.value.warnings).replace(/\n/g, '\nwarning: ')}\n`);
  io.stdout.write(
    `wrote ${r.value.html}\nwrote ${r.value.markdown} (with ${r.value.charts.length} charts as .svg beside it)\n${r.value.present ? `wrote ${r.value.present} (one chart per screen: → ← or space to move)\n` : ''}`,
  );
  return EXIT_OK;
}
