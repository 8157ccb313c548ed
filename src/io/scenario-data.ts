// A compiled Scenario as structured-cloneable data, and back: formulas travel
// as their generated JavaScript source, the random source by its algorithm.
// This is how a batch sends its scenarios to worker threads, which then need
// neither the YAML loader, zod nor the formula compiler.
import { FORMULA_ROLES, type FormulaRole, type FormulaSet } from '../engine/formula-roles.js';
import type { Dependency, Scenario } from '../engine/types.js';
import { instantiateFormula, sourceOfFormula } from '../model/formula-runtime.js';
import { makeRandomSource } from '../rng/streams.js';
import { deepFreeze } from './build-scenario.js';

/** Formula sources by role. */
export type FormulaSetData = Readonly<Record<FormulaRole, string>>;

type DependencyData = Omit<Dependency, 'formulas'> & { readonly formulas: FormulaSetData };

/** A Scenario without functions: what postMessage can carry. */
export interface ScenarioData {
  readonly scenario: Omit<Scenario, 'formulas' | 'random' | 'dependencies'> & {
    readonly formulas: FormulaSetData;
    readonly dependencies: readonly DependencyData[];
  };
  /** The random source's algorithm: the receiver must have the same. */
  readonly random: string;
}

function setData(set: FormulaSet, what: string): FormulaSetData {
  const out = {} as Record<FormulaRole, string>;
  for (const role of FORMULA_ROLES) {
    const source = sourceOfFormula(set[role]);
    if (source === undefined)
      throw new Error(`formula "${role}" of ${what} was not compiled from a formula: it cannot be sent`);
    out[role] = source;
  }
  return out;
}

/** The scenario as plain data (throws for formulas not made by the formula compiler). */
export function scenarioToData(sc: Scenario): ScenarioData {
  // Keys keep their order (the spread keeps each replaced key where it was).
  const { random, ...rest } = sc;
  return {
    scenario: {
      ...rest,
      formulas: setData(sc.formulas, 'the scenario'),
      dependencies: sc.dependencies.map((d) => ({
        ...d,
        formulas: setData(d.formulas, `dependency ${d.id}`),
      })),
    },
    random: random.algorithm,
  };
}

/** The scenario again, deeply frozen: formulas instantiated from their sources, a fresh random source. */
export function scenarioFromData(data: ScenarioData): Scenario {
  const random = makeRandomSource();
  if (random.algorithm !== data.random)
    throw new Error(`the scenario uses random source ${data.random}, this thread has ${random.algorithm}`);
  // Equal sets stay one object, as the loader shares them.
  const sets = new Map<string, FormulaSet>();
  const setOf = (d: FormulaSetData): FormulaSet => {
    const key = FORMULA_ROLES.map((r) => d[r]).join('\n');
    let set = sets.get(key);
    if (!set) {
      set = Object.freeze(
        Object.fromEntries(FORMULA_ROLES.map((r) => [r, instantiateFormula(d[r])])),
      ) as unknown as FormulaSet;
      sets.set(key, set);
    }
    return set;
  };
  const { scenario } = data;
  const sc: Scenario = {
    ...scenario,
    formulas: setOf(scenario.formulas),
    dependencies: scenario.dependencies.map((d) => ({ ...d, formulas: setOf(d.formulas) })),
    random,
  };
  return deepFreeze(sc, new Set([random]));
}
