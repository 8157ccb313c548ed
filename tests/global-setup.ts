// Builds dist/ once before the tests (CLI tests spawn the real binary),
// unless it is already newer than every source file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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
    // Type errors elsewhere still emit JavaScript; test what was built if there is something to test.
    if (!existsSync(entry)) throw e;
    process.stderr.write(
      `global-setup: tsc reported errors; testing the emitted dist/ anyway\n${String((e as { stdout?: unknown }).stdout ?? '')}\n`,
    );
  }
}
