// The named formulas the engine calls, and the variables each may use, in
// call order. models/formulas.yaml gives their text; model/ compiles them
// into positional functions so a call allocates nothing.

export const FORMULA_VARS = {
  /** Fraction of the dependent side's flow cut before buffers. */
  cut: ['r', 'phi', 'alt', 'g7'],
  /** EUR bn of output lost this round by the dependent side (supply). */
  supply_harm: ['value', 'dt', 'uncovered', 'criticality'],
  /** EUR bn of sales lost this round by the restricting supplier. */
  supply_cost: ['value', 'dt', 'r', 'phi', 'divertible'],
  /** Substitution effort in [0,1] from the pain felt (annualised % GDP) against tolerance. */
  effort: ['base', 'pain', 'tolerance'],
  /** New substituted share after one round. */
  substitution: ['phi', 'dt', 'years', 'effort'],
  /** New availability of a serviced fleet after one round. */
  availability: ['avail', 'r', 'decay', 'recovery', 'months'],
  /** EUR bn of output lost this round for lack of service. */
  service_harm: ['value', 'dt', 'lost', 'criticality'],
  /** Fraction of imports that stop at tariff tau. */
  trade_drop: ['tau', 'elasticity'],
  /** EUR bn the exporter loses this round: margin on dropped trade plus absorbed tariff. */
  market_harm: ['value', 'dt', 'drop', 'margin', 'tau', 'incidence'],
  /**
   * EUR bn the importer loses: deadweight (scenario `deadweight_share`) and switching cost
   * (`switching_cost`) on the trade that stops; the duty on the rest stays at home.
   */
  market_cost: ['value', 'dt', 'drop', 'tau', 'incidence', 'deadweight', 'switching'],
  /** A member state's support (log-odds) for EU countermeasures. */
  support: ['base', 'sign', 'pain', 'cost', 'pressure', 'solidarity'],
  /** Per-round probability that a deal is breached. */
  breach: ['base', 'credibility', 'pain'],
} as const;

export type FormulaRole = keyof typeof FORMULA_VARS;
export const FORMULA_ROLES = Object.keys(FORMULA_VARS) as FormulaRole[];

type Args<N extends readonly string[]> = { [K in keyof N]: number };
export type FormulaFn<R extends FormulaRole> = (...args: Args<(typeof FORMULA_VARS)[R]>) => number;
export type FormulaSet = { readonly [R in FormulaRole]: FormulaFn<R> };
