// The landing zone: each side's discounted cost of going on, projected with
// the engine's own dynamics (politics frozen, see projection.ts), turned into
// acceptance bounds.
export { type Projection, pctOfGdp, projectCosts } from './projection.js';

import { type Projection, type ProjectionInput, projectCosts } from './projection.js';
import type { ZoneView } from './state.js';
import type { Rng, Role, Scenario } from './types.js';

/** Whether each dependency is being de-risked: some measure on it is at level ≥ 1 (a threat counts). */
export function learningFlags(sc: Scenario, levels: ArrayLike<number>, out: boolean[]): boolean[] {
  for (let d = 0; d < sc.dependencies.length; d++) out[d] = false;
  for (let m = 0; m < sc.measures.length; m++) {
    if (levels[m]! > 0) for (const d of sc.measures[m]!.actsOn) out[d] = true;
  }
  return out;
}

/**
 * How far each side expects to prevail after `round` rounds: sure of
 * everything (1) at the outset, fading toward `optimism` with a half-life of
 * `optimismHalfLife` months as holding out teaches each the other's resolve;
 * with no half-life (0), `optimism` throughout.
 */
export function optimismAt(sc: Scenario, round: number): number {
  const o = sc.params.optimism;
  const h = sc.params.optimismHalfLife;
  return h > 0 ? o + (1 - o) * 2 ** (-(round * sc.roundMonths) / h) : o;
}

/**
 * The terms both would expect if the contest went on, by a ratio contest over
 * resolve (stakes over cost of going on): the side that pays more for what
 * it stands to gain gives more; with no cost on either side, half.
 */
export function expectedTerms(sc: Scenario, costTarget: number, costCoercer: number): number {
  const t = costTarget / sc.blocs.target.stakes;
  const c = costCoercer / sc.blocs.coercer.stakes;
  return t + c > 0 ? t / (t + c) : 0.5;
}

/**
 * The terms both expect of the contest as each side could wage it: every
 * measure at its top level (the wider rung once open), projected from the
 * state now. Only the bounds below `optimism` 1 read it; at 1 it is not
 * computed (null).
 */
export function contestTerms(
  sc: Scenario,
  input: ProjectionInput,
  widerUnlocked: boolean,
  round: number,
): number | null {
  if (optimismAt(sc, round) >= 1) return null;
  const top = sc.measures.map((m) => (m.legalBasis === 'wider' && !widerUnlocked ? 0 : m.levels.length - 1));
  const c = projectCosts(sc, input, top, sc.params.horizon);
  return expectedTerms(sc, c.target, c.coercer);
}

/**
 * The two bounds before clamping to [0, 1]. Each side expects the contest's
 * terms `expected` moved `o` (the optimism in force, optimismAt) of the way
 * to its own end, and accepts
 * up to its cost of going on (as a share of its stakes) worse than that. The
 * bounds meet once the two shares add up to `optimism`, whatever `expected`
 * (null at optimism 1, where the bounds do not read it).
 */
export function rawBounds(
  sc: Scenario,
  costTarget: number,
  costCoercer: number,
  expectedOrNull: number | null,
  o: number,
): { targetMax: number; coercerMin: number } {
  const expected = expectedOrNull ?? 0.5;
  return {
    targetMax: expected * (1 - o) + costTarget / sc.blocs.target.stakes,
    coercerMin: expected + o * (1 - expected) - costCoercer / sc.blocs.coercer.stakes,
  };
}

/** Highest q the target accepts, given its cost of going on and the contest's expected terms. */
export const targetMax = (sc: Scenario, costTarget: number, expected: number | null, o: number): number =>
  clamp01(rawBounds(sc, costTarget, 0, expected, o).targetMax);
/** Lowest q the coercer accepts, given its cost of going on and the contest's expected terms. */
export const coercerMin = (sc: Scenario, costCoercer: number, expected: number | null, o: number): number =>
  clamp01(rawBounds(sc, 0, costCoercer, expected, o).coercerMin);

/**
 * The zone as it truly is and as each side sees it: a side knows its own cost
 * and sees the other's through log-normal noise drawn from the stream.
 */
export function zoneView(
  sc: Scenario,
  p: Projection,
  expected: number | null,
  round: number,
  rng: Rng,
): ZoneView {
  const o = optimismAt(sc, round);
  const noisy = (cost: number, sigma: number) => cost * Math.exp(sigma * normal(rng));
  const cnSeenByEU = noisy(p.coercer, sc.blocs.target.misperception);
  const euSeenByCN = noisy(p.target, sc.blocs.coercer.misperception);
  return {
    coercerMin: coercerMin(sc, p.coercer, expected, o),
    targetMax: targetMax(sc, p.target, expected, o),
    targetSees: {
      coercerMin: coercerMin(sc, cnSeenByEU, expected, o),
      targetMax: targetMax(sc, p.target, expected, o),
    },
    coercerSees: {
      coercerMin: coercerMin(sc, p.coercer, expected, o),
      targetMax: targetMax(sc, euSeenByCN, expected, o),
    },
    costTarget: p.target,
    costCoercer: p.coercer,
  };
}

/** Whether a bloc accepts terms q by its own (true) bound. */
export const accepts = (zone: ZoneView, bloc: Role, q: number): boolean =>
  bloc === 'target' ? q <= zone.targetMax : q >= zone.coercerMin;

/** The zone as a bloc perceives it, or null when it sees none. */
export function perceivedZone(zone: ZoneView, bloc: Role): { lo: number; hi: number } | null {
  const v = bloc === 'target' ? zone.targetSees : zone.coercerSees;
  return v.coercerMin <= v.targetMax ? { lo: v.coercerMin, hi: v.targetMax } : null;
}

/** Standard normal draw (Box–Muller, one value per call). */
export function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
