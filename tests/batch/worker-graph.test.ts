// Batch workers are lean: the module graph of the built worker (static and
// dynamic imports, followed through dist/) reaches no YAML parser, schema
// library, formula compiler or UI; they receive compiled scenarios as data.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

/** Files of dist/ and packages reached from `entry`. */
function graph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      if (spec!.startsWith('.')) visit(join(dirname(file), spec!));
      else if (!spec!.startsWith('node:')) packages.add(spec!.split('/')[0]!);
    }
  };
  visit(join(DIST, entry));
  return { files: [...files].map((f) => relative(DIST, f)).sort(), packages: [...packages].sort() };
}

describe('batch worker module graph', () => {
  const { files, packages } = graph('batch/worker.js');

  it('has no mathjs, zod, yaml or UI package', () => {
    expect(packages).toEqual([]);
  });

  it('does not reach the compiler or the loaders', () => {
    expect(files).toContain('model/formula-runtime.js');
    expect(files).toContain('io/scenario-data.js');
    expect(files.filter((f) => /^model\/formula\.js$|^io\/load-|^io\/schemas\/|yaml/.test(f))).toEqual([]);
  });

  it('the walk does find what the CLI loads', () => {
    expect(graph('cli/commands/validate.js').packages).toContain('yaml');
  });
});
