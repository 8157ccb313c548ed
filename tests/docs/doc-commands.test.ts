// Every command the docs show outside a generated block (in a code fence, or
// inline in backticks) is one aci-sim accepts: commander parses its options,
// a scenario it names exists, and a file it reads exists or is written by an
// earlier step of the same document. The cheap ones (run, explain, vote,
// validate, compare without --out) are run and must exit 0.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_ROOT, GENERATED_DOCS, splitArgs } from '../../src/cli/docs-blocks.js';
import { createProgram } from '../../src/cli/exit.js';
import type { CliIo } from '../../src/cli/io.js';
import { COMMANDS } from '../../src/cli/main.js';
import { cli } from '../helpers/cli.js';
import { shownCommands, whereIs } from './doc-commands.js';

const env = { ACI_SIM_CACHE: join(tmpdir(), 'aci-sim-test-cache') };
const CHEAP = new Set(['run', 'explain', 'vote', 'validate', 'compare']);

/** What commander makes of ARGS: the problem it reports, or the command's positional arguments and options. */
function parse(
  args: string[],
): { error: string } | { command: string; positional: string[]; opts: Record<string, unknown> } {
  let error = '';
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: (s) => (error += s) },
    cwd: DOCS_ROOT,
    env: {},
  };
  let got: { positional: string[]; opts: Record<string, unknown> } | null = null;
  const program = createProgram('aci-sim', '0', '', io);
  const ctx = {
    io,
    action:
      () =>
      async (...a: unknown[]) => {
        const opts = a.at(-2) as Record<string, unknown>;
        got = {
          positional: a
            .slice(0, -2)
            .flat()
            .filter((x): x is string => typeof x === 'string'),
          opts,
        };
      },
  };
  for (const c of COMMANDS) c.register(program, ctx);
  try {
    program.parse(args, { from: 'user' });
  } catch {
    return { error: error.trim() || 'commander refused it' };
  }
  if (!got) return { error: error.trim() || 'no command ran' };
  return { command: args[0]!, ...(got as { positional: string[]; opts: Record<string, unknown> }) };
}

for (const doc of GENERATED_DOCS) {
  const text = readFileSync(join(DOCS_ROOT, doc), 'utf8');
  const shown = shownCommands(text);
  if (shown.length === 0) continue;
  describe(`${doc}: the commands it shows`, () => {
    for (const { line, before, command } of shown)
      it(`${doc}:${line}: aci-sim ${command}`, async () => {
        const args = splitArgs(command);
        if (args.includes('--help')) return expect((await cli(args)).code).toBe(0);
        const p = parse(args);
        expect('error' in p ? p.error : '').toBe('');
        if ('error' in p) return;
        const files = ['from', 'posterior', 'resume'].flatMap((k) =>
          typeof p.opts[k] === 'string' ? [p.opts[k] as string] : [],
        );
        const named = [
          ...p.positional.map((a) => ({ a, at: whereIs(a, p.command, before) })),
          ...files.map((a) => ({ a, at: whereIs(a, 'file', before) })),
          ...(typeof p.opts.scenario === 'string'
            ? [{ a: p.opts.scenario, at: whereIs(p.opts.scenario, 'run', before) }]
            : []),
        ];
        expect(named.filter((n) => n.at === null).map((n) => n.a)).toEqual([]);
        // A command on a file an earlier step writes, or a scenario the reader makes, is only parsed.
        const local = named.every((n) => n.at === 'repo');
        if (local && CHEAP.has(p.command) && p.opts.out === undefined && p.opts.html === undefined) {
          const r = await cli(args, { env });
          expect({ code: r.code, stderr: r.stderr.replace(/^warning: .*\n/gm, '') }).toEqual({
            code: 0,
            stderr: '',
          });
        }
      });
  });
}

describe('the check of shown commands', () => {
  it('finds commands in fences and inline, not in blocks, synopses or mentions', () => {
    const text = [
      '```sh',
      'aci-sim batch tutorial --out a.csv   # comment',
      'aci-sim run [scenario]',
      '```',
      '<!-- docs: run x -->',
      '```',
      '$ aci-sim run x',
      '```',
      '<!-- /docs -->',
      'Then `aci-sim summarize',
      'a.csv`, not `aci-sim validate` nor `aci-sim run --seed`.',
    ].join('\n');
    expect(shownCommands(text).map((s) => [s.line, s.command])).toEqual([
      [2, 'batch tutorial --out a.csv'],
      [10, 'summarize a.csv'],
    ]);
  });

  it('refuses an unknown option and a scenario or file that is nowhere', () => {
    expect(parse(['run', 'tutorial', '--sed', '1'])).toEqual({
      error: "error: unknown option '--sed'\n(Did you mean one of --seed, --set?)\n(add --help for usage)",
    });
    expect(parse(['run', 'tutorial', '--seed', '1'])).toMatchObject({
      positional: ['tutorial'],
      opts: { seed: '1' },
    });
    expect(whereIs('no-such-scenario', 'run', '')).toBeNull();
    expect(whereIs('slow-ports', 'run', 'id: slow-ports')).toBe('earlier');
    expect(whereIs('experiments/calibration.yaml', 'calibrate', '')).toBe('repo');
    expect(whereIs('results/x.csv', 'summarize', '')).toBeNull();
  });
});
