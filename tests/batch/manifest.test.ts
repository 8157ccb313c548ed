// The manifest of a resumed batch keeps the first start time and invocation
// and adds a session record per start, also when the resume keeps no row.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/io/writers/manifest.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a resumed batch’s manifest', () => {
  it('keeps the original start and invocation, and records each session', async () => {
    const f = join(dir, 'runs.csv');
    const args = [
      'batch',
      'tests/fixtures/experiments/packages.yaml',
      '--quiet',
      '--workers',
      '1',
      '--out',
      f,
    ];
    expect((await cli(args)).code).toBe(0);
    // As if the first start had been stopped before its first row was written.
    const m = JSON.parse(readFileSync(`${f}.manifest.json`, 'utf8')) as Record<string, unknown>;
    const started = '2020-01-02T03:04:05.000Z';
    writeFileSync(`${f}.tmp.manifest.json`, JSON.stringify({ ...m, started, finished: null }));
    writeFileSync(`${f}.tmp`, `${readFileSync(f, 'utf8').split('\n')[0]}\n`);
    renameSync(f, join(dir, 'first.csv'));
    rmSync(`${f}.manifest.json`);
    const r = await cli([...args, '--resume']);
    expect(r.code, r.stderr).toBe(0);
    const after = readManifest(`${f}.manifest.json`);
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    expect(after.value.started).toBe(started);
    expect(after.value.resumed).toHaveLength(1);
    expect(after.value.sessions?.map((s) => s.command.includes('--resume'))).toEqual([false, true]);
    expect(after.value.invocation?.command.includes('--resume')).toBe(false);
    const git = after.value.invocation?.git;
    expect(git === null || /^[0-9a-f]{40}(\+dirty)?$/.test(git ?? '')).toBe(true);
  });
});
