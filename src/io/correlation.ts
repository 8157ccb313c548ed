// An experiment's `correlation:`: a rank correlation matrix over named
// uncertain inputs, checked (square, symmetric, unit diagonal, entries in
// [−1, 1], positive definite) before a design uses it (Iman–Conover).
import type { Diagnostic } from './diagnostics.js';
import { didYouMean } from './did-you-mean.js';
import type { Loc } from './overrides.js';
import { normalizePath } from './paths.js';

export interface Correlation {
  /** Uncertain parameter paths (canonical), in the matrix's order. */
  readonly parameters: readonly string[];
  readonly matrix: readonly (readonly number[])[];
}

/** Lower-triangular L with L·Lᵀ = a, or null when a is not positive definite. */
export function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        // A pivot this small means the matrix is singular to working precision.
        if (!(s > 1e-10)) return null;
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  return l;
}

/** Each problem of a matrix as [row, column or null, message]; empty when it is a correlation matrix. */
export function matrixProblems(
  m: readonly (readonly number[])[],
  size: number,
): { row: number | null; col: number | null; message: string }[] {
  const out: { row: number | null; col: number | null; message: string }[] = [];
  if (m.length !== size)
    return [{ row: null, col: null, message: `expected ${size} rows (one per parameter), got ${m.length}` }];
  m.forEach((r, i) => {
    if (r.length !== size)
      out.push({ row: i, col: null, message: `expected ${size} numbers in row ${i + 1}, got ${r.length}` });
  });
  if (out.length > 0) return out;
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) {
      const v = m[i]![j]!;
      if (i === j && v !== 1)
        out.push({
          row: i,
          col: j,
          message: `the diagonal must be 1 (a parameter's correlation with itself), got ${v}`,
        });
      else if (i !== j && !(v >= -1 && v <= 1))
        out.push({ row: i, col: j, message: `a correlation lies in [−1, 1], got ${v}` });
      else if (j > i && v !== m[j]![i])
        out.push({
          row: i,
          col: j,
          message: `the matrix must be symmetric: row ${i + 1} column ${j + 1} is ${v}, row ${j + 1} column ${i + 1} is ${m[j]![i]}`,
        });
    }
  if (out.length === 0 && cholesky(m) === null)
    out.push({
      row: null,
      col: null,
      message:
        'the matrix is not positive definite: no set of inputs can have these correlations together (lower the largest ones, or check their signs)',
    });
  return out;
}

/** An experiment's `correlation:` checked against its uncertain paths and design; diagnostics at their place. */
export function checkCorrelation(
  def:
    | { readonly parameters: readonly string[]; readonly matrix: readonly (readonly number[])[] }
    | undefined,
  uncertain: readonly string[],
  design: string,
  locate: (path: readonly (string | number)[]) => Loc,
): { correlation: Correlation | null; diagnostics: Diagnostic[] } {
  if (def === undefined) return { correlation: null, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const put = (path: readonly (string | number)[], message: string) =>
    diagnostics.push({ ...locate(['correlation', ...path]), code: 'experiment/correlation', message });
  if (design !== 'mc' && design !== 'lhs')
    put([], `correlated inputs need an mc or lhs design (Iman–Conover rearranges its points), not ${design}`);
  const parameters = def.parameters.map((p, i) => {
    const path = normalizePath(p) ?? p;
    if (!uncertain.includes(path))
      put(
        ['parameters', i],
        `"${p}" is not an uncertain parameter of this experiment${didYouMean(p, uncertain)}`,
      );
    else if (def.parameters.slice(0, i).some((q) => (normalizePath(q) ?? q) === path))
      put(['parameters', i], `"${p}" is listed twice`);
    return path;
  });
  for (const p of matrixProblems(def.matrix, def.parameters.length))
    put(
      p.row === null ? ['matrix'] : p.col === null ? ['matrix', p.row] : ['matrix', p.row, p.col],
      p.message,
    );
  return diagnostics.length > 0
    ? { correlation: null, diagnostics }
    : { correlation: { parameters, matrix: def.matrix }, diagnostics };
}
