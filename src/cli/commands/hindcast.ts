// `aci-sim hindcast [FILES…] [--runs N] [--seed S] [--json]`: plays each
// episode (a scenario with an `expect:` block) N times with its uncertain
// numbers sampled, and prints the scorecard against what history recorded.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { SharedProblems } from '../episode-problems.js';
import { EXIT_OK, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import { collect, formulaCacheDir, parseSeed, parseSets } from '../options.js';

interface HindcastOptions {
  runs: string;
  seed: string;
  json?: boolean;
  pressure?: boolean;
  posterior?: string;
  set: string[];
}

/** Runs per episode when --runs is not given. */
export const DEFAULT_EPISODE_RUNS = 200;

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('hindcast')
    .description('Score the model against historical episodes: outcome, timing, Council ballots, series')
    .argument('[files...]', 'episode files or folders (default: history/ here, else the shipped episodes)')
    .option('--runs <n>', 'runs per episode, uncertain numbers sampled', String(DEFAULT_EPISODE_RUNS))
    .option('--seed <n>', 'master seed (integer)', '1')
    .option('--json', 'print the scorecard as JSON')
    .option(
      '--pressure',
      'instead of the scorecard: what the recorded measures cost each side with both holding, beside the recorded outcome',
    )
    .option('--posterior <file>', 'runs draw their parameters from a calibrated posterior (calibrate --out)')
    .option(
      '--set <path=value>',
      'set a number in every episode by its dotted path; a number set is not drawn (repeatable)',
      collect,
      [],
    )
    .addHelpText(
      'after',
      '\nAn episode passes when most runs end in the recorded outcome, the median end round lies in the\nrecorded band, and (where given) 20 of 27 ballots and the series are right.\n\nExamples:\n  aci-sim hindcast --runs 10\n  aci-sim hindcast history/japan-2010.yaml --runs 100 --json\n  aci-sim hindcast history/australia-2020.yaml --set parameters.futility_months=36 --runs 50\n  aci-sim hindcast --pressure',
    )
    .action(action((files: string[], opts: HindcastOptions) => hindcast(io, files, opts)));
}

/** The episode files named (folders: their .yaml files), or the default library. */
function episodeFiles(io: CliIo, named: readonly string[], problems: Diagnostic[]): string[] {
  const shipped = new URL('../../../history/', import.meta.url).pathname;
  const list = named.length > 0 ? named : [existsSync(join(io.cwd, 'history')) ? 'history' : shipped];
  const out: string[] = [];
  for (const f of list) {
    const at = resolve(io.cwd, f);
    if (!existsSync(at)) problems.push(fileDiag(f, 'file/unreadable', 'cannot read file (no such file)'));
    else if (/\.ya?ml$/.test(f)) out.push(at);
    else {
      const yaml = readdirSync(at)
        .filter((n) => /\.ya?ml$/.test(n))
        .sort()
        .map((n) => join(at, n));
      if (yaml.length === 0)
        problems.push(fileDiag(f, 'hindcast/empty', 'this folder holds no .yaml episode'));
      out.push(...yaml);
    }
  }
  return out;
}

async function hindcast(io: CliIo, files: readonly string[], opts: HindcastOptions): Promise<number> {
  const problems: Diagnostic[] = [];
  const runs = Number(opts.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000)
    problems.push(
      fileDiag('--runs', 'cli/runs', `expected a whole number of runs from 1 to 1000000, got "${opts.runs}"`),
    );
  const seed = parseSeed(opts.seed, problems);
  const set = parseSets(opts.set, problems);
  const paths = episodeFiles(io, files, problems);
  if (problems.length > 0) return reportDiagnostics(io, problems);
  // Every episode scans the same model folders: parse each file once for the whole command.
  (await import('../../io/yaml-source.js')).memoizeYamlParses(true);
  const { loadExperiment } = await import('../../io/load-experiment.js');
  const { makePlan } = await import('../../batch/plan.js');
  const { runEpisode } = await import('../../batch/hindcast/run-episode.js');
  const { scoreEpisode } = await import('../../batch/hindcast/score.js');
  const { formatScorecard, scorecardJson, scorecardOf } = await import('../../batch/hindcast/scorecard.js');
  const scores = [];
  const pressures = [];
  const { pressureOf } = await import('../../batch/hindcast/pressure.js');
  const { fittedEpisodes } = await import('../../io/posterior.js');
  const fitted = opts.posterior === undefined ? null : fittedEpisodes(resolve(io.cwd, opts.posterior));
  const shared = new SharedProblems();
  for (const path of paths) {
    const r = await loadExperiment(path, { cwd: io.cwd, runs, seed, cacheDir: formulaCacheDir(io.env), set });
    if (!r.ok) {
      for (const d of r.error)
        if (d.file === '--set') shared.add(d, basename(path));
        else problems.push(d);
      continue;
    }
    let exp = r.value;
    if (opts.posterior !== undefined) {
      const { attachPosterior } = await import('./batch.js');
      const p = await attachPosterior(io, exp, opts.posterior);
      if (!p.ok) {
        for (const d of p.error) shared.add(d, basename(path));
        continue;
      }
      exp = p.value;
    }
    const episodeProblem = (code: string, message: string) =>
      problems.push(fileDiag(exp.loaded.files[0] ?? path, code, message));
    const expect = exp.loaded.def.expect;
    if (!expect) {
      episodeProblem('hindcast/no-expect', 'not an episode: the scenario has no expect: block');
      continue;
    }
    if (opts.pressure) {
      const p = pressureOf(exp, String(seed));
      if (p) pressures.push(p);
      else
        episodeProblem(
          'hindcast/no-hold',
          'its models define no `hold` policy, so the measures cannot be played alone',
        );
      continue;
    }
    const plan = makePlan(exp);
    const score = scoreEpisode(
      exp.loaded.def.id,
      exp.loaded.def.title,
      expect,
      runEpisode(exp, plan, expect),
    );
    // An episode the posterior was fitted to is in sample, whatever its file says.
    scores.push(fitted?.includes(score.id) ? { ...score, inSample: true } : score);
  }
  problems.push(
    ...shared.diagnostics(
      paths.map((p) => basename(p)),
      Object.keys(set),
    ),
  );
  if (problems.length > 0) return reportDiagnostics(io, problems);
  if (opts.pressure) {
    const { formatPressure } = await import('../../batch/hindcast/pressure.js');
    io.stdout.write(opts.json ? `${JSON.stringify(pressures, null, 2)}\n` : formatPressure(pressures));
    return EXIT_OK;
  }
  const card = scorecardOf(scores, runs, seed, set, opts.posterior ?? null, fitted !== null);
  io.stdout.write(opts.json ? `${JSON.stringify(scorecardJson(card), null, 2)}\n` : formatScorecard(card));
  return EXIT_OK;
}
