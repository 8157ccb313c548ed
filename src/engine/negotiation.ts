// The landing zone: each side's discounted cost of going on, projected with
// the engine's own dynamics (politics frozen, see projection.ts), turned into
// acceptance bounds.
export { type Projection, pctOfGdp, projectCosts } from './projection.js';

import type { Projection } from './projection.js';
import type { ZoneView } from './state.js';
import type { BlocId, Rng, Scenario } from './types.js';

/** Whether each dependency is being de-risked: some measure on it is at level ≥ 1 (a threat counts). */
export function learningFlags(sc: Scenario, levels: ArrayLike<number>, out: boolean[]): boolean[] {
  for (let d = 0; d < sc.dependencies.length; d++) out[d] = false;
  for (let m = 0; m < sc.measures.length; m++) {
    if (levels[m]! > 0) for (const d of sc.measures[m]!.actsOn) out[d] = true;
  }
  return out;
}

/** Highest q the EU accepts: its cost of going on over its stakes. */
export const euMax = (sc: Scenario, costEU: number): number => clamp01(costEU / sc.blocs.EU.stakes);
/** Lowest q China accepts. */
export const cnMin = (sc: Scenario, costCN: number): number => clamp01(1 - costCN / sc.blocs.CN.stakes);

/**
 * The zone as it truly is and as each side sees it: a side knows its own cost
 * and sees the other's through log-normal noise drawn from the stream.
 */
export function zoneView(sc: Scenario, p: Projection, rng: Rng): ZoneView {
  const noisy = (cost: number, sigma: number) => cost * Math.exp(sigma * normal(rng));
  const cnSeenByEU = noisy(p.CN, sc.blocs.EU.misperception);
  const euSeenByCN = noisy(p.EU, sc.blocs.CN.misperception);
  return {
    cnMin: cnMin(sc, p.CN),
    euMax: euMax(sc, p.EU),
    euSees: { cnMin: cnMin(sc, cnSeenByEU), euMax: euMax(sc, p.EU) },
    cnSees: { cnMin: cnMin(sc, p.CN), euMax: euMax(sc, euSeenByCN) },
    costEU: p.EU,
    costCN: p.CN,
  };
}

/** Whether a bloc accepts terms q by its own (true) bound. */
export const accepts = (zone: ZoneView, bloc: BlocId, q: number): boolean =>
  bloc === 'EU' ? q <= zone.euMax : q >= zone.cnMin;

/** The zone as a bloc perceives it, or null when it sees none. */
export function perceivedZone(zone: ZoneView, bloc: BlocId): { lo: number; hi: number } | null {
  const v = bloc === 'EU' ? zone.euSees : zone.cnSees;
  return v.cnMin <= v.euMax ? { lo: v.cnMin, hi: v.euMax } : null;
}

/** Standard normal draw (Box–Muller, one value per call). */
export function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
