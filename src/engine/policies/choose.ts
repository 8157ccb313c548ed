// Computer players: each policy turns a state into one side's orders.
import { optimismAt, perceivedZone, rawBounds } from '../negotiation.js';
import type { BlocOrders } from '../orders.js';
import { changeScorer } from '../projection.js';
import type { SimState } from '../state.js';
import { other, type Policy, type Rng, type Role, type Scenario } from '../types.js';
import { lowers, type Move, offerFor, painPctOf, raises, roundToward, sideRung } from './moves.js';
import { policyParam } from './params.js';
import type { MoveReason } from './reasons.js';

/**
 * One side's orders under its policy. With `why`, the reasons for them are
 * pushed there (MoveReason); asking for them changes no choice and no draw.
 */
export function chooseOrders(
  sc: Scenario,
  st: SimState,
  bloc: Role,
  policy: Policy,
  rng: Rng,
  why?: MoveReason[],
): BlocOrders {
  const orders = choose(sc, st, bloc, policy, rng, why);
  if (why && why.length === 0)
    why.push({ rule: 'keep', because: st.deal ? 'deal' : policy.kind === 'hold' ? 'hold' : 'no-move' });
  return orders;
}

function choose(
  sc: Scenario,
  st: SimState,
  bloc: Role,
  policy: Policy,
  rng: Rng,
  why?: MoveReason[],
): BlocOrders {
  if (st.deal) return {};
  switch (policy.kind) {
    case 'hold':
      return {};
    case 'tit_for_tat':
      return titForTat(sc, st, bloc, why);
    case 'graduated':
      return graduated(sc, st, bloc, policy, why);
    case 'appeaser':
      return appeaser(sc, st, bloc, policy, why);
    case 'best_response':
      return bestResponse(sc, st, bloc, policy, rng, why);
  }
}

function titForTat(sc: Scenario, st: SimState, bloc: Role, why?: MoveReason[]): BlocOrders {
  const mine = sideRung(sc, st, bloc);
  const theirs = sideRung(sc, st, other(bloc));
  if (theirs > mine) {
    const up = bestRaise(sc, st, bloc, false, why);
    return up ? { set: { [up.measure]: up.level } } : {};
  }
  if (theirs < mine) {
    const down = lowers(sc, st, bloc).sort((a, b) => b.level - a.level)[0];
    if (down) why?.push({ rule: 'match-down', measure: down.measure, level: down.level, mine, theirs });
    return down ? { set: { [down.measure]: down.level } } : {};
  }
  return {};
}

function graduated(sc: Scenario, st: SimState, bloc: Role, policy: Policy, why?: MoveReason[]): BlocOrders {
  const q = offerFor(st, bloc, 0);
  if (q !== null) {
    offered(st, bloc, q, why);
    return { propose: { q } };
  }
  const set: Record<string, number> = {};
  const steps = Math.max(1, Math.round(policyParam('graduated', policy.params, 'step')));
  let sim = st;
  for (let k = 0; k < steps; k++) {
    const up = bestRaise(sc, sim, bloc, true, why);
    if (!up) break;
    set[up.measure] = up.level;
    if (k + 1 === steps) break; // the next step's state is needed only for another step
    sim = {
      ...sim,
      measures: sim.measures.map((m, i) =>
        i === up.index ? { level: m.level, pending: { level: up.level, stage: 'lead', roundsLeft: 1 } } : m,
      ),
    };
  }
  return Object.keys(set).length > 0 ? { set } : {};
}

function appeaser(sc: Scenario, st: SimState, bloc: Role, policy: Policy, why?: MoveReason[]): BlocOrders {
  const threshold = policyParam('appeaser', policy.params, 'concession') * sc.blocs[bloc].painTolerance;
  const painPct = painPctOf(sc, st, bloc);
  if (painPct <= threshold) {
    why?.push({ rule: 'keep', because: 'under-threshold' });
    return {};
  }
  const set: Record<string, number> = {};
  for (const d of lowers(sc, st, bloc)) {
    set[d.measure] = 0;
    why?.push({ rule: 'appease', measure: d.measure, level: 0, painPct, threshold });
  }
  const z = st.zone;
  const q = z ? (bloc === 'target' ? z.targetMax : z.coercerMin) : bloc === 'target' ? 1 : 0;
  const terms = roundToward(q, bloc);
  why?.push({ rule: 'offer', q: terms, lo: terms, hi: terms });
  return { set, propose: { q: terms } };
}

function offered(st: SimState, bloc: Role, q: number, why?: MoveReason[]): void {
  const z = why && st.zone ? perceivedZone(st.zone, bloc) : null;
  if (z) why?.push({ rule: 'offer', q, lo: z.lo, hi: z.hi });
}

/**
 * The raise within one rung of the side's current rung that hurts the other
 * side most per unit of its own cost over the horizon. With `climb`, a raise
 * that reaches the next rung wins over one that stays (graduated escalation);
 * a bare threat is chosen only when it climbs and nothing within reach bites.
 */
function bestRaise(sc: Scenario, st: SimState, bloc: Role, climb = false, why?: MoveReason[]): Move | null {
  const levels = st.measures.map((m) => m.level);
  const scorer = changeScorer(sc, st, levels, sc.params.horizon);
  const base = scorer.base;
  const them = other(bloc);
  const rung = sideRung(sc, st, bloc);
  let best: Move | null = null;
  let threat: Move | null = null;
  let bestScore = -Infinity;
  let bestProjected = { harmToOther: 0, ownCost: 0, climbs: false };
  for (const mv of raises(sc, st, bloc, rung + 1)) {
    const climbs = sc.measures[mv.index]!.levels[mv.level]!.rung > rung;
    const p = scorer.change(mv.index, mv.level);
    const gain = p[them] - base[them];
    if (gain <= 1e-9) {
      if (climbs) threat ??= mv;
      continue;
    }
    const ratio = gain / (Math.max(0, p[bloc] - base[bloc]) + 1e-3 * sc.blocs[bloc].stakes);
    // Climbing raises rank above all others when climbing is the aim.
    const score = climb && climbs ? 1e12 + ratio : ratio;
    if (score > bestScore) {
      bestScore = score;
      best = mv;
      if (why) bestProjected = { harmToOther: gain, ownCost: p[bloc] - base[bloc], climbs: climb && climbs };
    }
  }
  const chosen = climb && threat && bestScore < 1e12 ? threat : (best ?? threat);
  if (why && chosen) {
    const { measure, level } = chosen;
    const { climbs, ...projected } = bestProjected;
    why.push(
      chosen === best
        ? { rule: climbs ? 'climb' : 'best-ratio', measure, level, ...projected }
        : { rule: 'threat', measure, level },
    );
  }
  return chosen;
}

/**
 * Scores keeping, each one-level raise and each one-level cut by projection:
 * own cost over the horizon plus the terms the zone would then imply, and
 * picks by soft-max at a temperature drawn from the stream.
 */
function bestResponse(
  sc: Scenario,
  st: SimState,
  bloc: Role,
  policy: Policy,
  rng: Rng,
  why?: MoveReason[],
): BlocOrders {
  const levels = st.measures.map((m) => m.level);
  const limit = Math.max(1, Math.round(policyParam('best_response', policy.params, 'candidates')));
  const moves: (Move | null)[] = [
    null,
    ...raises(sc, st, bloc, sideRung(sc, st, bloc) + 1).slice(0, limit),
    ...lowers(sc, st, bloc).slice(0, limit),
  ];
  const stakes = sc.blocs[bloc].stakes;
  const projections: { target: number; coercer: number }[] = [];
  const scorer = changeScorer(sc, st, levels, sc.params.horizon);
  const o = optimismAt(sc, st.round);
  const utility = moves.map((mv) => {
    const p = mv ? scorer.change(mv.index, mv.level) : scorer.base;
    if (why) projections.push({ target: p.target, coercer: p.coercer });
    // Midpoint terms implied by the two bounds after this move (may lie outside [0,1] before a zone exists).
    const b = rawBounds(sc, p.target, p.coercer, st.expected, o);
    const q = (b.coercerMin + b.targetMax) / 2;
    const terms = bloc === 'target' ? q * stakes : (1 - q) * stakes;
    return -(p[bloc] + terms);
  });
  const tMin = policyParam('best_response', policy.params, 'temperature_min');
  const tMax = policyParam('best_response', policy.params, 'temperature_max');
  const temperature = (tMin + rng.next() * (tMax - tMin)) * stakes;
  const top = Math.max(...utility);
  const weights = utility.map((u) => Math.exp((u - top) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let pick = rng.next() * total;
  let chosen = 0;
  for (; chosen < weights.length - 1; chosen++) {
    pick -= weights[chosen]!;
    if (pick < 0) break;
  }
  const mv = moves[chosen];
  const orders: BlocOrders = mv ? { set: { [mv.measure]: mv.level } } : {};
  if (why) {
    const them = other(bloc);
    const p = projections[chosen]!;
    const keep = projections[0]!;
    why.push({
      rule: 'utility',
      measure: mv?.measure ?? null,
      level: mv?.level ?? 0,
      up: mv ? mv.level > (st.measures[mv.index]!.pending?.level ?? st.measures[mv.index]!.level) : false,
      utility: utility[chosen]!,
      keep: utility[0]!,
      harmToOther: p[them] - keep[them],
      ownCost: p[bloc] - keep[bloc],
    });
  }
  const q = offerFor(st, bloc, policyParam('best_response', policy.params, 'lean'));
  if (q !== null) {
    orders.propose = { q };
    offered(st, bloc, q, why);
  }
  return orders;
}
