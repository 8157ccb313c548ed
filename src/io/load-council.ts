// The Council's population table for a year, for `aci-sim vote` and anything
// else that needs the voting weights without loading a whole scenario.
//
// Reads the `kind: member_states` files in the package's models/ folder (or
// `opts.modelsDir`) with the yaml package and checks only what a vote needs:
// each state's population share and name. The full schema check of those
// files is the model loader's job (schemas/member-states.ts).
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from './diagnostics.js';
import { displayPath } from './files.js';
import { isObj } from './is-obj.js';
import { err, ok, type Result } from './result.js';

export interface CouncilTable {
  readonly year: number;
  /** The model id of the file, e.g. `council-2025`. */
  readonly id: string;
  /** The file as shown to the user. */
  readonly file: string;
  /** State code → share of EU population, % (the Council's table; may sum to 100.01). */
  readonly population: Record<string, number>;
  /** State code → name. */
  readonly names: Record<string, string>;
  /** Where the population figures come from (their common `source:`), or '' when they do not say. */
  readonly source: string;
}

/** The package's models/ folder: from src/io or dist/io, two levels up. */
export const PACKAGE_MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));

const diag = (file: string, code: string, message: string, path = '', line = 0, col = 0): Diagnostic => ({
  file,
  line,
  col,
  path,
  code,
  message,
});

interface Candidate {
  readonly file: string;
  readonly year: number;
  readonly data: Record<string, unknown>;
  readonly position: (path: readonly (string | number)[]) => { line: number; col: number };
}

async function candidates(dir: string, cwd: string): Promise<Candidate[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return [];
  }
  const out: Candidate[] = [];
  for (const name of names) {
    const abs = resolve(join(dir, name));
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch {
      continue;
    }
    // Cheap filter before parsing: only member-state files matter here.
    if (!/^kind:\s*member_states\b/m.test(text)) continue;
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
    if (doc.errors.length > 0) continue; // reported by `aci-sim validate`, not by vote
    const data: unknown = doc.toJS();
    if (!isObj(data) || data.kind !== 'member_states' || typeof data.year !== 'number') continue;
    const position = (path: readonly (string | number)[]) => {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return lineCounter.linePos(node?.range?.[0] ?? 0);
    };
    out.push({ file: displayPath(abs, cwd), year: data.year, data, position });
  }
  return out;
}

const plainValue = (v: unknown): unknown => (isObj(v) && 'value' in v ? v.value : v);

/**
 * The Council's population table for `year`. Errors (no file for the year, a
 * missing or bad population share) come back as diagnostics, one per problem.
 */
export async function loadCouncil(
  year: number,
  opts: { cwd?: string; modelsDir?: string } = {},
): Promise<Result<CouncilTable, Diagnostic[]>> {
  const cwd = opts.cwd ?? process.cwd();
  const dir = opts.modelsDir ?? PACKAGE_MODELS_DIR;
  const found = await candidates(dir, cwd);
  const dirShown = displayPath(resolve(dir), cwd);
  const matching = found.filter((c) => c.year === year);
  if (matching.length === 0) {
    const years = [...new Set(found.map((c) => c.year))].sort((a, b) => a - b);
    const available = years.length === 0 ? 'none found' : `available: ${years.join(', ')}`;
    return err([
      diag(dirShown, 'council/no-year', `no Council population figures for ${year} — ${available}`),
    ]);
  }
  if (matching.length > 1) {
    const files = matching.map((c) => c.file).join(' and ');
    return err([diag(dirShown, 'council/duplicate-year', `two member-state files for ${year}: ${files}`)]);
  }
  const c = matching[0] as Candidate;
  const states = c.data.states;
  if (!isObj(states) || Object.keys(states).length === 0) {
    const p = c.position(['states']);
    return err([
      diag(c.file, 'council/no-states', 'no member states under `states:`', 'states', p.line, p.col),
    ]);
  }

  const population: Record<string, number> = {};
  const names: Record<string, string> = {};
  const sources = new Set<string>();
  const problems: Diagnostic[] = [];
  for (const [code, def] of Object.entries(states)) {
    const pop = isObj(def) ? def.population : undefined;
    const share = plainValue(pop);
    if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 100) {
      const p = c.position(['states', code, 'population']);
      problems.push(
        diag(
          c.file,
          'council/bad-population',
          'needs a population share in % between 0 and 100',
          `states.${code}.population`,
          p.line,
          p.col,
        ),
      );
      continue;
    }
    population[code] = share;
    names[code] = isObj(def) && typeof def.name === 'string' ? def.name : code;
    if (isObj(pop) && typeof pop.source === 'string') sources.add(pop.source);
  }
  if (problems.length > 0) return err(problems);
  const source = sources.size === 1 ? ([...sources][0] as string) : '';
  const id = typeof c.data.id === 'string' ? c.data.id : '';
  return ok({ year, id, file: c.file, population, names, source });
}
