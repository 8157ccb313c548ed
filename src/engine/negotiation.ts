// The landing zone: each side's discounted cost of going on, projected with
// the engine's own dynamics (politics frozen, see projection.ts), turned into
// acceptance bounds.
export { type Projection, pctOfGdp, projectCosts } from './projection.js';

import type { Projection } from './projection.js';
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

/** Highest q the target accepts: its cost of going on over its stakes. */
export const targetMax = (sc: Scenario, costTarget: number): number =>
  clamp01(costTarget / sc.blocs.target.stakes);
/** Lowest q the coercer accepts. */
export const coercerMin = (sc: Scenario, costCoercer: number): number =>
  clamp01(1 - costCoercer / sc.blocs.coercer.stakes);

/**
 * The zone as it truly is and as each side sees it: a side knows its own cost
 * and sees the other's through log-normal noise drawn from the stream.
 */
export function zoneView(sc: Scenario, p: Projection, rng: Rng): ZoneView {
  const noisy = (cost: number, sigma: number) => cost * Math.exp(sigma * normal(rng));
  const cnSeenByEU = noisy(p.coercer, sc.blocs.target.misperception);
  const euSeenByCN = noisy(p.target, sc.blocs.coercer.misperception);
  return {
    coercerMin: coercerMin(sc, p.coercer),
    targetMax: targetMax(sc, p.target),
    targetSees: { coercerMin: coercerMin(sc, cnSeenByEU), targetMax: targetMax(sc, p.target) },
    coercerSees: { coercerMin: coercerMin(sc, p.coercer), targetMax: targetMax(sc, euSeenByCN) },
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
