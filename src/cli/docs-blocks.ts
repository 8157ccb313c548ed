// Docs that cannot drift: every block between `<!-- docs: [in DIR:] ARGS [| REGEX] -->`
// and `<!-- /docs -->` in a Markdown file is the output of `aci-sim ARGS`, run
// in the repository or in its folder DIR (only the lines matching REGEX, when
// given). `npm run docs` rewrites the blocks; tests/docs/blocks.test.ts fails
// when a file differs from what the code prints.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

/** The repository: documents are read and commands run from here. */
export const DOCS_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What `aci-sim ARGS` prints (stdout, then stderr), run in-process in the repository (or its folder `dir`) without colour. */
export async function printed(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  dir = '',
): Promise<string> {
  let text = '';
  const sink = { write: (s: string) => (text += s) };
  const cwd = join(DOCS_ROOT, dir);
  await main(args, { stdout: sink, stderr: sink, cwd, env: { ...env, NO_COLOR: '1' } });
  return text;
}

const BLOCK = /<!-- docs: (.+?) -->\n[\s\S]*?<!-- \/docs -->/g;

/** `run tutorial --set 'a b=1' --where "x == 'y'"` → ['run', 'tutorial', '--set', 'a b=1', '--where', "x == 'y'"]. */
export function splitArgs(text: string): string[] {
  return [...text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** A block's folder (relative to the repository, '' for itself), the command it shows and the filter of its lines. */
export function parseSpec(spec: string): {
  dir: string;
  shell: string;
  args: string[];
  filter: RegExp | null;
} {
  const bar = spec.indexOf(' | ');
  const cmd = (bar < 0 ? spec : spec.slice(0, bar)).trim();
  const at = /^in (\S+): (.*)$/.exec(cmd);
  const shell = at ? at[2]! : cmd;
  return {
    dir: at ? at[1]! : '',
    shell,
    args: splitArgs(shell),
    filter: bar < 0 ? null : new RegExp(spec.slice(bar + 3).trim()),
  };
}

/** The file with each block replaced by what `run(args, dir)` prints now. */
export async function renderDocs(
  text: string,
  run: (args: string[], dir: string) => Promise<string>,
): Promise<string> {
  const blocks = [...text.matchAll(BLOCK)];
  let out = '';
  let at = 0;
  for (const m of blocks) {
    const spec = m[1]!;
    const { dir, shell, args, filter } = parseSpec(spec);
    const printed = (await run(args, dir)).replace(/\n$/, '').split('\n');
    const shown = filter ? ['…', ...printed.filter((l) => filter.test(l))] : printed;
    out += text.slice(at, m.index);
    out += `<!-- docs: ${spec} -->\n\`\`\`\n$ aci-sim ${shell}\n${shown.join('\n')}\n\`\`\`\n<!-- /docs -->`;
    at = m.index! + m[0].length;
  }
  return out + text.slice(at);
}

/** The documents whose blocks are generated. */
export const GENERATED_DOCS = [
  'README.md',
  'docs/SCENARIOS.md',
  'docs/MODEL.md',
  'docs/CALIBRATION.md',
  'docs/EXERCISES.md',
  'docs/RESEARCH.md',
  'docs/GLOSSARY.md',
] as const;
