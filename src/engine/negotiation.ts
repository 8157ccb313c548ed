// The landing zone: each side's discounted cost of going on, projected with
// the engine's own dynamics (politics frozen), turned into acceptance bounds.
import { actorOf, advanceFlows, applyLevels, newFlows, type RoundFlows, targetOf } from './economics.js';
import type { DepState, SimState, ZoneView } from './state.js';
import type { BlocId, Rng, Scenario } from './types.js';

export interface Projection {
  EU: number;
  CN: number;
}

const scratch = new WeakMap<Scenario, { deps: DepState[]; flows: RoundFlows; learning: boolean[] }>();

function scratchFor(sc: Scenario) {
  let s = scratch.get(sc);
  if (!s) {
    const n = sc.dependencies.length;
    s = {
      deps: Array.from({ length: n }, () => ({
        restriction: 0,
        tariff: 0,
        substituted: 0,
        buffer: 0,
        availability: 1,
      })),
      flows: newFlows(n),
      learning: new Array<boolean>(n).fill(false),
    };
    scratch.set(sc, s);
  }
  return s;
}

/** Whether each dependency is being de-risked: some measure on it is at level ≥ 1 (a threat counts). */
export function learningFlags(sc: Scenario, levels: ArrayLike<number>, out: boolean[]): boolean[] {
  for (let d = 0; d < sc.dependencies.length; d++) out[d] = false;
  for (let m = 0; m < sc.measures.length; m++) {
    if (levels[m]! > 0) for (const d of sc.measures[m]!.actsOn) out[d] = true;
  }
  return out;
}

/**
 * Discounted pain (harm suffered + own cost, EUR bn) each bloc expects over
 * `horizon` rounds if the given levels stay in force. Pure: works on scratch
 * copies, never on the state.
 */
export function projectCosts(
  sc: Scenario,
  state: Pick<SimState, 'deps' | 'lastPain'>,
  levels: ArrayLike<number>,
  horizon: number,
): Projection {
  const { deps, flows, learning } = scratchFor(sc);
  for (let d = 0; d < deps.length; d++) Object.assign(deps[d]!, state.deps[d]!);
  applyLevels(sc, levels, deps);
  learningFlags(sc, levels, learning);
  const yearFactor = 12 / sc.roundMonths;
  const painPct = {
    EU: pctOfGdp(state.lastPain.EU.harm + state.lastPain.EU.cost, sc.blocs.EU.gdp, yearFactor),
    CN: pctOfGdp(state.lastPain.CN.harm + state.lastPain.CN.cost, sc.blocs.CN.gdp, yearFactor),
  };
  let totEU = 0;
  let totCN = 0;
  let dEU = 1;
  let dCN = 1;
  const g7 = sc.params.g7Alignment;
  for (let k = 0; k < horizon; k++) {
    advanceFlows(sc, deps, painPct, learning, g7, flows);
    let eu = 0;
    let cn = 0;
    for (let d = 0; d < deps.length; d++) {
      const def = sc.dependencies[d]!;
      if (targetOf(def.mechanism, def.supplier, def.dependent) === 'EU') eu += flows.harm[d]!;
      else cn += flows.harm[d]!;
      if (actorOf(def.mechanism, def.supplier, def.dependent) === 'EU') eu += flows.cost[d]!;
      else cn += flows.cost[d]!;
    }
    dEU *= sc.blocs.EU.discount;
    dCN *= sc.blocs.CN.discount;
    totEU += dEU * eu;
    totCN += dCN * cn;
    painPct.EU = pctOfGdp(eu, sc.blocs.EU.gdp, yearFactor);
    painPct.CN = pctOfGdp(cn, sc.blocs.CN.gdp, yearFactor);
  }
  return { EU: totEU, CN: totCN };
}

export const pctOfGdp = (eurBn: number, gdp: number, yearFactor: number): number =>
  (eurBn * yearFactor * 100) / gdp;

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
