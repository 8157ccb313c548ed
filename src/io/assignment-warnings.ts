// Warnings for overrides and --set values that are accepted but may not do
// what was meant: a field no formula reads, and a level whose name states the
// old numbers.
import type { Diagnostic } from './diagnostics.js';
import type { Assignment } from './overrides.js';
import { parsePath } from './paths.js';
import type { ResolvedDef } from './resolve-def.js';

/** Fields that are text for people: setting them changes no number of a run. */
const UNREAD: Readonly<Record<string, string>> = {
  stance:
    "no formula reads a state's stance (only base_support counts): set base_support to change its support",
  name: 'a name is text: no formula reads it',
  description: 'a description is text: no formula reads it',
};

export function assignmentWarnings(assignments: readonly Assignment[], def: ResolvedDef): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of assignments) {
    const path = parsePath(a.text);
    if (!path) continue;
    const warn = (message: string) => out.push({ ...a.at, code: 'warning/assignment', message });
    const field = String(path[path.length - 1]);
    if (UNREAD[field]) {
      warn(UNREAD[field]);
      continue;
    }
    const [head, id, levels, k] = path;
    if (head === 'measures' && levels === 'levels' && typeof k === 'number' && path.length === 5) {
      const level = def.measures[String(id)]?.levels?.[k] as { name?: string } | undefined;
      const ladder = `levels[${k}] is level ${k + 1} of the ladder (level 0 is "off")`;
      if (level?.name && /\d/.test(level.name))
        warn(
          `the level keeps its name "${level.name}", which states numbers of its own: check it still says what ${field} ${String(a.value)} does (${ladder})`,
        );
      else warn(ladder);
    }
  }
  return out;
}
