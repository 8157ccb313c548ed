// Test helper: a temporary project folder with the fixture models and
// scenarios, plus extra files, so that loaders can be run against it.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const invalidFixture = (name: string): Promise<string> =>
  readFile(join(FIXTURES, 'invalid', name), 'utf8');

const made: string[] = [];

/** A fresh folder with models/ and scenarios/ from tests/fixtures, and `extra` files (path → text). */
export async function makeProject(extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aci-sim-io-'));
  made.push(dir);
  await cp(join(FIXTURES, 'models'), join(dir, 'models'), { recursive: true });
  await cp(join(FIXTURES, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

export async function removeProjects(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}
