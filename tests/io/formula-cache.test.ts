// The formula cache on disk: a warm cache gives the same scenario without
// loading the compiler (mathjs); a missing, corrupt, tampered or unwritable
// cache is ignored and formulas are compiled again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from './project.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'aci-sim-cache-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Fresh copies of the loader and the compiler, as a new process would have them. */
async function freshModules() {
  vi.resetModules();
  const io = await import('../../src/io/load-scenario.js');
  const model = await import('../../src/model/formula.js');
  const engine = await import('../../src/engine/index.js');
  return { ...io, ...model, ...engine };
}

async function firstRun(cacheDir: string | undefined, set: Record<string, string | number> = {}) {
  const m = await freshModules();
  const r = await m.loadScenario('tutorial', { cwd: ROOT, set, ...(cacheDir ? { cacheDir } : {}) });
  const game = r.ok
    ? JSON.stringify(
        m.runGame(r.value.scenario, 'seed-1', {
          target: r.value.scenario.policies.graduated!,
          coercer: r.value.scenario.policies.best_response!,
        }),
      )
    : r.error.map((d) => `${d.file}:${d.line}:${d.col}: ${d.code}: ${d.message}`).join('\n');
  return { game, compiled: m.compilerLoaded() };
}

const FILE = 'formulas-v1.json';

describe('formula cache', () => {
  it('compiles once, then loads the same scenario without mathjs', async () => {
    const dir = tempDir();
    const none = await firstRun(undefined);
    const cold = await firstRun(dir);
    expect(cold.compiled).toBe(true);
    const saved = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as { entries: object };
    expect(Object.keys(saved.entries).length).toBeGreaterThan(5);
    const warm = await firstRun(dir);
    expect(warm.compiled).toBe(false);
    expect(warm.game).toBe(cold.game);
    expect(cold.game).toBe(none.game);
  });

  it('caches the compiler’s errors too', async () => {
    const dir = tempDir();
    const set = { 'formulas.cut.expr': 'r * (1 - ph)' };
    const cold = await firstRun(dir, set);
    expect(cold.game).toContain('unknown symbol "ph"');
    const warm = await firstRun(dir, set);
    expect(warm.compiled).toBe(false);
    expect(warm.game).toBe(cold.game);
  });

  it('recompiles over a corrupt file and mends it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, FILE), '{"compiler": 1, "entries": {"ab');
    const cold = await firstRun(dir);
    expect(cold.compiled).toBe(true);
    expect((await firstRun(dir)).compiled).toBe(false);
  });

  it('ignores entries that are not generated source', async () => {
    const dir = tempDir();
    const cold = await firstRun(dir);
    const file = join(dir, FILE);
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      entries: Record<string, { ok: boolean; source?: string }>;
    };
    for (const e of Object.values(data.entries))
      if (e.ok) e.source = 'function formula(v0) { return 42; }; globalThis.hacked = 1; {';
    writeFileSync(file, JSON.stringify(data));
    const again = await firstRun(dir);
    expect(again.compiled).toBe(true);
    expect(again.game).toBe(cold.game);
    expect((globalThis as { hacked?: number }).hacked).toBeUndefined();
  });

  it('works without a writable folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'not a folder');
    const blocked = join(dir, 'file', 'cache');
    const a = await firstRun(blocked);
    const b = await firstRun(blocked);
    expect(a.compiled && b.compiled).toBe(true);
    expect(b.game).toBe(a.game);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('not a folder');
  });
});
