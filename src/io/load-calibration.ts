// Loads a calibration file: its episodes (each a scenario with an `expect:`
// block, loaded as a hindcast loads it) and its priors, each checked to be a
// number of every episode, within the number's range. Every problem is
// reported with its position, exit 2.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { type Diagnostic, fileDiag, sortDiagnostics } from './diagnostics.js';
import { EpisodeGroups, whichEpisodes } from './episode-groups.js';
import { displayPath } from './files.js';
import { canonicalJson, sha256 } from './hash.js';
import { type LoadedExperiment, loadExperiment } from './load-experiment.js';
import { parseWith } from './load-model.js';
import type { Loc } from './overrides.js';
import { checkOwnUncertain } from './own-uncertain.js';
import { canonicalPath } from './path-vocabulary.js';
import { err, ok, type Result } from './result.js';
import { type CalibrateSettings, CalibrationSchema } from './schemas/calibration.js';
import { type Distribution, WHOLE_NUMBERS } from './schemas/distribution.js';
import type { ExpectDef } from './schemas/expect.js';
import { readYamlFile } from './yaml-source.js';
import { sourceLocator } from './zod-issues.js';

export interface CalibrationEpisode {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly exp: LoadedExperiment;
  readonly expect: ExpectDef;
}

export interface CalibrationPrior {
  readonly path: string;
  readonly dist: Exclude<Distribution, { type: 'discrete' }>;
  readonly at: Loc;
}

export interface LoadedCalibration {
  readonly id: string;
  readonly file: string;
  readonly episodes: readonly CalibrationEpisode[];
  readonly priors: readonly CalibrationPrior[];
  readonly settings: CalibrateSettings;
  readonly seed: number;
  /** SHA-256 of everything the fit depends on (episodes, priors, settings, seed). */
  readonly hash: string;
}

export interface CalibrationOptions {
  readonly cwd: string;
  readonly seed?: number;
  /** --runs: runs of each episode per particle. */
  readonly runs?: number;
  readonly cacheDir?: string;
}

function episodeFiles(dir: string, refs: readonly string[], at: (i: number) => Loc, diags: Diagnostic[]) {
  const out: { abs: string; index: number }[] = [];
  refs.forEach((ref, index) => {
    const abs = resolve(dir, ref);
    if (!existsSync(abs))
      diags.push({ ...at(index), code: 'calibrate/episodes', message: `no such file or folder "${ref}"` });
    else if (statSync(abs).isDirectory()) {
      const yaml = readdirSync(abs)
        .filter((n) => /\.ya?ml$/.test(n))
        .sort();
      if (yaml.length === 0)
        diags.push({ ...at(index), code: 'calibrate/episodes', message: `"${ref}" holds no .yaml episode` });
      for (const n of yaml) out.push({ abs: resolve(abs, n), index });
    } else out.push({ abs, index });
  });
  return out;
}

export async function loadCalibration(
  ref: string,
  opts: CalibrationOptions,
): Promise<Result<LoadedCalibration, Diagnostic[]>> {
  const abs = resolve(opts.cwd, ref);
  const read = await readYamlFile(abs, displayPath(abs, opts.cwd));
  if (!read.ok) return read;
  const src = read.value;
  if ((src.data as { kind?: unknown } | null)?.kind !== 'calibration')
    return err([
      {
        ...sourceLocator(src)([]),
        code: 'calibrate/kind',
        message: 'not a calibration file (kind: calibration)',
      },
    ]);
  const locate = sourceLocator(src);
  const parsed = parseWith(CalibrationSchema, src.data, locate);
  if (!parsed.ok) return err(sortDiagnostics(parsed.error));
  const def = parsed.value;
  const diags: Diagnostic[] = [];
  const priors: CalibrationPrior[] = [];
  for (const [path, dist] of Object.entries(def.uncertain)) {
    const at = locate(['uncertain'], path);
    if (dist.type === 'discrete')
      diags.push({ ...at, code: 'calibrate/prior', message: 'a prior must be continuous (not discrete)' });
    else priors.push({ path: canonicalPath(path) ?? path, dist, at });
  }
  const settings = { ...def.calibrate, ...(opts.runs === undefined ? {} : { runs: opts.runs }) };
  const seed = opts.seed ?? def.calibrate.seed ?? 1;
  const files = episodeFiles(dirname(abs), def.episodes, (i) => locate(['episodes', i]), diags);
  const episodes: CalibrationEpisode[] = [];
  const perEpisode = new EpisodeGroups();
  const cache = opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir };
  for (const f of files) {
    const r = await loadExperiment(f.abs, { cwd: opts.cwd, runs: settings.runs, seed, ...cache });
    if (!r.ok) {
      diags.push(...r.error);
      continue;
    }
    const exp = r.value;
    const expect = exp.loaded.def.expect;
    const file = displayPath(f.abs, opts.cwd);
    if (!expect) {
      diags.push({
        ...locate(['episodes', f.index]),
        code: 'calibrate/no-expect',
        message: `${file} is not an episode: the scenario has no expect: block`,
      });
      continue;
    }
    // Each prior must be a number of this episode, within its range.
    const checked = await checkOwnUncertain(def.uncertain, exp.scenarioAbs, opts.cwd, [], (k) =>
      locate(['uncertain'], k),
    );
    for (const d of checked.diagnostics) {
      const message = d.message.startsWith(WHOLE_NUMBERS)
        ? `${WHOLE_NUMBERS} and cannot be fitted (a prior is continuous)`
        : d.message;
      perEpisode.add(`${d.line}:${d.col}:${message}`, { ...d, message }, basename(file));
    }
    // The calibrated value replaces the episode's own draw of the same number.
    const fitted = new Set(checked.params.map((p) => p.path));
    episodes.push({
      id: exp.loaded.def.id,
      title: exp.loaded.def.title,
      file,
      exp: { ...exp, uncertain: exp.uncertain.filter((u) => !fitted.has(u.path)) },
      expect,
    });
  }
  // One message per problem: the same prior failing in several episodes is listed once.
  for (const { first: d, episodes: names } of perEpisode.list())
    diags.push({ ...d, message: `${d.message} (in ${whichEpisodes(names, files.length)})` });
  if (diags.length === 0 && episodes.length === 0)
    diags.push(fileDiag(src.file, 'calibrate/episodes', 'no episode to fit'));
  if (diags.length > 0) return err(sortDiagnostics(diags));
  const hash = sha256(
    canonicalJson({
      episodes: episodes.map((e) => [e.id, e.exp.hash]),
      priors: priors.map((p) => [p.path, p.dist]),
      settings,
      seed,
    }),
  );
  return ok({ id: def.id, file: src.file, episodes, priors, settings, seed, hash });
}
