// The same scenario played many times by computer players: the distribution
// this game is set against. Seeds are hashed from the journal's seed.
import { type Outcome, type Policy, ROLES, type Role, runGame, type Scenario } from '../engine/index.js';
import { runSeed } from '../rng/streams.js';
import { OUTCOMES } from './words.js';

export interface Distribution {
  runs: number;
  /** Policy id per side. */
  policies: Record<Role, string>;
  /** Sides whose scenario player is a human, so a stand-in policy played them. */
  standIns: Role[];
  outcomes: Record<Outcome, number>;
  /** Round of the deal in every run that ended in the landing zone. */
  dealRounds: number[];
  /** Cumulative pain (harm + cost), EUR bn, per run. */
  pain: Record<Role, number[]>;
  peakRung: number[];
}

/** The scenario's computer players; a human side is played by the journal's policy, else `graduated`. */
export function comparisonPolicies(
  sc: Scenario,
  journalPlayers: Record<Role, string>,
): { policies: Record<Role, Policy>; standIns: Role[] } {
  const standIns: Role[] = [];
  const pick = (b: Role): Policy => {
    const own = sc.policies[sc.players[b]];
    if (own) return own;
    standIns.push(b);
    const fallback = sc.policies[journalPlayers[b]] ?? sc.policies.graduated ?? Object.values(sc.policies)[0];
    if (!fallback) throw new Error(`scenario "${sc.id}" defines no computer players`);
    return fallback;
  };
  const policies = { target: pick('target'), coercer: pick('coercer') };
  return { policies, standIns };
}

/** Plays `runs` games with computer players on both sides, seeds from runSeed('report:' + seed, 0, i). */
export function computerDistribution(
  sc: Scenario,
  journalSeed: string,
  journalPlayers: Record<Role, string>,
  runs: number,
): Distribution {
  const { policies, standIns } = comparisonPolicies(sc, journalPlayers);
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const dist: Distribution = {
    runs,
    policies: { target: policies.target.id, coercer: policies.coercer.id },
    standIns,
    outcomes,
    dealRounds: [],
    pain: { target: [], coercer: [] },
    peakRung: [],
  };
  for (let i = 0; i < runs; i++) {
    const r = runGame(sc, runSeed(`report:${journalSeed}`, 0, i), policies);
    outcomes[r.outcome] += 1;
    if (r.outcome === 'landing_zone') dist.dealRounds.push(r.round);
    for (const b of ROLES) dist.pain[b].push(r.pain[b].eurBn);
    dist.peakRung.push(r.peakRung);
  }
  return dist;
}

/** Share of values below x, ties counted half, in % (the mid-rank percentile). */
export function percentileOf(values: readonly number[], x: number): number {
  if (values.length === 0) return Number.NaN;
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (v < x) below++;
    else if (v === x) equal++;
  }
  return ((below + equal / 2) / values.length) * 100;
}

/** The p-quantile (0…1) by linear interpolation between order statistics. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return s[lo]! + (s[hi]! - s[lo]!) * (h - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
