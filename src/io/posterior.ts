// A posterior file (what `calibrate` writes, or any CSV of the same form):
// a header `weight,<path>,<path>,…` (other columns such as `particle` and
// `distance` are kept out), one accepted parameter set a line. Runs of
// `batch` and `hindcast --posterior FILE` draw their parameters from it.
// Every problem is reported at its line and column, exit 2.
import { readFileSync } from 'node:fs';
import type { Scenario } from '../engine/types.js';
import { type Diagnostic, fileDiag } from './diagnostics.js';
import { canonicalJson, sha256 } from './hash.js';
import { canonicalPath } from './path-vocabulary.js';
import { err, ok, type Result } from './result.js';

export interface PosteriorTable {
  /** The file as the user named it. */
  readonly file: string;
  /** Parameter paths, canonical, in column order. */
  readonly paths: readonly string[];
  /** One row of values (in `paths` order) per accepted set. */
  readonly rows: readonly (readonly number[])[];
  /** Normalised weights, one per row. */
  readonly weights: readonly number[];
  /** 1-based column of each path in the header, for diagnostics. */
  readonly columns: readonly number[];
  readonly hash: string;
}

/** Columns that describe a row rather than a parameter. */
export const POSTERIOR_META = ['particle', 'weight', 'distance'] as const;

const at = (file: string, line: number, col: number, path: string, code: string, message: string) => ({
  file,
  line,
  col,
  path,
  code,
  message,
});

export function parsePosterior(text: string, file: string): Result<PosteriorTable, Diagnostic[]> {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = (lines[0] ?? '').split(',');
  const diags: Diagnostic[] = [];
  const colOf = (i: number) => header.slice(0, i).reduce((n, h) => n + h.length + 1, 1);
  const wi = header.indexOf('weight');
  if (lines.length === 0 || header.every((h) => h === ''))
    return err([at(file, 1, 1, '', 'posterior/empty', 'empty file: expected a header weight,<path>,…')]);
  if (wi < 0)
    diags.push(at(file, 1, 1, '', 'posterior/missing-column', 'missing column "weight" in the header'));
  const params: number[] = [];
  header.forEach((h, i) => {
    if ((POSTERIOR_META as readonly string[]).includes(h)) return;
    if (canonicalPath(h) === undefined)
      diags.push(at(file, 1, colOf(i), h, 'posterior/path', `"${h}" is not a parameter path`));
    else params.push(i);
  });
  if (params.length === 0 && diags.length === 0)
    diags.push(
      at(file, 1, 1, '', 'posterior/missing-column', 'no parameter column: expected weight,<path>,…'),
    );
  const rows: number[][] = [];
  const weights: number[] = [];
  for (let l = 1; l < lines.length; l++) {
    const cells = lines[l]!.split(',');
    if (cells.length !== header.length) {
      const missing = header.slice(cells.length);
      diags.push(
        at(
          file,
          l + 1,
          1,
          '',
          'posterior/missing-column',
          cells.length < header.length
            ? `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}: ${cells.length} values for ${header.length} columns`
            : `${cells.length} values for ${header.length} columns`,
        ),
      );
      continue;
    }
    const num = (i: number) => {
      const v = Number(cells[i]);
      if (cells[i] === '' || !Number.isFinite(v))
        diags.push(
          at(file, l + 1, colOf(i), header[i]!, 'posterior/value', `expected a number, got "${cells[i]}"`),
        );
      return v;
    };
    rows.push(params.map(num));
    const w = wi < 0 ? 1 : num(wi);
    if (wi >= 0 && !(w >= 0))
      diags.push(at(file, l + 1, colOf(wi), 'weight', 'posterior/value', `a weight must be ≥ 0, got ${w}`));
    weights.push(w);
  }
  if (rows.length === 0 && diags.length === 0)
    diags.push(at(file, 1, 1, '', 'posterior/empty', 'no rows: the posterior holds no parameter set'));
  const total = weights.reduce((a, b) => a + b, 0);
  if (diags.length === 0 && !(total > 0))
    diags.push(at(file, 2, 1, 'weight', 'posterior/value', 'the weights sum to 0'));
  if (diags.length > 0) return err(diags);
  const paths = params.map((i) => canonicalPath(header[i]!)!);
  const norm = weights.map((w) => w / total);
  return ok({
    file,
    paths,
    rows,
    weights: norm,
    columns: params.map(colOf),
    hash: sha256(canonicalJson({ paths, rows, weights: norm })),
  });
}

export function readPosterior(abs: string, file: string): Result<PosteriorTable, Diagnostic[]> {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    return err([fileDiag(file, 'file/unreadable', 'cannot read file (no such file)')]);
  }
  return parsePosterior(text, file);
}

/** A diagnostic per path of the posterior that is not a number of the scenario. */
export function checkPosterior(t: PosteriorTable, sc: Scenario, what = 'scenario'): Diagnostic[] {
  return t.paths.flatMap((p, i) =>
    sc.targets.has(p)
      ? []
      : [
          at(
            t.file,
            1,
            t.columns[i]!,
            p,
            'posterior/unknown-path',
            `"${p}" is not a number of ${what} "${sc.id}"`,
          ),
        ],
  );
}

/**
 * The episodes a posterior was fitted to, from the manifest `calibrate` writes
 * beside it (FILE.manifest.json); null when there is none or it does not say.
 */
export function fittedEpisodes(abs: string): string[] | null {
  try {
    const m = JSON.parse(readFileSync(`${abs}.manifest.json`, 'utf8')) as { fitted?: unknown };
    return Array.isArray(m.fitted) && m.fitted.every((x) => typeof x === 'string') ? m.fitted : null;
  } catch {
    return null;
  }
}
