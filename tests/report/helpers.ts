// Helpers of the report tests: fixture journals copied with the current
// scenario hash, temporary folders, and a well-formedness check for SVG.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Journal } from '../../src/io/journal.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { ROOT } from './journal-fixture.js';

export { ROOT };
export const FIXTURES = join(ROOT, 'tests/fixtures/journals');

/** A temporary folder removed after the file's tests. */
export function tempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));
  return async () => {
    const d = await mkdtemp(join(tmpdir(), 'aci-report-'));
    made.push(d);
    return d;
  };
}

/**
 * Copies a fixture journal into `dir` with the scenario hash of the current
 * definition, so that the tests follow the models and engine as they are.
 */
export async function fixtureCopy(
  name: string,
  dir: string,
  patch: (j: Journal) => void = () => {},
): Promise<string> {
  const j = JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as Journal;
  const loaded = await loadScenario(j.scenario.ref, { cwd: ROOT, set: j.set });
  if (!loaded.ok) throw new Error(loaded.error.map((d) => d.message).join('\n'));
  j.scenario.hash = loaded.value.hash;
  patch(j);
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(j, null, 2));
  return path;
}

/** Throws unless the tags nest properly (a small XML check: no comments, CDATA or doctype). */
export function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, close, name, , selfClose] = m;
    if (selfClose) continue;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else stack.push(name!);
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(', ')}`);
  const stray = body.replace(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, '');
  if (/[<>]/.test(stray)) throw new Error(`stray < or > in text: ${stray.match(/.{0,30}[<>].{0,30}/)?.[0]}`);
}

/** Every number in coordinates and path data is finite. */
export function assertFiniteGeometry(svg: string): void {
  if (/NaN|Infinity|undefined/.test(svg)) throw new Error('NaN, Infinity or undefined in the SVG');
  for (const m of svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height)="([^"]*)"/g))
    if (!Number.isFinite(Number(m[1]))) throw new Error(`not a number: ${m[0]}`);
  for (const m of svg.matchAll(/\sd="([^"]*)"/g))
    if (!/^[MLHVZ0-9.,\-\s]*$/.test(m[1]!)) throw new Error(`unexpected path data: ${m[1]}`);
}
