// `aci-sim calibrate <file> [--holdout EPISODE]… [--cross-validate] [--out FILE]
// [--runs N] [--seed S] [--resume] [--force]`: fits the calibration's priors to
// the hindcast episodes by ABC-SMC, writes the accepted parameter sets (CSV)
// with a manifest, and prints the posterior and its pass shares.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { EXIT_OK, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import { formulaCacheDir, parseSeed } from '../options.js';

interface CalibrateOptions {
  holdout: string[];
  crossValidate?: boolean;
  out?: string;
  runs?: string;
  seed?: string;
  resume?: boolean;
  force?: boolean;
}

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('calibrate')
    .description(
      'Fit uncertain parameters to the hindcast episodes by ABC-SMC; posterior summaries and pass shares',
    )
    .argument('<file>', 'calibration file (kind: calibration), e.g. experiments/calibration.yaml')
    .option(
      '--holdout <episode>',
      'leave this episode out of the fit and score it (repeatable)',
      (v, a: string[]) => [...a, v],
      [],
    )
    .option(
      '--cross-validate',
      'also fit once per episode left out, and score it: the out-of-sample pass share',
    )
    .option('--out <file>', 'accepted parameter sets, CSV (default <id>.posterior.csv)')
    .option('--runs <n>', 'runs of each episode per particle (default: the file’s calibrate.runs)')
    .option('--seed <n>', 'master seed (default: the file’s calibrate.seed, else 1)')
    .option('--resume', 'continue from FILE.state.json after a stop')
    .option('--force', 'overwrite an existing output')
    .addHelpText(
      'after',
      '\nDistance: the mean over episodes of (1 − share in the expected outcome) + (1 − share in the round band)\n(+ 1 − share of ballots right, + min(1, series error / 100), where given). See docs/RESEARCH.md.\n\nExamples:\n  aci-sim calibrate experiments/calibration-quick.yaml\n  aci-sim calibrate experiments/calibration-quick.yaml --cross-validate --out fit.csv',
    )
    .action(action((file: string, opts: CalibrateOptions) => calibrate(io, file, opts)));
}

async function calibrate(io: CliIo, file: string, opts: CalibrateOptions): Promise<number> {
  const problems: Diagnostic[] = [];
  const runs = opts.runs === undefined ? undefined : Number(opts.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1 && runs <= 100_000))
    problems.push(
      fileDiag('--runs', 'cli/runs', `expected a whole number from 1 to 100000, got "${opts.runs}"`),
    );
  const seed = opts.seed === undefined ? undefined : parseSeed(opts.seed, problems);
  if (problems.length > 0) return reportDiagnostics(io, problems);
  // Every episode scans the same model folders: parse each file once for the whole command.
  (await import('../../io/yaml-source.js')).memoizeYamlParses(true);
  const { loadCalibration } = await import('../../io/load-calibration.js');
  const loaded = await loadCalibration(file, {
    cwd: io.cwd,
    cacheDir: formulaCacheDir(io.env),
    ...(runs === undefined ? {} : { runs }),
    ...(seed === undefined ? {} : { seed }),
  });
  if (!loaded.ok) return reportDiagnostics(io, loaded.error);
  const cal = loaded.value;
  const ids = cal.episodes.map((e) => e.id);
  for (const h of opts.holdout)
    if (!ids.includes(h))
      problems.push(
        fileDiag(
          '--holdout',
          'cli/holdout',
          `no episode "${h}" in ${cal.file} (episodes: ${ids.join(', ')})`,
        ),
      );
  if (ids.length - opts.holdout.length < (opts.crossValidate ? 2 : 1))
    problems.push(
      fileDiag(
        '--holdout',
        'cli/holdout',
        `too few episodes left to fit (${ids.length - opts.holdout.length})`,
      ),
    );
  const out = resolve(io.cwd, opts.out ?? `${cal.id}.posterior.csv`);
  const stateFile = `${out}.state.json`;
  const shown = opts.out ?? `${cal.id}.posterior.csv`;
  if (!opts.resume && !opts.force)
    for (const f of [out, stateFile])
      if (existsSync(f))
        problems.push(
          fileDiag(
            f === out ? shown : `${shown}.state.json`,
            'cli/exists',
            'already exists: --resume to continue it, --force to start over',
          ),
        );
  if (problems.length > 0) return reportDiagnostics(io, problems);
  const { readState, writeState } = await import('../../batch/calibrate/state.js');
  const { canonicalJson, sha256 } = await import('../../io/hash.js');
  const hash = sha256(canonicalJson({ calibration: cal.hash, holdout: [...opts.holdout].sort() }));
  let state: import('../../batch/calibrate/state.js').CalibrationState = { format: 1, hash, fits: {} };
  if (opts.resume) {
    const r = readState(stateFile, hash);
    if (typeof r === 'string') return reportDiagnostics(io, [fileDiag('--resume', 'cli/resume', r)]);
    state = r;
  }
  const { runCalibration } = await import('../../batch/calibrate/run-calibration.js');
  const { formatReport, populationLine } = await import('../../batch/calibrate/format.js');
  const { posteriorCsv } = await import('../../batch/calibrate/summary.js');
  const { writeJsonAtomic } = await import('../../io/writers/manifest.js');
  const started = new Date().toISOString();
  const report = runCalibration(cal, {
    holdout: opts.holdout,
    crossValidate: opts.crossValidate === true,
    state,
    save: (s) => writeState(stateFile, s),
    progress: (fit, p) => io.stderr.write(populationLine(fit, p)),
  });
  writeFileSync(`${out}.tmp`, posteriorCsv(report.final, report.priors));
  const { renameSync } = await import('node:fs');
  renameSync(`${out}.tmp`, out);
  writeJsonAtomic(`${out}.manifest.json`, {
    tool: 'aci-sim',
    kind: 'calibrate',
    calibration: { id: cal.id, file: cal.file, hash: cal.hash },
    episodes: cal.episodes.map((e) => ({ id: e.id, file: e.file, hash: e.exp.loaded.hash })),
    fitted: report.fitted,
    heldOut: opts.holdout,
    seed: cal.seed,
    settings: cal.settings,
    priors: cal.priors.map((p) => ({ path: p.path, prior: p.dist })),
    columns: ['particle', 'weight', 'distance', ...report.priors.map((p) => p.path)],
    generations: report.main.populations.map((p) => ({
      generation: p.generation,
      epsilon: Number.isFinite(p.epsilon) ? p.epsilon : null,
      simulations: p.simulations,
    })),
    stop: report.main.stop,
    summaries: report.summaries,
    inSample: { passed: report.inSample.passed, of: report.inSample.of },
    holdout: report.holdout && { passed: report.holdout.passed, of: report.holdout.of },
    crossValidated: report.crossValidated && {
      passed: report.crossValidated.passed,
      of: report.crossValidated.of,
    },
    started,
    finished: new Date().toISOString(),
  });
  io.stdout.write(formatReport(report, cal.settings.runs, cal.seed));
  io.stdout.write(
    `Wrote ${shown} (${report.final.theta.length} parameter sets) and ${shown}.manifest.json.\n`,
  );
  return EXIT_OK;
}
