// The house rules are enforced by Biome: the engine stays pure and the tree is clean.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
const run = (...args: string[]) => spawnSync(process.execPath, [biome, ...args], { encoding: 'utf8' });

describe('lint', () => {
  it('passes on the whole tree', () => {
    const r = run('check', '.');
    expect(r.stdout + r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
  });

  it('forbids src/engine from importing Node, UI, mathjs or other layers', () => {
    const dir = mkdtempSync(join('src', 'engine', 'lint-probe-'));
    try {
      writeFileSync(
        join(dir, 'probe.ts'),
        "import { readFileSync } from 'node:fs';\nimport { create } from 'mathjs';\nimport { Box } from 'ink';\nimport { loadScenario } from '../../io/load-scenario.js';\nexport const x = [readFileSync, create, Box, loadScenario];\n",
      );
      const out = run('lint', dir).stdout + run('lint', dir).stderr;
      expect(out).toContain('src/engine is pure: no Node built-ins.');
      expect(out).toContain('src/engine is pure: formulas and randomness come in through interfaces.');
      expect(out).toContain('src/engine is pure: no UI.');
      expect(out).toContain('src/engine imports none of the other layers.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
