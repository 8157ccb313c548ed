// Builds dist/ once before the tests (the few tests that spawn the real binary
// run it), unless it is already newer than every source file. A failed build
// stops the run with tsc's output: a stale or partial dist/ is never tested.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const entry = join(root, 'dist', 'cli', 'main.js');

const newestSource = (): number =>
  readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(join(root, 'src', f)).mtimeMs)
    .reduce((a, b) => Math.max(a, b), 0);

export default function setup(): void {
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestSource()) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: unknown; stderr?: unknown };
    const output = `${String(stdout ?? '')}${String(stderr ?? '')}`.trim();
    // tsc emits despite type errors: age the entry so that the next run builds again.
    if (existsSync(entry)) utimesSync(entry, 0, 0);
    throw new Error(`global-setup: the build (tsc -p tsconfig.build.json) failed:\n${output || String(e)}`);
  }
}
