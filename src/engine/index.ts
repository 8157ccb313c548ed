// The engine's public API.
export { DEFAULT_PROCEDURE, passesVote } from './aci.js';
export { checkOrders } from './apply-orders.js';
export { monthOf } from './calendar.js';
export { pivotalStates } from './council/pivotal.js';
export { type QmvResult, qualifiedMajority, type Vote } from './council/qmv.js';
export { advanceFlows, applyLevels, newFlows, type RoundFlows } from './economics.js';
export { SimError, type SimErrorCode } from './errors.js';
export * from './events.js';
export { FORMULA_ROLES, FORMULA_VARS, type FormulaRole, type FormulaSet } from './formula-roles.js';
export { initialState } from './init.js';
export { layoutLike } from './layout.js';
export { type MeasureCost, measureCost } from './measure-cost.js';
export { type Offer, offersInOrder } from './negotiate-round.js';
export { accepts, optimismAt, perceivedZone, projectCosts } from './negotiation.js';
export type { BlocOrders, Inject, Orders, Proposal } from './orders.js';
export { withOverrides } from './overrides.js';
export { patchByPath, scenarioPatcher, type Target } from './patch.js';
export { playableSides, type Unplayable, unplayable } from './playable.js';
export { chooseOrders } from './policies/choose.js';
export type { MoveReason, Projected } from './policies/reasons.js';
export type { SupportInputs } from './politics.js';
export { type CouncilView, councilView, levelsAfter, previewRound } from './preview.js';
export {
  computerOrders,
  metricsOf,
  type PolicyChoice,
  type RoundRecord,
  type RunMetrics,
  type RunResult,
  runGame,
} from './run.js';
export { type ExplainedRun, explainRun, type FlowTotal, type RoundSeries } from './run-series.js';
export { RUNG_NAMES, rungOf } from './rung.js';
export * from './session.js';
export type { Deal, DepState, Outcome, Pain, SimState, ZoneView } from './state.js';
export { isOver, type StepResult, step } from './step.js';
export * from './types.js';
