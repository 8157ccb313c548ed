#!/usr/bin/env node
// `npm install`'s prepare step: builds dist/ only when a source is newer than
// the last build, so a second install, or the first `npx aci-sim` in a
// checkout (which re-runs prepare), starts at once.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const entry = join(root, 'dist', 'cli', 'main.js');
const newest = (dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(join(root, dir, f)).mtimeMs)
    .reduce((a, b) => Math.max(a, b), 0);
const inputs = () =>
  Math.max(
    newest('src'),
    ...['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(root, f)).mtimeMs),
  );

if (existsSync(entry) && statSync(entry).mtimeMs >= inputs()) process.exit(0);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
