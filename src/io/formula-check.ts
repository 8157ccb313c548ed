// Formula compilation with a cache: the same text with the same variables is
// compiled once per process (schema checks, scenario loads, Monte Carlo).
import { type CompileResult, compileFormula } from '../model/formula.js';

const cache = new Map<string, CompileResult>();

export function compileCached(src: string, vars: readonly string[]): CompileResult {
  const key = `${vars.join(',')}\u0000${src}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = compileFormula(src, vars);
    cache.set(key, hit);
  }
  return hit;
}

/** The problems with a formula, as messages; empty when it compiles. */
export function checkFormula(src: string, vars: readonly string[]): string[] {
  const r = compileCached(src, vars);
  return r.ok ? [] : r.errors.map((e) => e.message);
}
