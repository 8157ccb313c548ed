// The game's numbers over rounds, as the charts and prompts use them.
import { type CouncilView, councilView, type Role, type Scenario, type SimState } from '../engine/index.js';
import type { Game } from './load-game.js';
import type { ZoneColumn } from './svg/band-chart.js';

export interface GameSeries {
  /** Rounds 0 (the start) … n. */
  x: number[];
  /** Per round, EUR bn; null at round 0. */
  harm: Record<Role, (number | null)[]>;
  cost: Record<Role, (number | null)[]>;
  /** Cumulative, EUR bn. */
  cumHarm: Record<Role, number[]>;
  cumCost: Record<Role, number[]>;
  /** How the Council would vote at the end of each round. */
  /** Per state; null entries between two governments (no Council). */
  council: (CouncilView | null)[];
  /** % of EU population whose government would vote for / against the countermeasures. */
  cohesionFor: number[];
  cohesionAgainst: number[];
  /** Escalation rung of each side's measures in force. */
  rung: Record<Role, number[]>;
  /** The landing zone after each round 1…n. */
  zone: ZoneColumn[];
}

/** Highest rung among one side's levels in force. */
export function sideRung(sc: Scenario, st: SimState, bloc: Role): number {
  let r = 0;
  sc.measures.forEach((m, i) => {
    if (m.bloc === bloc) r = Math.max(r, m.levels[st.measures[i]!.level]?.rung ?? 0);
  });
  return r;
}

export function gameSeries(g: Game): GameSeries {
  const states = [g.start, ...g.rounds.map((r) => r.state)];
  const per = <T>(f: (st: SimState, i: number) => T): T[] => states.map(f);
  const byBloc = <T>(f: (b: Role) => T): Record<Role, T> => ({ target: f('target'), coercer: f('coercer') });
  const council = per((st) => councilView(g.sc, st));
  return {
    x: per((st) => st.round),
    harm: byBloc((b) => per((st, i) => (i === 0 ? null : st.lastPain[b].harm))),
    cost: byBloc((b) => per((st, i) => (i === 0 ? null : st.lastPain[b].cost))),
    cumHarm: byBloc((b) => per((st) => st.pain[b].harm)),
    cumCost: byBloc((b) => per((st) => st.pain[b].cost)),
    council,
    cohesionFor: council.map((c) => c?.result.for.population ?? 0),
    cohesionAgainst: council.map((c) => c?.result.against.population ?? 0),
    rung: byBloc((b) => per((st) => sideRung(g.sc, st, b))),
    zone: g.rounds.map((r) => {
      // While a deal stands the zone is not projected again: show the deal instead.
      const standing = r.state.deal && r.state.deal.round < r.round ? r.state.deal.q : null;
      return {
        round: r.round,
        targetMax: standing === null ? (r.state.zone?.targetMax ?? null) : null,
        coercerMin: standing === null ? (r.state.zone?.coercerMin ?? null) : null,
        deal: dealStruckIn(r.events),
        holding: standing,
      };
    }),
  };
}

/** Terms of a deal struck in this round, from its events. */
function dealStruckIn(events: Game['rounds'][number]['events']): number | null {
  const e = events.find((x) => x.code === 'deal/struck');
  const q = e?.data?.q;
  return typeof q === 'number' ? q : null;
}
