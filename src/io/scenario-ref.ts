// A scenario given as a path or as an id (scenarios/<id>.yaml under cwd).
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, fileDiag } from './diagnostics.js';
import { didYouMean } from './did-you-mean.js';
import { listYamlFiles } from './files.js';
import { err, ok, type Result } from './result.js';

const SHIPPED = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** The scenario used when a command names none. */
export const DEFAULT_SCENARIO = 'rare-earths-2025';

export async function resolveScenarioRef(ref: string, cwd: string): Promise<Result<string, Diagnostic[]>> {
  const looksLikePath = /[/\\]/.test(ref) || /\.ya?ml$/.test(ref);
  if (looksLikePath || existsSync(resolve(cwd, ref))) return ok(resolve(cwd, ref));
  // An id is looked up under the working directory, then among the scenarios shipped with aci-sim.
  for (const dir of [resolve(cwd, 'scenarios'), SHIPPED]) {
    for (const ext of ['yaml', 'yml']) {
      const abs = resolve(dir, `${ref}.${ext}`);
      if (existsSync(abs)) return ok(abs);
    }
  }
  const ids = (await listYamlFiles(resolve(cwd, 'scenarios'))).map((f) =>
    basename(f).replace(/\.ya?ml$/, ''),
  );
  return err([
    fileDiag(
      ref,
      'file/unknown-scenario',
      `no scenario "${ref}": neither a file nor scenarios/${ref}.yaml${didYouMean(ref, ids)}`,
    ),
  ]);
}
