// Groups of uncertain numbers that a Sobol' design varies together (one
// A_B matrix per group): by the file that declares each number (named by its
// file name, with parent folders only where two files share one), by its kind
// (the field it sets, ids and indexes dropped: `dependencies.x.share` and
// `dependencies.y.share` are both `share`), or named lists of paths where `*`
// stands for any run of characters. A number no named list matches joins the
// group `other`; a list that matches nothing is an error.
import { didYouMean } from './did-you-mean.js';
import { normalizePath } from './paths.js';

export type GroupSpec = 'file' | 'kind' | Readonly<Record<string, readonly string[]>>;

export interface FactorGroup {
  readonly name: string;
  /** Indices into the uncertain numbers, ascending. */
  readonly members: readonly number[];
}

export interface GroupProblem {
  /** The group's name and the pattern's index, for its position in the file. */
  readonly at: readonly (string | number)[];
  readonly message: string;
}

/** The kind of a number: the last segment of its path that is neither an index nor an upper-case id. */
export function kindOf(path: string): string {
  const segs = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((s) => s !== '' && !/^[A-Z0-9_]+$/.test(s));
  return segs[segs.length - 1] ?? path;
}

const matcher = (pattern: string): ((path: string) => boolean) => {
  if (!pattern.includes('*')) {
    const p = normalizePath(pattern) ?? pattern;
    return (path) => path === p;
  }
  const re = new RegExp(`^${pattern.split('*').map(escapeRe).join('.*')}$`);
  return (path) => re.test(path);
};
const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * Short names for files that do not depend on the working directory (they name groups, which the
 * plan hash covers): the file name, with as many parent folders as tell it apart from the others.
 */
function fileNames(files: readonly string[]): Map<string, string> {
  const unique = [...new Set(files)];
  const parts = new Map(unique.map((f) => [f, f.split(/[/\\]/).filter(Boolean)]));
  const out = new Map<string, string>();
  for (const f of unique) {
    const mine = parts.get(f)!;
    let n = 1;
    const tail = (p: string[], k: number) => p.slice(-k).join('/');
    while (n < mine.length && unique.some((g) => g !== f && tail(parts.get(g)!, n) === tail(mine, n))) n++;
    out.set(f, tail(mine, n));
  }
  return out;
}

/** The groups of `params` under a spec, in order of first member; problems for named lists. */
export function factorGroups(
  spec: GroupSpec,
  params: readonly { readonly path: string; readonly file: string }[],
): { groups: FactorGroup[]; problems: GroupProblem[] } {
  const problems: GroupProblem[] = [];
  let nameOf: (i: number) => string;
  if (spec === 'file') {
    const names = fileNames(params.map((p) => p.file));
    nameOf = (i) => names.get(params[i]!.file)!;
  } else if (spec === 'kind') nameOf = (i) => kindOf(params[i]!.path);
  else {
    const lists = Object.entries(spec).map(([name, patterns]) => ({
      name,
      tests: patterns.map((p, j) => {
        const test = matcher(p);
        if (!params.some((u) => test(u.path)))
          problems.push({
            at: [name, j],
            message: `"${p}" matches no uncertain number${didYouMean(
              p,
              params.map((u) => u.path),
            )}`,
          });
        return test;
      }),
    }));
    nameOf = (i) => lists.find((l) => l.tests.some((t) => t(params[i]!.path)))?.name ?? 'other';
  }
  const byName = new Map<string, number[]>();
  params.forEach((_, i) => {
    const name = nameOf(i);
    const list = byName.get(name);
    if (list) list.push(i);
    else byName.set(name, [i]);
  });
  return { groups: [...byName].map(([name, members]) => ({ name, members })), problems };
}
