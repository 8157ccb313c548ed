// Checks a parsed YAML document before its data is used: control characters
// in any text, keys that reach the prototype, nesting depth. One diagnostic
// per problem, at the node.
import { type Document, isCollection, isPair, isScalar, isSeq, type Node, type Pair, visit } from 'yaml';
import type { Diagnostic } from './diagnostics.js';
import { formatPath, type PathSeg } from './paths.js';
import { controlProblem, forbiddenKeyProblem, MAX_DEPTH } from './untrusted.js';

type Ancestor = Document | Node | Pair;

/** The data path of a node from its ancestry (map keys and list indices). */
function dataPath(ancestry: readonly Ancestor[], node: Node | Pair): PathSeg[] {
  const chain = [...ancestry, node];
  const out: PathSeg[] = [];
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1];
    const child = chain[i];
    if (isPair(child) && isScalar(child.key)) out.push(String(child.key.value));
    else if (isSeq(parent)) out.push(parent.items.indexOf(child as Node));
  }
  return out;
}

export function checkDocument(
  doc: Document.Parsed,
  file: string,
  at: (offset: number) => { line: number; col: number },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (node: Node, path: readonly PathSeg[], code: string, message: string) => {
    const { line, col } = at(node.range?.[0] ?? 0);
    out.push({ file, line, col, path: formatPath(path), code, message });
  };
  visit(doc, {
    Pair(_, pair, ancestry) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const bad = forbiddenKeyProblem(key) ?? (controlProblem(key) ? `key ${controlProblem(key)}` : null);
      if (bad) push(pair.key, dataPath(ancestry, pair).slice(0, -1), 'input/key', bad);
    },
    Scalar(key, node, ancestry) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const bad = controlProblem(node.value);
      if (bad) push(node, dataPath(ancestry, node), 'input/control', bad);
    },
    Collection(_, node, ancestry) {
      const depth = ancestry.filter((a) => isCollection(a)).length + 1;
      if (depth <= MAX_DEPTH) return;
      push(
        node,
        dataPath(ancestry, node),
        'input/too-deep',
        `mappings and lists nest deeper than ${MAX_DEPTH} levels`,
      );
      return visit.SKIP;
    },
  });
  return out;
}
