// File helpers: display paths and YAML file listing.
import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The path as the user should see it: relative to `cwd` when inside it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
}

/** Every `*.yaml` / `*.yml` file under `dir`, sorted; empty when the directory does not exist. */
export async function listYamlFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir, { recursive: true });
    return names
      .filter((n) => /\.ya?ml$/.test(n))
      .map((n) => resolve(join(dir, n)))
      .sort();
  } catch {
    return [];
  }
}
