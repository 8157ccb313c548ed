// The user's dotted paths (as the YAML files write them) for every number of
// a built scenario, mapped to where the engine keeps it. The one place where
// the files' snake_case names meet the engine's camelCase ones.
import type { Scenario } from '../engine/types.js';
import { formatPath, type PathSeg, parsePath } from './paths.js';

type Target = readonly PathSeg[];

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Numeric fields of a plain object, snake-cased, with their engine names. */
function numbers(obj: object, skip: readonly string[] = []): [string, string][] {
  return Object.entries(obj)
    .filter(([k, v]) => typeof v === 'number' && !skip.includes(k))
    .map(([k]) => [snake(k), k]);
}

/** Every settable number of the scenario: canonical user path → engine target. */
export function buildTargets(sc: Omit<Scenario, 'targets'>): Map<string, Target> {
  const out = new Map<string, Target>();
  const add = (user: readonly PathSeg[], target: Target) => out.set(formatPath(user), target);
  for (const [u, k] of numbers(sc.params)) add(['parameters', u], ['params', k]);
  add(['rounds'], ['rounds']);
  add(['round_months'], ['roundMonths']);
  const { appealMin, appealMax, ...stages } = sc.procedure;
  for (const [u, k] of numbers(stages)) add(['procedure', u], ['procedure', k]);
  add(['procedure', 'appeal', 0], ['procedure', 'appealMin']);
  add(['procedure', 'appeal', 1], ['procedure', 'appealMax']);
  // Files name a side by its id (blocs.EU.stakes); the engine keeps it by role.
  for (const [role, b] of Object.entries(sc.blocs))
    for (const [u, k] of numbers(b)) add(['blocs', b.id, u], ['blocs', role, k]);
  sc.dependencies.forEach((d, i) => {
    for (const [u, k] of numbers(d)) add(['dependencies', d.id, u], ['dependencies', i, k]);
    for (const s of Object.keys(d.exposure ?? {}))
      add(['dependencies', d.id, 'exposure', s], ['dependencies', i, 'exposure', s]);
  });
  sc.measures.forEach((m, i) => {
    add(['measures', m.id, 'lead_rounds'], ['measures', i, 'leadRounds']);
    // The engine's levels start with the implicit "off" level; the files' do not.
    m.levels.slice(1).forEach((l, k) => {
      for (const [u, f] of numbers(l))
        add(['measures', m.id, 'levels', k, u], ['measures', i, 'levels', k + 1, f]);
    });
    for (const s of Object.keys(m.pressure))
      add(['measures', m.id, 'pressure', s], ['measures', i, 'pressure', s]);
    add(['start', 'levels', m.id], ['startLevels', m.id]);
  });
  sc.states.forEach((s, i) => {
    const fields: [PathSeg[], Target][] = numbers(s).map(([u, k]) => [[u], ['states', i, k]]);
    for (const sector of Object.keys(s.exposure))
      fields.push([
        ['exposure', sector],
        ['states', i, 'exposure', sector],
      ]);
    for (const m of Object.keys(s.levers))
      fields.push([
        ['levers', m],
        ['states', i, 'levers', m],
      ]);
    // Written `states:` in the member-states file and `member_states.` in scenarios: both are accepted.
    for (const [rest, target] of fields) {
      add(['member_states', s.id, ...rest], target);
      add(['states', s.id, ...rest], target);
    }
  });
  for (const p of Object.values(sc.policies))
    for (const k of Object.keys(p.params))
      add(['policies', p.id, 'params', k], ['policies', p.id, 'params', k]);
  return out;
}

/** The canonical spelling of a user path (`levels.1` → `levels[1]`), as the targets are keyed. */
export const canonicalPath = (text: string): string | undefined => {
  const p = parsePath(text);
  return p && formatPath(p);
};

/** Where a user path's number sits in the scenario; an error names the path when it names no number. */
export function targetOf(sc: Scenario, text: string): Target {
  const t = sc.targets.get(canonicalPath(text) ?? text);
  if (!t) throw new Error(`"${text}" is not a number of scenario "${sc.id}"`);
  return t;
}
