// What merge checks before it reads a row: which files are the outputs to
// merge, and the problems a finished merge reports (runs missing, given
// twice, or not in the plan).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { err, ok, type Result } from '../io/result.js';
import { formatOf } from '../io/writers/columns.js';
import { type Manifest, manifestPath } from '../io/writers/manifest.js';
import { seriesPath } from './output.js';

/** How many run ids a problem lists before "…". */
export const SHOW = 5;

/** The outputs among `args`: files, or every output with a manifest in a directory. */
export function mergeInputs(args: readonly string[]): Result<string[], Diagnostic[]> {
  const out: string[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (seen.has(resolve(f))) problems.push(fileDiag(f, 'merge/input', 'is given more than once'));
    seen.add(resolve(f));
    out.push(f);
  };
  for (const a of args) {
    if (!existsSync(a)) problems.push(fileDiag(a, 'merge/input', 'no such file or directory'));
    else if (statSync(a).isDirectory()) {
      const outputs = readdirSync(a, { recursive: true, encoding: 'utf8' })
        .filter((f) => formatOf(f) !== null)
        .map((f) => join(a, f))
        .sort();
      const found = outputs.filter((f) => existsSync(manifestPath(f)));
      const series = new Set(found.map((f) => resolve(seriesPath(f))));
      for (const f of outputs)
        if (!found.includes(f) && !series.has(resolve(f)))
          problems.push(
            fileDiag(
              f,
              'merge/input',
              `has no manifest (${manifestPath(f)}): was it written by aci-sim batch?`,
            ),
          );
      if (outputs.length === 0)
        problems.push(fileDiag(a, 'merge/input', 'holds no batch output with a manifest'));
      found.forEach(add);
    } else if (!existsSync(manifestPath(a)))
      problems.push(
        fileDiag(a, 'merge/input', `has no manifest (${manifestPath(a)}): was it written by aci-sim batch?`),
      );
    else add(a);
  }
  return problems.length > 0 ? err(problems) : ok(out);
}

export function mergeProblems(
  inputs: readonly { readonly manifest: Manifest }[],
  planned: number,
  missingCount: number,
  missing: readonly string[],
  dupCount: number,
  duplicated: readonly string[],
  unknown: readonly string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const more = (n: number, shown: number) => (n > shown ? ', …' : '');
  if (missingCount > 0) {
    const count = inputs[0]!.manifest.shard.count;
    const have = new Set(inputs.map((i) => i.manifest.shard.index));
    const absent = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !have.has(i));
    const hint =
      absent.length > 0
        ? `no input is shard ${absent
            .slice(0, SHOW)
            .map((i) => `${i}/${count}`)
            .join(', ')}${more(absent.length, SHOW)}`
        : undefined;
    out.push(
      fileDiag(
        'merge',
        'merge/missing',
        `${missingCount} of ${planned} planned runs are missing: ${missing.join(', ')}${more(missingCount, missing.length)}`,
        '',
        hint,
      ),
    );
  }
  if (dupCount > 0)
    out.push(
      fileDiag(
        'merge',
        'merge/duplicate',
        `${dupCount} runs appear more than once: ${duplicated.join(', ')}${more(dupCount, duplicated.length)}`,
        '',
        'give each shard once',
      ),
    );
  if (unknown.length > 0)
    out.push(fileDiag('merge', 'merge/unknown', `runs not in the plan: ${unknown.join(', ')}`));
  return out;
}
