// The single-step moves open to a side, and helpers the policies share.
import { usesAci } from '../aci.js';
import { pctOfGdp, perceivedZone } from '../negotiation.js';
import type { SimState } from '../state.js';
import type { Role, Scenario } from '../types.js';

export interface Move {
  measure: string;
  index: number;
  level: number;
}

/** Raises open to the side now: every higher level whose rung is at most `maxRung` (the next level always). */
export function raises(sc: Scenario, st: SimState, bloc: Role, maxRung = 6): Move[] {
  const out: Move[] = [];
  for (let i = 0; i < sc.measures.length; i++) {
    const m = sc.measures[i]!;
    if (m.bloc !== bloc) continue;
    const ms = st.measures[i]!;
    // A proposal still before the committee may be amended upward; other pending steps wait.
    if (ms.pending && ms.pending.stage !== 'committee') continue;
    if (m.legalBasis === 'wider' && !st.widerUnlocked) continue;
    if (usesAci(sc, m) && st.aci.stage === 'rejected' && st.aci.roundsLeft > 0) continue;
    // The next level, then the first level that bites harder than the current one (skipping bare threats).
    const from = ms.pending?.level ?? ms.level;
    const now = m.levels[from]!;
    for (let level = from + 1; level < m.levels.length; level++) {
      const lv = m.levels[level]!;
      if (level > from + 1 && lv.rung > maxRung) break;
      const bites = lv.intensity > now.intensity || lv.tariff > now.tariff;
      if (level === from + 1 || bites) out.push({ measure: m.id, index: i, level });
      if (bites) break;
    }
  }
  return out;
}

/** Measures the side may lower by one level now. */
export function lowers(sc: Scenario, st: SimState, bloc: Role): Move[] {
  const out: Move[] = [];
  for (let i = 0; i < sc.measures.length; i++) {
    const m = sc.measures[i]!;
    const ms = st.measures[i]!;
    if (m.bloc === bloc && ms.level > 0 && m.reversible)
      out.push({ measure: m.id, index: i, level: ms.level - 1 });
  }
  return out;
}

/** Highest rung among one side's levels in force or already decided (pending). */
export function sideRung(sc: Scenario, st: SimState, bloc: Role): number {
  let r = 0;
  for (let i = 0; i < sc.measures.length; i++) {
    const m = sc.measures[i]!;
    if (m.bloc !== bloc) continue;
    const ms = st.measures[i]!;
    r = Math.max(r, m.levels[ms.pending?.level ?? ms.level]!.rung);
  }
  return r;
}

/** The side's pain last round as annualised % of GDP. */
export const painPctOf = (sc: Scenario, st: SimState, bloc: Role): number =>
  pctOfGdp(st.lastPain[bloc].harm + st.lastPain[bloc].cost, sc.blocs[bloc].gdp, 12 / sc.roundMonths);

/** Terms a side offers inside the zone it perceives, leaning `lean` of the way to its own end. */
export function offerFor(st: SimState, bloc: Role, lean: number): number | null {
  if (!st.zone) return null;
  const z = perceivedZone(st.zone, bloc);
  if (!z) return null;
  const q =
    bloc === 'target' ? z.lo + (1 - lean) * (z.hi - z.lo) * 0.5 : z.hi - (1 - lean) * (z.hi - z.lo) * 0.5;
  const r = Math.round(Math.min(1, Math.max(0, q)) * 1000) / 1000;
  // Rounded to three decimals, but never past the side's own bound (hi for the EU, lo for China).
  if (bloc === 'target') return r > z.hi ? roundToward(z.hi, 'target') : r;
  return r < z.lo ? roundToward(z.lo, 'coercer') : r;
}

/** q to three decimals, rounded toward the side's own end (down for the EU, up for China): its bound holds. */
export const roundToward = (q: number, bloc: Role): number =>
  Math.min(
    1,
    Math.max(0, (bloc === 'target' ? Math.floor(q * 1000 + 1e-9) : Math.ceil(q * 1000 - 1e-9)) / 1000),
  );
