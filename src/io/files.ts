// File helpers: display paths and YAML file listing.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The path as the user should see it: relative to `cwd` when inside it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
}

/** YAML files under a folder, and the symbolic links that lead back into it (not followed). */
export interface YamlListing {
  readonly files: string[];
  /** [link, the folder it points to] for each link that loops. */
  readonly loops: [string, string][];
}

/**
 * Every `*.yaml` / `*.yml` file under `dir`, sorted; empty when the folder
 * does not exist. A linked folder is followed once per real path, and never
 * when it is the folder itself or one of its parents (a loop).
 */
export async function listYaml(dir: string): Promise<YamlListing> {
  const files: string[] = [];
  const loops: [string, string][] = [];
  let root: string;
  try {
    root = await realpath(dir);
  } catch {
    return { files, loops };
  }
  const seen = new Set<string>([root]);
  const walk = async (at: string, real: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(at, e.name);
      if (e.isDirectory()) await walk(path, join(real, e.name));
      else if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(path);
        } catch {
          continue; // a dangling link
        }
        const info = await stat(target);
        if (info.isFile() && /\.ya?ml$/.test(e.name)) files.push(resolve(path));
        if (!info.isDirectory()) continue;
        if (real === target || (real + sep).startsWith(target + sep)) loops.push([resolve(path), target]);
        else if (!seen.has(target)) {
          seen.add(target);
          await walk(path, target);
        }
      } else if (e.isFile() && /\.ya?ml$/.test(e.name)) files.push(resolve(path));
    }
  };
  await walk(dir, root);
  return { files: files.sort(), loops };
}

/** Every `*.yaml` / `*.yml` file under `dir` (see listYaml), sorted. */
export const listYamlFiles = async (dir: string): Promise<string[]> => (await listYaml(dir)).files;
