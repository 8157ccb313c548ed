// What the fills that act on a scenario's two sides share (role-fill.ts,
// demand-fill.ts): finding each side's blocs file, and writing one number
// into it with the place it came from.
import { isObj } from './is-obj.js';
import { type Assignment, type Loc, pathKey } from './overrides.js';
import { kindOf } from './resolve-models.js';
import type { YamlSource } from './yaml-source.js';

export type Origins = Map<YamlSource, Map<string, Assignment>>;

/** The scenario's two sides with the listed blocs file that defines each (a side no file defines is left out: the scenario's own checks report it). */
export function scenarioSides(
  files: readonly YamlSource[],
  data: Map<YamlSource, unknown>,
  scenario: unknown,
): { role: 'target' | 'coercer'; side: string; src: YamlSource }[] {
  const sc = isObj(scenario) ? scenario : {};
  const sides = isObj(sc.sides) ? sc.sides : { target: 'EU', coercer: 'CN' };
  const out: { role: 'target' | 'coercer'; side: string; src: YamlSource }[] = [];
  for (const role of ['target', 'coercer'] as const) {
    const side = sides[role];
    if (typeof side !== 'string') continue;
    const src = files.find((f) => {
      const d = data.get(f);
      return kindOf(f) === 'blocs' && isObj(d) && isObj(d.blocs) && isObj(d.blocs[side]);
    });
    if (src) out.push({ role, side, src });
  }
  return out;
}

/** The side's fields as its blocs file holds them now. */
export const blocOf = (
  data: Map<YamlSource, unknown>,
  src: YamlSource,
  side: string,
): Record<string, unknown> =>
  (data.get(src) as { blocs: Record<string, Record<string, unknown>> }).blocs[side]!;

/** Writes `field` of `side` in its blocs file (last among its keys, as a file writing it there) and records where it came from. */
export function fillSide(
  data: Map<YamlSource, unknown>,
  origins: Origins,
  src: YamlSource,
  side: string,
  field: string,
  value: unknown,
  at: Loc,
): void {
  const d = data.get(src) as Record<string, unknown>;
  const blocs = d.blocs as Record<string, Record<string, unknown>>;
  data.set(src, { ...d, blocs: { ...blocs, [side]: { ...blocs[side]!, [field]: value } } });
  const byPath = origins.get(src) ?? new Map<string, Assignment>();
  byPath.set(pathKey(['blocs', side, field]), { text: `blocs.${side}.${field}`, value, at });
  origins.set(src, byPath);
}
