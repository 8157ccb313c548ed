// A scenario's two sides get the behaviour model's default for their role
// (`roles: coercer: base_effort: …`) where their blocs file writes none, so
// that a number copied from episode to episode ("as the other targets…") is
// written once. Runs after overrides and --set, which win, as does a side's
// own number.
import { behaviourEntries } from './behaviour-fill.js';
import { blocOf, fillSide, type Origins, scenarioSides } from './side-fill.js';
import type { YamlSource } from './yaml-source.js';
import { sourceLocator } from './zod-issues.js';

/** The fields a role's defaults may supply. */
export const ROLE_FIELDS = ['base_effort'] as const;

export interface RoleFilled {
  /** Per blocs file: file path key → where the filled number is written (the role's default). */
  readonly origins: Origins;
}

export function fillRoles(
  files: readonly YamlSource[],
  data: Map<YamlSource, unknown>,
  scenario: unknown,
  /** Whether an override or --set wrote this path of that blocs file (they win). */
  assigned: (src: YamlSource, path: readonly string[]) => boolean,
): RoleFilled {
  const origins: Origins = new Map();
  const defaults = behaviourEntries(files, data, 'roles');
  if (defaults.size === 0) return { origins };
  for (const { role, side, src } of scenarioSides(files, data, scenario)) {
    const def = defaults.get(role);
    if (!def) continue;
    for (const field of ROLE_FIELDS) {
      const value = def.fields[field];
      if (blocOf(data, src, side)[field] !== undefined || value === undefined) continue;
      if (assigned(src, ['blocs', side, field])) continue;
      fillSide(data, origins, src, side, field, value, sourceLocator(def.src)(['roles', role, field]));
    }
  }
  return { origins };
}
