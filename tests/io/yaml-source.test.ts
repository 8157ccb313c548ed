import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, formatDiagnostics } from '../../src/io/diagnostics.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { parseYaml, positionOf, readYamlFile } from '../../src/io/yaml-source.js';
import { makeProject, removeProjects } from './project.js';

afterAll(removeProjects);

const problems = async (ref: string, cwd?: string) => {
  const r = await loadScenario(ref, cwd === undefined ? {} : { cwd });
  return r.ok ? '' : formatDiagnostics(r.error);
};

describe('reading files', () => {
  it('missing file', async () => {
    expect(await problems('tests/fixtures/invalid/nope.yaml')).toBe(
      'tests/fixtures/invalid/nope.yaml: cannot read file (no such file)',
    );
  });

  it('unknown scenario id', async () => {
    const dir = await makeProject();
    expect(await problems('minii', dir)).toBe(
      'minii: no scenario "minii": neither a file nor scenarios/minii.yaml — did you mean "mini"?',
    );
  });

  it.skipIf(process.getuid?.() === 0)('unreadable file', async () => {
    const dir = await makeProject();
    const file = join(dir, 'scenarios', 'mini.yaml');
    await chmod(file, 0o000);
    expect(await problems('scenarios/mini.yaml', dir)).toBe(
      'scenarios/mini.yaml: cannot read file (permission denied)',
    );
    await chmod(file, 0o644);
  });

  it('YAML syntax error', async () => {
    expect(await problems('tests/fixtures/invalid/syntax.yaml')).toBe(
      'tests/fixtures/invalid/syntax.yaml:5:1: YAML syntax error: flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('duplicate key', async () => {
    expect(await problems('tests/fixtures/invalid/duplicate-key.yaml')).toBe(
      'tests/fixtures/invalid/duplicate-key.yaml:7:1: duplicate key "rounds" (each key may appear only once in a mapping)',
    );
  });

  it('an unresolved alias is a diagnostic, not a crash', () => {
    const r = parseYaml('a: *x\n', 'x.yaml');
    expect(r.ok ? '' : formatDiagnostics(r.error)).toMatch(/^x\.yaml:1:1: /);
  });

  it('a directory is a diagnostic', async () => {
    const dir = await makeProject();
    const r = await readYamlFile(join(dir, 'models'), 'models');
    expect(r.ok ? '' : formatDiagnostics(r.error)).toBe('models: cannot read file (is a directory)');
  });
});

describe('positions', () => {
  const text = 'a:\n  b: 1\n  list:\n    - x\n    - { y: 2 }\n';
  const r = parseYaml(text, 't.yaml');
  if (!r.ok) throw new Error('fixture');
  it('maps a data path to line:col', () => {
    expect(positionOf(r.value, ['a', 'b'])).toEqual({ line: 2, col: 6 });
    expect(positionOf(r.value, ['a', 'list', 1, 'y'])).toEqual({ line: 5, col: 12 });
  });
  it('falls back to the nearest existing parent for a missing key', () => {
    expect(positionOf(r.value, ['a', 'list', 1, 'z'])).toEqual({ line: 5, col: 7 });
    expect(positionOf(r.value, ['nope'])).toEqual({ line: 1, col: 1 });
  });
});

describe('formatting', () => {
  it('puts a hint on a second line and omits a missing position', () => {
    expect(
      formatDiagnostic({ file: 'f.yaml', line: 3, col: 5, path: 'a.b', code: 'x', message: 'm', hint: 'h' }),
    ).toBe('f.yaml:3:5: a.b: m\n  hint: h');
    expect(
      formatDiagnostic({ file: '--set', line: 0, col: 0, path: 'rounds', code: 'x', message: 'm' }),
    ).toBe('--set: rounds: m');
  });
});
