// The event log's data, over random orders (and computer players): every
// event satisfies its contract, and replaying a session's order log
// rebuilds its states and events exactly (src/engine/session.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const REOPEN_AFTER = 3; // the default of parameters.reopen_after

import { qualifiedMajority, type Vote } from '../../src/engine/council/qmv.js';
import { EVENT_CODES, isVote, type SimEvent } from '../../src/engine/events.js';
import {
  computerTurn,
  type GameSetup,
  isOver,
  newSession,
  playRound,
  replaySession,
  type Session,
  stateOf,
} from '../../src/engine/index.js';
import type { BlocOrders, Orders } from '../../src/engine/orders.js';
import type { Measure, Role, Scenario } from '../../src/engine/types.js';
import { miniMeasures, miniScenario, miniStates } from '../helpers/mini-scenario.js';

/** The mini scenario with every legal basis: the wider rung and a national measure NL holds. */
function richScenario(support: number, voting: 'deterministic' | 'stochastic', breachBase: number): Scenario {
  const base = miniScenario();
  const off = { name: 'off', intensity: 0, tariff: 0, rung: 0 };
  const extra: Measure[] = [
    {
      ...miniMeasures()[1]!,
      id: 'fin',
      name: 'Financial sector',
      legalBasis: 'wider',
      actsOn: [],
      levels: [
        off,
        { name: 'L1', intensity: 0, tariff: 0, rung: 5 },
        { name: 'L2', intensity: 0, tariff: 0, rung: 6 },
      ],
    },
    {
      ...miniMeasures()[1]!,
      id: 'nl_licences',
      name: 'Dutch licences',
      legalBasis: 'national',
      holder: 'NL',
      leadRounds: 1,
      reversible: false,
      levels: [off, { name: 'L1', intensity: 0.3, tariff: 0, rung: 3 }],
    },
  ];
  return miniScenario({
    states: miniStates(support),
    measures: [...miniMeasures(), ...extra],
    // No capitulation: deals at the ends of q stay deals, so breaches can follow them.
    params: { ...base.params, votingMode: voting, breachBase, snapbackCredibility: 0.2, capitulation: 0 },
  });
}

const ownMeasures = (sc: Scenario, bloc: Role) => sc.measures.flatMap((m, i) => (m.bloc === bloc ? [i] : []));

/** One side's orders: some levels of its own measures, maybe an offer, an answer, rarely a back-down. */
function blocOrders(sc: Scenario, bloc: Role): fc.Arbitrary<BlocOrders> {
  const own = ownMeasures(sc, bloc);
  return fc
    .record({
      set: fc.array(fc.record({ m: fc.constantFrom(...own), k: fc.nat() }), { maxLength: 2 }),
      propose: fc.option(
        fc.record({
          q: fc.double({ min: 0, max: 1, noNaN: true }),
          keep: fc.subarray(sc.measures.map((m) => m.id)),
        }),
        { freq: 5 },
      ),
      respond: fc.option(fc.constantFrom('accept' as const, 'reject' as const), { freq: 3 }),
      backDown: fc.integer({ min: 0, max: 60 }).map((x) => x === 0),
    })
    .map(({ set, propose, respond, backDown }) => {
      const o: BlocOrders = {};
      if (set.length > 0)
        o.set = Object.fromEntries(
          set.map(({ m, k }) => [sc.measures[m]!.id, k % sc.measures[m]!.levels.length]),
        );
      if (propose) o.propose = propose.keep.length > 0 ? propose : { q: propose.q };
      if (respond) o.respond = respond;
      if (backDown) o.backDown = true;
      return o;
    });
}

// The measures (and so the orders) are the same whatever the parameters drawn.
const MEASURES = richScenario(0.8, 'deterministic', 0);
const game = fc.record({
  support: fc.constantFrom(0.8, 0.3, 0, -0.6),
  voting: fc.constantFrom('deterministic' as const, 'stochastic' as const),
  breachBase: fc.constantFrom(0, 0.3, 1),
  eu: fc.constantFrom('human', 'human', 'graduated', 'best_response'),
  cn: fc.constantFrom('human', 'human', 'tit_for_tat', 'best_response'),
  seed: fc.string({ minLength: 1, maxLength: 6 }),
  rounds: fc.array(
    fc.record({ target: blocOrders(MEASURES, 'target'), coercer: blocOrders(MEASURES, 'coercer') }),
    {
      minLength: MEASURES.rounds,
      maxLength: MEASURES.rounds,
    },
  ),
});

/** Plays the random orders; a computer side's orders replace the random ones. */
function playGame(setup: GameSetup, rounds: readonly Orders[]): Session {
  let s = newSession(setup);
  for (const random of rounds) {
    if (isOver(setup.sc, stateOf(s))) break;
    const computer = computerTurn(s);
    s = playRound(s, {
      target: computer.target ?? random.target,
      coercer: computer.coercer ?? random.coercer,
    });
  }
  return s;
}

const FINAL = new Set(['outcome/spiral', 'outcome/stalemate', 'outcome/backs-down']);

function checkEvent(sc: Scenario, e: SimEvent, round: number) {
  expect(e.round).toBe(round);
  expect(EVENT_CODES).toContain(e.code);
  expect(typeof e.text).toBe('string');
  expect(e.text.length).toBeGreaterThan(0);
  if (isVote(e)) {
    const v = e.data.vote;
    expect(v.ballots.map((b) => b.state)).toEqual(sc.states.map((s) => s.id));
    const votes: Record<string, Vote> = {};
    const population: Record<string, number> = {};
    v.ballots.forEach((b, i) => {
      expect(Number.isFinite(b.score)).toBe(true);
      expect(['for', 'against', 'abstain']).toContain(b.vote);
      if (sc.params.votingMode === 'deterministic')
        expect(b.vote).toBe(
          b.score >= sc.params.voteFor ? 'for' : b.score <= sc.params.voteAgainst ? 'against' : 'abstain',
        );
      votes[b.state] = b.vote;
      population[b.state] = sc.states[i]!.population;
    });
    const count = (x: Vote) => v.ballots.filter((b) => b.vote === x);
    const pop = (x: Vote) => count(x).reduce((a, b) => a + population[b.state]!, 0);
    expect(v.forStates).toBe(count('for').length);
    expect(v.againstStates).toBe(count('against').length);
    expect(v.forPopulation).toBeCloseTo(pop('for'), 9);
    expect(v.againstPopulation).toBeCloseTo(pop('against'), 9);
    const recount = qualifiedMajority(votes, population);
    expect(v.qualifiedMajorityFor).toBe(recount.qualifiedMajorityFor);
    expect(v.qualifiedMajorityAgainst).toBe(recount.qualifiedMajorityAgainst);
    expect(v.marginPopulation).toBeCloseTo(recount.marginFor.population, 9);
    // The event says what the vote did.
    if (e.code === 'council/determination-adopted' || e.code === 'council/committee-adopted')
      expect(v.qualifiedMajorityFor).toBe(true);
    if (e.code === 'council/determination-failed' || e.code === 'council/determination-rejected')
      expect(v.qualifiedMajorityFor).toBe(false);
    if (e.code === 'council/committee-blocked' || e.code === 'council/appeal-blocked')
      expect(v.qualifiedMajorityAgainst).toBe(true);
    if (e.code === 'council/appeal') {
      expect(v.qualifiedMajorityFor || v.qualifiedMajorityAgainst).toBe(false);
      expect(e.data.rounds).toBeGreaterThanOrEqual(sc.procedure.appealMin);
      expect(e.data.rounds).toBeLessThanOrEqual(sc.procedure.appealMax);
    }
  }
  if (e.code === 'deal/struck' || e.code === 'deal/refused') {
    expect(e.data.proposer).not.toBe(e.data.responder);
    expect(e.data.q).toBeGreaterThanOrEqual(0);
    expect(e.data.q).toBeLessThanOrEqual(1);
    for (const id of e.data.keep) expect(sc.measures.map((m) => m.id)).toContain(id);
  }
  const d = e.data;
  if ('measure' in d && 'level' in d) {
    const def = sc.measures.find((m) => m.id === d.measure);
    expect(def).toBeDefined();
    expect(Number.isInteger(d.level)).toBe(true);
    expect(d.level).toBeGreaterThanOrEqual(0);
    expect(d.level).toBeLessThanOrEqual(def!.levels.length - 1);
    if ('side' in d) expect(d.side).toBe(def!.bloc);
  }
  if (e.code === 'measure/in-force') expect(e.data.level).toBeGreaterThan(0);
  if (e.code === 'order/refused') {
    if (e.data.reason === 'aci-paused') {
      expect(e.data.roundsLeft).toBeGreaterThanOrEqual(1);
      expect(e.data.roundsLeft).toBeLessThanOrEqual(REOPEN_AFTER);
    } else expect(e.data.roundsLeft).toBeNull();
  }
}

describe('event data and replay', () => {
  it('every event keeps its contract, at most one final outcome ends the game, and replay rebuilds it exactly', () => {
    // Which codes the generated games produced, so the property is known not to be vacuous.
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(game, (g) => {
        const sc = richScenario(g.support, g.voting, g.breachBase);
        const setup: GameSetup = { sc, seed: g.seed, players: { target: g.eu, coercer: g.cn } };
        const s = playGame(setup, g.rounds);
        s.events.forEach((evs, i) => {
          for (const e of evs) {
            checkEvent(setup.sc, e, i + 1);
            seen.set(e.code, (seen.get(e.code) ?? 0) + 1);
          }
          expect(evs.filter((e) => e.code === 'deal/struck').length).toBeLessThanOrEqual(1);
        });
        const finals = s.events.flat().filter((e) => FINAL.has(e.code));
        expect(finals.length).toBeLessThanOrEqual(1);
        if (finals.length === 1) expect(finals[0]!.round).toBe(s.log.length);
        // The game is over exactly when its last state says so.
        expect(isOver(setup.sc, stateOf(s))).toBe(true);

        const again = replaySession(setup, s.log);
        expect(again.states).toEqual(s.states);
        expect(again.events).toEqual(s.events);
      }),
      { numRuns: 60 },
    );
    for (const code of [
      'council/determination-adopted',
      'council/determination-failed',
      'council/determination-rejected',
      'council/committee-adopted',
      'council/appeal',
      'deal/struck',
      'deal/refused',
      'deal/breached',
      'measure/in-force',
      'national/decided',
      'national/refused',
      'order/refused',
      'order/irreversible',
      'outcome/backs-down',
      'outcome/stalemate',
    ])
      expect(seen.get(code) ?? 0, code).toBeGreaterThan(0);
  });
});
