// Formula compilation with a cache: the same text with the same variables is
// compiled once per process (schema checks, scenario loads, Monte Carlo), and
// with a cache folder (formula-cache.ts) once per machine: a command whose
// formulas are all known never loads the compiler (src/model).
import { type CompileResult, compileFormulaSource, type SourceResult } from '../model/formula.js';
import { FORMULA_COMPILER_VERSION, instantiateFormula } from '../model/formula-runtime.js';
import { sha256 } from './hash.js';

/** Compiler answers by key (see formulaKey): read from a cache file or compiled here. */
const known = new Map<string, SourceResult>();
/** Keys compiled in this process and not yet saved to a cache folder. */
const fresh = new Set<string>();
const results = new Map<string, CompileResult>();

/** The cache key of a formula: a hash of the compiler version, the variables and the text. */
export const formulaKey = (src: string, vars: readonly string[]): string =>
  sha256(`aci-sim formula ${FORMULA_COMPILER_VERSION}\u0000${vars.join(',')}\u0000${src}`);

/** Adds answers read from a cache file (entries already known are kept). */
export function rememberSources(entries: Iterable<readonly [string, SourceResult]>): void {
  for (const [key, r] of entries) if (!known.has(key)) known.set(key, r);
}

/** Answers compiled since the last call, for saving; empties the list. */
export function takeFreshSources(): [string, SourceResult][] {
  const out = [...fresh].map((k): [string, SourceResult] => [k, known.get(k)!]);
  fresh.clear();
  return out;
}

function sourceOf(src: string, vars: readonly string[]): SourceResult {
  const key = formulaKey(src, vars);
  let r = known.get(key);
  if (!r) {
    // The compiler is loaded here, on the first formula no cache knows.
    r = compileFormulaSource(src, vars);
    known.set(key, r);
    fresh.add(key);
  }
  return r;
}

export function compileCached(src: string, vars: readonly string[]): CompileResult {
  const memo = `${vars.join(',')}\u0000${src}`;
  let hit = results.get(memo);
  if (!hit) {
    const r = sourceOf(src, vars);
    hit = r.ok ? { ok: true, fn: instantiateFormula(r.source), symbols: r.symbols } : r;
    results.set(memo, hit);
  }
  return hit;
}

/** The problems with a formula, as messages; empty when it compiles. */
export function checkFormula(src: string, vars: readonly string[]): string[] {
  const r = compileCached(src, vars);
  return r.ok ? [] : r.errors.map((e) => e.message);
}
