// The house rules are enforced by Biome: the engine stays pure, every layer's
// imports point inward, and the tree is clean. Each rule is shown to fire on a
// probe file in its layer (and to let the imports that are allowed through).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
const run = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [biome, ...args], { cwd, encoding: 'utf8' });

/** A layer's probe: its imports, each with the message Biome must give, or null when it is allowed. */
const PROBES: Record<string, [string, string | null][]> = {
  engine: [
    ['node:fs', 'src/engine is pure: no Node built-ins.'],
    ['mathjs', 'src/engine is pure: formulas and randomness come in through interfaces.'],
    ['ink', 'src/engine is pure: no UI.'],
    ['../../io/load-scenario.js', 'src/engine imports none of the other layers.'],
  ],
  model: [
    ['mathjs', null],
    ['../../engine/index.js', null],
    ...['io', 'batch', 'report', 'ui', 'cli'].map((l): [string, string] => [
      `../../${l}/x.js`,
      'Arrows point inward: src/model imports none of io, batch, report, ui or cli.',
    ]),
  ],
  io: [
    ['../../engine/index.js', null],
    ['../../model/formula.js', null],
    ['mathjs', 'Only src/model uses mathjs: formulas come compiled from there.'],
    ['ink', 'Only src/ui and src/cli may use ink or React.'],
    ...['batch', 'report', 'ui', 'cli'].map((l): [string, string] => [
      `../../${l}/x.js`,
      'Arrows point inward: src/io imports none of batch, report, ui or cli.',
    ]),
  ],
  batch: [
    ['../../io/diagnostics.js', null],
    ...['report', 'ui', 'cli'].map((l): [string, string] => [
      `../../${l}/x.js`,
      'Arrows point inward: src/batch imports none of report, ui or cli.',
    ]),
  ],
  report: [
    ['../../io/diagnostics.js', null],
    ...['batch', 'ui', 'cli'].map((l): [string, string] => [
      `../../${l}/x.js`,
      'Arrows point inward: src/report imports none of batch, ui or cli.',
    ]),
  ],
  ui: [
    ['ink', null],
    ['../../io/journal.js', null],
    ...['cli', 'batch'].map((l): [string, string] => [
      `../../${l}/x.js`,
      'Arrows point inward: src/ui imports neither cli nor batch.',
    ]),
  ],
  cli: [
    ['../../batch/x.js', null],
    ['mathjs', 'Only src/model uses mathjs: formulas come compiled from there.'],
  ],
  bench: [
    ['mathjs', null],
    ['../../batch/x.js', null],
    ['../../cli/x.js', 'src/bench measures the library: it imports nothing of src/cli.'],
  ],
};

interface Diag {
  message: string;
  category: string;
  location: { path: string; start: { line: number } };
}

describe('lint', () => {
  it('passes on the whole tree', () => {
    const r = run(ROOT, 'check', '.');
    expect(r.stdout + r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
  });

  describe('each layer imports only inward', () => {
    let found: Diag[] = [];
    let tmp = '';
    // The probes are linted in a copy of the project's Biome setup, so that the tree itself (which the
    // whole-tree check above, the build and tsc read, maybe in another test run at the same time)
    // never holds them.
    beforeAll(() => {
      tmp = mkdtempSync(join(tmpdir(), 'aci-lint-'));
      copyFileSync('biome.json', join(tmp, 'biome.json'));
      for (const [layer, imports] of Object.entries(PROBES)) {
        const body = imports.map(([from], k) => `import * as m${k} from '${from}';`);
        body.push(`export const probe = [${imports.map((_, k) => `m${k}`).join(', ')}];`, '');
        mkdirSync(join(tmp, 'src', layer, 'probe'), { recursive: true });
        writeFileSync(join(tmp, 'src', layer, 'probe', 'probe.ts'), body.join('\n'));
      }
      const r = run(tmp, 'lint', '--reporter=json', '--max-diagnostics=1000', 'src');
      found = (JSON.parse(r.stdout) as { diagnostics: Diag[] }).diagnostics.filter(
        (d) => d.category === 'lint/style/noRestrictedImports',
      );
    });
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    for (const [layer, imports] of Object.entries(PROBES))
      it(`src/${layer}`, () => {
        const got = found
          .filter((d) => d.location.path === `src/${layer}/probe/probe.ts`)
          .map((d) => [imports[d.location.start.line - 1]?.[0], d.message]);
        expect(got).toEqual(imports.filter(([, message]) => message !== null));
      });
  });
});
