// Compiles the formula sets: the defaults, and per dependency the defaults with
// its own `formulas:` and those of the measures acting on it applied.
import { FORMULA_ROLES, FORMULA_VARS, type FormulaRole, type FormulaSet } from '../engine/formula-roles.js';
import type { Diagnostic } from './diagnostics.js';
import { compileCached } from './formula-check.js';
import type { Loc } from './overrides.js';
import type { PathSeg } from './paths.js';
import type { ResolvedDef } from './resolve-def.js';

export interface CompiledFormulas {
  readonly defaults: FormulaSet;
  readonly byDependency: ReadonlyMap<string, FormulaSet>;
  /** Where the formula a dependency uses for a role is written (for run-time errors). */
  readonly origin: (role: FormulaRole, dependency?: string) => Loc;
}

type Exprs = Record<FormulaRole, { expr: string; at: PathSeg[] }>;

export function compileFormulas(
  def: ResolvedDef,
  locate: (p: readonly PathSeg[]) => Loc,
): { value: CompiledFormulas; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const compileSet = (exprs: Exprs): FormulaSet => {
    const fns: Record<string, unknown> = {};
    for (const role of FORMULA_ROLES) {
      const { expr, at } = exprs[role];
      const r = compileCached(expr, FORMULA_VARS[role]);
      if (r.ok) fns[role] = r.fn;
      else {
        for (const e of r.errors) diagnostics.push({ ...locate(at), code: e.code, message: e.message });
        fns[role] = () => Number.NaN;
      }
    }
    return Object.freeze(fns) as unknown as FormulaSet;
  };
  const base = Object.fromEntries(
    FORMULA_ROLES.map((r) => [r, { expr: def.formulas[r].expr, at: ['formulas', r, 'expr'] }]),
  ) as Exprs;
  const defaults = compileSet(base);
  const byDependency = new Map<string, FormulaSet>();
  const exprsOf = new Map<string, Exprs>();
  for (const [id, dep] of Object.entries(def.dependencies)) {
    const exprs: Exprs = { ...base };
    const layer = (over: Partial<Record<FormulaRole, string>> | undefined, at: PathSeg[]) => {
      for (const [role, expr] of Object.entries(over ?? {}) as [FormulaRole, string | undefined][])
        if (expr !== undefined) exprs[role] = { expr, at: [...at, role] };
    };
    layer(dep.formulas, ['dependencies', id, 'formulas']);
    for (const [mid, m] of Object.entries(def.measures))
      if (m.acts_on.includes(id)) layer(m.formulas, ['measures', mid, 'formulas']);
    const changed = FORMULA_ROLES.some((r) => exprs[r] !== base[r]);
    byDependency.set(id, changed ? compileSet(exprs) : defaults);
    exprsOf.set(id, exprs);
  }
  const origin = (role: FormulaRole, dependency?: string): Loc =>
    locate((dependency === undefined ? base : (exprsOf.get(dependency) ?? base))[role].at);
  return { value: { defaults, byDependency, origin }, diagnostics };
}
