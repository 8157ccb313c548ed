// The aci-sim commands a Markdown document shows outside its generated blocks:
// in code fences (`$ aci-sim …` or `aci-sim …` lines) and inline in backticks,
// leaving out synopses with placeholders (`aci-sim run [scenario]`, `JOURNAL`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DOCS_ROOT } from '../../src/cli/docs-blocks.js';

export interface Shown {
  /** Line of the document (1-based). */
  line: number;
  /** The document's text before the command: what earlier steps wrote or named. */
  before: string;
  /** The command without `aci-sim`, a trailing `# comment` or `> file`. */
  command: string;
}

/** A synopsis or a shape, not a command: a placeholder, an ellipsis, alternatives. */
const placeholder = (command: string) =>
  command
    .split(/\s+/)
    .some((t) => /[<>[\]…|{}]/.test(t.replace(/'[^']*'|"[^"]*"/g, '')) || /^[A-Z][A-Z_]*$/.test(t));

export function shownCommands(text: string): Shown[] {
  const out: Shown[] = [];
  const lines = text.split('\n');
  let fence: string | null = null;
  let block = false;
  let offset = 0;
  const prose: string[] = [];
  lines.forEach((l, i) => {
    const at = offset;
    offset += l.length + 1;
    if (l.startsWith('<!-- docs:')) block = true;
    if (l.startsWith('<!-- /docs -->')) block = false;
    const f = /^\s*```(\w*)/.exec(l);
    if (f) {
      fence = fence === null ? f[1]! : null;
      prose.push('');
      return;
    }
    if (fence === null) {
      prose.push(l);
      return;
    }
    prose.push('');
    const m = /^\s*(?:\$ )?aci-sim (.*)$/.exec(l);
    if (block || !m || ['yaml', 'ts', 'json'].includes(fence)) return;
    const command = m[1]!
      .replace(/\s+#.*$/, '')
      .replace(/\s+>\s+\S+\s*$/, '')
      .trim();
    if (!placeholder(command)) out.push({ line: i + 1, before: text.slice(0, at), command });
  });
  // Inline code in prose, which may wrap across lines.
  const joined = prose.join('\n');
  for (const m of joined.matchAll(/`(?:npx )?aci-sim ([^`]+)`/g)) {
    const command = m[1]!.replace(/\s+/g, ' ').trim();
    // A mention of a command or of one option (`aci-sim validate`, `aci-sim run --seed`), not a command line.
    if (placeholder(command) || /^\S+( --[\w-]+)?$/.test(command)) continue;
    const line = joined.slice(0, m.index).split('\n').length;
    out.push({ line, before: text.slice(0, m.index), command });
  }
  return out.sort((a, b) => a.line - b.line);
}

const SCENARIO_FIRST = new Set(['run', 'play', 'compare', 'batch', 'sensitivity']);

/**
 * Where an argument's file or scenario is: 'repo' (in the repository, or not a
 * file: an explain id, a number), 'earlier' (named by an earlier step of the
 * document: a file it writes, a scenario the reader makes) or null (nowhere).
 */
export function whereIs(arg: string, command: string, before: string): 'repo' | 'earlier' | null {
  const file = /[/\\]|\.(ya?ml|json|jsonl|csv|parquet|html)$/.test(arg);
  const scenario = !file && SCENARIO_FIRST.has(command);
  if (!file && !scenario) return 'repo';
  if (existsSync(join(DOCS_ROOT, file ? arg : join('scenarios', `${arg}.yaml`)))) return 'repo';
  return before.includes(arg) ? 'earlier' : null;
}
