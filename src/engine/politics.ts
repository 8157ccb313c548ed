// Member-state support for countermeasures, and how it turns into votes.

import { finite } from './errors.js';
import type { Ballot } from './events.js';
import { type Layout, layoutOf } from './layout.js';
import type { Rng, Scenario } from './types.js';

export type { Ballot };

/**
 * Support score (log-odds) of each member state this round, from its stance,
 * the pain the dispute caused it and what the EU's own measures cost it (both
 * annualised % of its GDP), China's pressure on it, shifts from events and
 * EU solidarity.
 */
export function supportScores(
  sc: Scenario,
  painPct: ArrayLike<number>,
  costPct: ArrayLike<number>,
  levels: ArrayLike<number>,
  shift: ArrayLike<number>,
): number[] {
  const strength = pressureStrengths(sc, levels);
  const layout = layoutOf(sc);
  const out = new Array<number>(sc.states.length);
  for (let s = 0; s < sc.states.length; s++) {
    const st = sc.states[s]!;
    out[s] = finite(
      sc.formulas.support(
        st.baseSupport + shift[s]!,
        st.painResponse,
        painPct[s]!,
        costPct[s]!,
        pressureOn(layout, s, strength),
        sc.params.solidarity,
      ),
      'support',
    );
  }
  return out;
}

/** What the support formula of one state was given, and its score: what explains a ballot. */
export interface SupportInputs {
  readonly state: string;
  /** Stance (base_support) plus shifts from events, log-odds. */
  readonly base: number;
  readonly painResponse: number;
  /** Annualised % of the state's GDP: pain suffered, own measures' cost. */
  readonly painPct: number;
  readonly costPct: number;
  readonly pressure: number;
  readonly solidarity: number;
  readonly score: number;
}

/** The support formula's inputs per member state, as supportScores gives them. */
export function supportInputs(
  sc: Scenario,
  painPct: ArrayLike<number>,
  costPct: ArrayLike<number>,
  levels: ArrayLike<number>,
  shift: ArrayLike<number>,
): SupportInputs[] {
  const scores = supportScores(sc, painPct, costPct, levels, shift);
  const strength = pressureStrengths(sc, levels);
  const layout = layoutOf(sc);
  return sc.states.map((st, s) => ({
    state: st.id,
    base: st.baseSupport + shift[s]!,
    painResponse: st.painResponse,
    painPct: painPct[s]!,
    costPct: costPct[s]!,
    pressure: pressureOn(layout, s, strength),
    solidarity: sc.params.solidarity,
    score: scores[s]!,
  }));
}

/** Each pressing measure's strength at these levels, once (most measures press no state); layout scratch. */
function pressureStrengths(sc: Scenario, levels: ArrayLike<number>): number[] {
  const { pressing, scratch } = layoutOf(sc);
  const strength = scratch.pressure;
  for (let i = 0; i < pressing.length; i++) {
    const m = pressing[i]!;
    strength[m] = pressureIntensity(sc, m, levels[m]!);
  }
  return strength;
}

/** The pressure the coercer's measures put on state `s`. */
function pressureOn(layout: Layout, s: number, strength: ArrayLike<number>): number {
  const { pressure, pressedBy } = layout;
  let press = 0;
  const by = pressedBy[s]!;
  for (let i = 0; i < by.length; i++) {
    const m = by[i]!;
    press += pressure[m]![s]! * strength[m]!;
  }
  return press;
}

/** A pressure measure's strength: its level's intensity, or its share of the ladder when intensities are 0. */
function pressureIntensity(sc: Scenario, m: number, level: number): number {
  if (level === 0) return 0;
  const ladder = sc.measures[m]!.levels;
  const i = ladder[level]!.intensity;
  return i > 0 ? i : level / (ladder.length - 1);
}

/** Votes by bands (deterministic) or with logistic noise from the stream (stochastic). */
export function castVotes(sc: Scenario, scores: readonly number[], rng: Rng | null): Ballot[] {
  const { voteFor, voteAgainst, votingMode, voteNoise } = sc.params;
  return scores.map((score) => {
    let z = score;
    if (votingMode === 'stochastic' && rng) {
      const u = Math.min(Math.max(rng.next(), 1e-12), 1 - 1e-12);
      z += Math.log(u / (1 - u)) * voteNoise;
    }
    return z >= voteFor ? 'for' : z <= voteAgainst ? 'against' : 'abstain';
  });
}

/** Whether a member state alone agrees to a national measure. */
export function holderAgrees(score: number, sc: Scenario, rng: Rng | null): boolean {
  if (sc.params.votingMode === 'stochastic' && rng) return rng.next() < 1 / (1 + Math.exp(-score));
  return score >= 0;
}
