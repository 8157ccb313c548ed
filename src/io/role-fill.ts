// A scenario's two sides get the behaviour model's default for their role
// (`roles: coercer: base_effort: …`) where their blocs file writes none, so
// that a number copied from episode to episode ("as the other targets…") is
// written once. Runs after overrides and --set, which win, as does a side's
// own number.
import { isObj } from './is-obj.js';
import type { Assignment } from './overrides.js';
import { pathKey } from './overrides.js';
import { kindOf } from './resolve-models.js';
import type { YamlSource } from './yaml-source.js';
import { sourceLocator } from './zod-issues.js';

/** The fields a role's defaults may supply. */
export const ROLE_FIELDS = ['base_effort'] as const;

export interface RoleFilled {
  /** Per blocs file: file path key → where the filled number is written (the role's default). */
  readonly origins: Map<YamlSource, Map<string, Assignment>>;
}

/** The listed behaviour models' defaults by role, with the file that writes them. */
function roleDefaults(
  files: readonly YamlSource[],
  data: Map<YamlSource, unknown>,
): Map<string, { src: YamlSource; fields: Record<string, unknown> }> {
  const out = new Map<string, { src: YamlSource; fields: Record<string, unknown> }>();
  for (const src of files.filter((f) => kindOf(f) === 'behaviour')) {
    const d = data.get(src);
    const rs = isObj(d) && isObj(d.roles) ? d.roles : {};
    for (const [role, e] of Object.entries(rs)) if (isObj(e)) out.set(role, { src, fields: e });
  }
  return out;
}

export function fillRoles(
  files: readonly YamlSource[],
  data: Map<YamlSource, unknown>,
  scenario: unknown,
  /** Whether an override or --set wrote this path of that blocs file (they win). */
  assigned: (src: YamlSource, path: readonly string[]) => boolean,
): RoleFilled {
  const origins: RoleFilled['origins'] = new Map();
  const defaults = roleDefaults(files, data);
  if (defaults.size === 0) return { origins };
  const sc = isObj(scenario) ? scenario : {};
  const sides = isObj(sc.sides) ? sc.sides : { target: 'EU', coercer: 'CN' };
  for (const role of ['target', 'coercer'] as const) {
    const side = sides[role];
    const def = defaults.get(role);
    if (typeof side !== 'string' || !def) continue;
    const src = files.find((f) => {
      const d = data.get(f);
      return kindOf(f) === 'blocs' && isObj(d) && isObj(d.blocs) && isObj(d.blocs[side]);
    });
    if (!src) continue; // an unknown side is reported by the scenario's own checks
    for (const field of ROLE_FIELDS) {
      const d = data.get(src) as Record<string, unknown>;
      const blocs = d.blocs as Record<string, Record<string, unknown>>;
      const bloc = blocs[side]!;
      const filePath = ['blocs', side, field];
      if (bloc[field] !== undefined || def.fields[field] === undefined || assigned(src, filePath)) continue;
      const value = def.fields[field];
      data.set(src, { ...d, blocs: { ...blocs, [side]: { ...bloc, [field]: value } } });
      const at = sourceLocator(def.src)(['roles', role, field]);
      const byPath = origins.get(src) ?? new Map<string, Assignment>();
      byPath.set(pathKey(filePath), { text: `blocs.${side}.${field}`, value, at });
      origins.set(src, byPath);
    }
  }
  return { origins };
}
