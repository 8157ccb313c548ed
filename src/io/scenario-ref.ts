// A scenario given as a path or as an id (scenarios/<id>.yaml under cwd).
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { type Diagnostic, fileDiag } from './diagnostics.js';
import { didYouMean } from './did-you-mean.js';
import { listYamlFiles } from './files.js';
import { err, ok, type Result } from './result.js';

export async function resolveScenarioRef(ref: string, cwd: string): Promise<Result<string, Diagnostic[]>> {
  const looksLikePath = /[/\\]/.test(ref) || /\.ya?ml$/.test(ref);
  if (looksLikePath || existsSync(resolve(cwd, ref))) return ok(resolve(cwd, ref));
  for (const ext of ['yaml', 'yml']) {
    const abs = resolve(cwd, 'scenarios', `${ref}.${ext}`);
    if (existsSync(abs)) return ok(abs);
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
