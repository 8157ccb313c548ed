// The formulas a flow goes through, as the scenario has them: the default
// text of models/formulas.yaml or a dependency's (or measure's) override.
import type { FormulaRole } from '../../engine/formula-roles.js';
import { FORMULA_VARS, type Mechanism } from '../../engine/index.js';
import type { LoadedScenario } from '../../io/load-scenario.js';
import { wrap } from './text.js';

/** The roles each mechanism calls, in the order the engine calls them. */
export const ROLES_BY_MECHANISM: Record<Mechanism, FormulaRole[]> = {
  supply: ['cut', 'supply_harm', 'supply_cost', 'effort', 'substitution'],
  service: ['cut', 'availability', 'service_harm', 'supply_cost', 'effort', 'substitution'],
  market: ['trade_drop', 'market_harm', 'market_cost', 'effort', 'substitution'],
};

/** What the engine does around the formulas, per mechanism (economics.ts). */
const ENGINE_NOTES: Record<Mechanism, string> = {
  supply:
    'The engine covers a cut from stocks first: cut × months comes out of buffer_months, and only the part stocks cannot cover is `uncovered`. Stocks refill by half a month per month once the flow resumes.',
  service:
    'Availability starts at 1 and moves toward 1 − cut; `lost` is 1 − availability. The supplier loses sales by supply_cost as for goods.',
  market:
    'The tariff drop combines with any quantity restriction r: drop = 1 − (1 − trade_drop)(1 − r). The exporter also loses value × dt × φ × margin for the sales the importer has replaced for good.',
};

/** Expression and where it comes from, for one role and one dependency. */
function formulaOf(l: LoadedScenario, role: FormulaRole, dep: string): { expr: string; by: string } {
  const d = l.def.dependencies[dep];
  const own = d?.formulas?.[role];
  if (own) return { expr: own, by: `overridden by dependency ${dep}` };
  for (const [id, m] of Object.entries(l.def.measures))
    if (m.acts_on.includes(dep) && m.formulas?.[role])
      return { expr: m.formulas[role]!, by: `overridden by measure ${id}` };
  return { expr: l.def.formulas[role].expr, by: 'default' };
}

/** The formula section for one dependency. */
export function formulaLines(l: LoadedScenario, dep: string, mechanism: Mechanism, width: number): string[] {
  const out: string[] = [];
  for (const role of ROLES_BY_MECHANISM[mechanism]) {
    const f = formulaOf(l, role, dep);
    const at = l.formulaOrigin(role, dep);
    out.push(...wrap(`${role} = ${f.expr}`, width, '  ', '      '));
    const where = `${at.file}:${at.line}${f.by === 'default' ? '' : `, ${f.by}`}`;
    out.push(
      ...wrap(
        `${l.def.formulas[role].about} Variables: ${FORMULA_VARS[role].join(', ')}. (${where})`,
        width,
        '      ',
      ),
    );
  }
  out.push(...wrap(ENGINE_NOTES[mechanism], width, '  '));
  return out;
}
