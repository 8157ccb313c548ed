// Failures of the world outside the program: full disks, missing permissions,
// folders where files belong, readers that went away. Each ends in one line
// naming what failed, with exit code 2 (or quietly, 0, for a closed pipe).
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/cli/exit.js';
import { guardStreams } from '../../src/cli/stream-errors.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errno = (code: string, syscall: string, path?: string, dest?: string) =>
  Object.assign(new Error(`${code}: oops, ${syscall}`), { code, syscall, path, dest });

function guarded() {
  const stdout = new EventEmitter();
  const stderr = new EventEmitter();
  const seen = { exits: [] as number[], text: '' };
  guardStreams(
    stdout,
    stderr,
    (c) => seen.exits.push(c),
    (t) => (seen.text += t),
  );
  return { stdout, stderr, seen };
}

describe('standard output and error failing', () => {
  it('a closed pipe (EPIPE) ends with exit 0 and nothing printed', () => {
    const g = guarded();
    g.stdout.emit('error', errno('EPIPE', 'write'));
    g.stdout.emit('error', new Error('write after end'));
    expect(g.seen).toEqual({ exits: [0], text: '' });
  });

  it('a full disk (ENOSPC) is one line naming standard output, exit 2', () => {
    const g = guarded();
    g.stdout.emit('error', errno('ENOSPC', 'write'));
    expect(g.seen).toEqual({
      exits: [2],
      text: 'standard output: cannot write: no space left on the device (ENOSPC)\n',
    });
  });

  it('a failing stderr is ignored (there is nowhere left to say it)', () => {
    const g = guarded();
    g.stderr.emit('error', errno('EPIPE', 'write'));
    expect(g.seen).toEqual({ exits: [], text: '' });
  });
});

describe('describeFailure', () => {
  it.each([
    [errno('ENOSPC', 'write', 'out/x.csv'), 'out/x.csv: cannot write: no space left on the device (ENOSPC)'],
    [errno('EACCES', 'open', 'ro/j.json'), 'ro/j.json: cannot open: permission denied (EACCES)'],
    [
      errno('EISDIR', 'rename', 'x.csv.tmp', 'x.csv'),
      'x.csv: cannot put the file in place: it is a folder, not a file (EISDIR)',
    ],
    [errno('EEXIST', 'mkdir', 'schemas'), 'schemas: cannot create the folder: it already exists (EEXIST)'],
    [errno('EROFS', 'unlink', '/ro/f'), '/ro/f: cannot remove: the file system is read-only (EROFS)'],
  ])('file-system failure %#: one line naming the path, exit 2', (e, text) => {
    expect(describeFailure(e, {})).toEqual({ text, code: 2 });
  });

  it('anything else stays an unexpected error, exit 1; ACI_SIM_DEBUG shows the stack', () => {
    expect(describeFailure(new TypeError('x is undefined'), {})).toEqual({
      text: 'aci-sim: unexpected error: x is undefined (set ACI_SIM_DEBUG=1 for details)',
      code: 1,
    });
    const e = errno('ENOSPC', 'write', 'f');
    expect(describeFailure(e, { ACI_SIM_DEBUG: '1' })).toEqual({ text: e.stack, code: 1 });
  });
});

describe('schema --out', () => {
  it('an existing file is refused in one line, exit 2, and left alone', async () => {
    writeFileSync(join(dir, 'taken'), 'mine');
    const r = await cli(['schema', '--out', join(dir, 'taken')]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `${join(dir, 'taken')}: exists and is not a folder; nothing was written\n`,
    ]);
    expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('mine');
  });

  it('a path under a file is one line naming it, exit 2, no temporary folder left', async () => {
    writeFileSync(join(dir, 'taken2'), 'x');
    const s = await cli(['schema', '--out', join(dir, 'taken2', 'schemas')]);
    expect([s.code, s.stdout]).toEqual([2, '']);
    expect(s.stderr).toMatch(
      /taken2\/schemas: cannot write the schemas, nothing was changed: .*\((ENOTDIR|EEXIST)\)\n$/,
    );
  });

  it('writes every schema into a new folder, and replaces them in an existing one', async () => {
    const out = join(dir, 'schemas');
    const r = await cli(['schema', '--out', out]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    mkdirSync(join(out, 'keep'));
    const again = await cli(['schema', '--out', out]);
    expect(again.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'calibration.schema.json',
      'keep',
      'model.schema.json',
      'scenario.schema.json',
    ]);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('bounds on numbers that size the work', () => {
  it.each([
    [
      ['run', 'tutorial', '--rounds', '1e9'],
      '--rounds: expected a whole number of rounds from 1 to 1000, got "1e9"',
    ],
    [
      ['run', 'tutorial', '--set', 'parameters.horizon=1e9'],
      '--set: parameters.horizon: expected a whole number from 1 to 240, got 1000000000',
    ],
    [
      ['run', 'tutorial', '--set', 'rounds=5000'],
      '--set: rounds: expected a whole number from 1 to 1000, got 5000',
    ],
    [
      ['run', 'tutorial', '--set', 'round_months=1e9'],
      '--set: round_months: expected a whole number from 1 to 120, got 1000000000',
    ],
    [
      ['batch', 'tutorial', '--runs', '1e9', '--summary-only'],
      '--runs: expected a whole number from 1 to 100000000, got "1e9"',
    ],
    [
      ['batch', 'tutorial', '--policy', 'EU', '--summary-only'],
      '--policy: expected SIDE=policy with SIDE a side\'s id, got "EU"',
    ],
    [
      ['batch', 'history/china-japan-seafood-2023.yaml', '--policy', 'KR=hold', '--summary-only'],
      '--policy: KR is not a side of the scenario (its sides: JP, CN)',
    ],
    [
      ['batch', 'tutorial', '--workers', '100000', '--summary-only'],
      '--workers: expected a whole number from 1 to 1024, got "100000"',
    ],
    [
      ['batch', 'experiments/tutorial-sensitivity.yaml', '--runs', '10000000', '--summary-only'],
      'experiments/tutorial-sensitivity.yaml:13:9: design: a sobol design of 7.00e+7 rows × 5 parameters is too large to build (at most 20000000 values); use a smaller n or fewer levels, or type mc, which is not built in memory',
    ],
  ])('%j: one line, exit 2', async (args, message) => {
    const r = await cli(args);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${message}\n`]);
  });
});

describe('formula results outside a plausible range', () => {
  it.each([
    [
      'formulas.supply_harm=(1e300)',
      '--set: formulas.supply_harm: formula "supply_harm" gave 1e+300, outside ±160 (100× the flow\'s yearly value), for dependency "tutorial_magnets" at the start (projecting the contest) at run time (seed 1)',
    ],
    [
      'formulas.cut=(2)',
      '--set: formulas.cut: formula "cut" gave 2, outside [0, 1], for dependency "tutorial_magnets" at the start (projecting the contest) at run time (seed 1)',
    ],
    [
      'formulas.cut=(-0.5)',
      '--set: formulas.cut: formula "cut" gave -0.5, outside [0, 1], for dependency "tutorial_magnets" at the start (projecting the contest) at run time (seed 1)',
    ],
  ])('%s: one diagnostic naming the formula and where it was written, exit 2', async (set, message) => {
    const r = await cli(['run', 'tutorial', '--set', set]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${message}\n`]);
  });
});
