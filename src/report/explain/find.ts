// Which scenario to explain an id in: the one named with --scenario, or the
// first shipped scenario that defines the id (the default scenario first).
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { editDistance, listSome } from '../../io/did-you-mean.js';
import { listYamlFiles } from '../../io/files.js';
import { type LoadedScenario, type LoadOptions, loadScenario } from '../../io/load-scenario.js';

export type Found =
  | { ok: true; loaded: LoadedScenario; kind: 'measure' | 'dependency' }
  | { ok: false; diagnostics: Diagnostic[] };

const SHIPPED = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

const kindIn = (l: LoadedScenario, id: string) =>
  l.def.measures[id] ? 'measure' : l.def.dependencies[id] ? 'dependency' : null;

const idsOf = (l: LoadedScenario) => [...Object.keys(l.def.measures), ...Object.keys(l.def.dependencies)];

/** Scenario ids to search, in order: the default, then rare-earths-2025, then the rest by name. */
export async function searchOrder(cwd: string, first: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const dir of [resolve(cwd, 'scenarios'), SHIPPED])
    for (const f of await listYamlFiles(dir)) ids.add(basename(f).replace(/\.ya?ml$/, ''));
  const rest = [...ids].filter((x) => x !== first && x !== 'rare-earths-2025').sort();
  return [
    first,
    ...(ids.has('rare-earths-2025') && first !== 'rare-earths-2025' ? ['rare-earths-2025'] : []),
    ...rest,
  ];
}

/** Loads the scenario that explains `id`; a did-you-mean message when none defines it. */
export async function findScenario(
  id: string,
  named: string | undefined,
  defaultRef: string,
  cwd: string,
  set: Record<string, string | number>,
  cache: Pick<LoadOptions, 'cacheDir' | 'modelDirs'> = {},
): Promise<Found> {
  const refs = named ? [named] : await searchOrder(cwd, defaultRef);
  const tried: { ref: string; loaded: LoadedScenario }[] = [];
  for (const ref of refs) {
    // Search without --set (its paths may not exist in other scenarios), then load the match with it.
    const r = await loadScenario(ref, { cwd, set: named ? set : {}, ...cache });
    if (!r.ok) {
      // A scenario the user named must load; a shipped one that does not is skipped.
      if (named) return { ok: false, diagnostics: r.error };
      continue;
    }
    const kind = kindIn(r.value, id);
    if (kind && (named || Object.keys(set).length === 0)) return { ok: true, loaded: r.value, kind };
    if (kind) {
      const again = await loadScenario(ref, { cwd, set, ...cache });
      return again.ok ? { ok: true, loaded: again.value, kind } : { ok: false, diagnostics: again.error };
    }
    tried.push({ ref, loaded: r.value });
  }
  const diag = unknownId(id, tried);
  if (named) {
    // Defined in another shipped scenario? Say which.
    for (const ref of await searchOrder(cwd, defaultRef)) {
      const r = await loadScenario(ref, { cwd, ...cache });
      if (r.ok && kindIn(r.value, id))
        return {
          ok: false,
          diagnostics: [{ ...diag, hint: `it is in scenario ${r.value.def.id}: --scenario ${ref}` }],
        };
    }
  }
  return { ok: false, diagnostics: [diag] };
}

function unknownId(id: string, tried: { ref: string; loaded: LoadedScenario }[]): Diagnostic {
  // Name the scenario that holds the closest id, else the first one tried.
  let where = tried[0];
  let best: { id: string; score: number } | undefined;
  for (const t of tried) {
    const c = closest(id, idsOf(t.loaded));
    if (c && (!best || c.score < best.score)) [best, where] = [c, t];
  }
  const name = where?.loaded.def.id ?? '(no scenario)';
  const dym = best ? ` — did you mean "${best.id}"?` : '';
  const hint = best || !where ? undefined : `ids in ${name}: ${listSome(idsOf(where.loaded), 10)}`;
  return fileDiag('explain', 'cli/unknown-id', `no measure or dependency "${id}" in ${name}${dym}`, '', hint);
}

/**
 * The candidate nearest to a misspelt id: by edit distance to the whole id,
 * or (half a point worse) to its start, so "duv_servicng" finds
 * "duv_servicing_nl". Ties go to the shorter id.
 */
export function closest(
  word: string,
  candidates: readonly string[],
): { id: string; score: number } | undefined {
  const w = word.toLowerCase();
  let best: { id: string; score: number } | undefined;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let score = editDistance(w, lc);
    for (let k = Math.max(1, w.length - 2); k <= Math.min(lc.length, w.length + 2); k++)
      score = Math.min(score, editDistance(w, lc.slice(0, k)) + 0.5);
    // A word of the id ("magnets" in "cn_magnets").
    if (w.length >= 4 && lc.split('_').includes(w)) score = Math.min(score, 1.5);
    if (score > Math.max(2, w.length / 4)) continue;
    if (!best || score < best.score || (score === best.score && c.length < best.id.length))
      best = { id: c, score };
  }
  return best;
}
