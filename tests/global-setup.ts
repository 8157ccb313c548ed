// Builds dist/ once before the tests (the few tests that spawn the real binary
// run it), unless it is already newer than every source file. A failed build
// stops the run with tsc's output: a stale or partial dist/ is never tested.
// Test runs started at the same time build one after the other (a lock), so
// that none runs the binary while another rewrites it.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const entry = join(root, 'dist', 'cli', 'main.js');
const lock = join(root, '.vitest', 'build.lock');

const newestSource = (): number =>
  readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(join(root, 'src', f)).mtimeMs)
    .reduce((a, b) => Math.max(a, b), 0);

const fresh = () => existsSync(entry) && statSync(entry).mtimeMs >= newestSource();

function build(): void {
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

/** Whether the lock's owner is gone (its process has ended), so that the lock may be broken. */
function abandoned(): boolean {
  let pid = Number.NaN;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // no pid yet: the owner is between mkdir and writing it, or died there
    return existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 60_000;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

export default async function setup(): Promise<void> {
  if (fresh()) return;
  mkdirSync(join(root, '.vitest'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
    } catch {
      if (abandoned()) rmSync(lock, { recursive: true, force: true });
      else await sleep(200);
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      if (!fresh()) build();
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
