// Docs that cannot drift: every generated block of GENERATED_DOCS is what the
// code prints now (`npm run docs` rewrites them). The `--help` examples:
// help-examples.test.ts.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DOCS_ROOT,
  GENERATED_DOCS,
  parseSpec,
  printed,
  renderDocs,
  splitArgs,
} from '../../src/cli/docs-blocks.js';

const env = { ACI_SIM_CACHE: join(tmpdir(), 'aci-sim-test-cache') };

describe('generated blocks', () => {
  it('parse a block spec', () => {
    expect(splitArgs("run x --set 'a b=1'")).toEqual(['run', 'x', '--set', 'a b=1']);
    expect(parseSpec('run x | ^Out').filter?.source).toBe('^Out');
    expect(parseSpec('in docs/examples/a: validate b.yaml | ^x')).toMatchObject({
      dir: 'docs/examples/a',
      shell: 'validate b.yaml',
      args: ['validate', 'b.yaml'],
    });
  });

  it('rewrite a stale block and leave a fresh one as it is', async () => {
    const stale = 'a\n<!-- docs: vote --for DE -->\nold\n<!-- /docs -->\nb\n';
    const once = await renderDocs(stale, async (args) => `${args.join(' ')}\nline 2\n`);
    expect(once).toBe(
      'a\n<!-- docs: vote --for DE -->\n```\n$ aci-sim vote --for DE\nvote --for DE\nline 2\n```\n<!-- /docs -->\nb\n',
    );
    expect(await renderDocs(once, async (args) => `${args.join(' ')}\nline 2\n`)).toBe(once);
  });

  for (const doc of GENERATED_DOCS)
    it(`${doc} shows what the code prints (run npm run docs to update it)`, async () => {
      const text = readFileSync(join(DOCS_ROOT, doc), 'utf8');
      expect(await renderDocs(text, (args, dir) => printed(args, env, dir))).toBe(text);
    });
});

it('the slow-ports file SCENARIOS.md shows is the one its blocks run on', () => {
  const text = readFileSync(join(DOCS_ROOT, 'docs/SCENARIOS.md'), 'utf8');
  const file = readFileSync(
    join(DOCS_ROOT, 'docs/examples/slow-ports-typo/scenarios/slow-ports.yaml'),
    'utf8',
  );
  expect(text).toContain(`\`\`\`yaml\n${file}\`\`\``);
});
