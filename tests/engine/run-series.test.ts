// explainRun tells the very run runGame plays (same orders, draws and result),
// with a reason for every computer move and flows that add up to the pain.
import { describe, expect, it } from 'vitest';
import { explainRun, ROLES, runGame } from '../../src/engine/index.js';
import { miniScenario } from '../helpers/mini-scenario.js';

const sc = miniScenario();
const kinds = ['graduated', 'best_response', 'tit_for_tat', 'appeaser', 'hold'] as const;
const policy = (kind: (typeof kinds)[number]) =>
  Object.values(sc.policies).find((p) => p.kind === kind) ?? { id: kind, kind, description: '', params: {} };

describe('explainRun', () => {
  for (const t of kinds)
    for (const c of ['best_response', 'graduated'] as const)
      it(`plays the run runGame plays (${t} against ${c})`, () => {
        const policies = { target: policy(t), coercer: policy(c) };
        const plain = runGame(sc, 'seed-7', policies);
        const told = explainRun(sc, 'seed-7', policies);
        const { rounds, flows, support, peakLevels, ...rest } = told;
        expect(rest).toEqual(plain);
        expect(rounds).toHaveLength(plain.roundsPlayed);
        // Every side gives at least one reason every round.
        for (const r of rounds) for (const side of ROLES) expect(r.reasons[side].length).toBeGreaterThan(0);
        // The flows add up to each side's pain.
        for (const side of ROLES) {
          const harm = flows.filter((f) => f.harmed === side).reduce((a, f) => a + f.harm, 0);
          const cost = flows.filter((f) => f.actor === side).reduce((a, f) => a + f.cost, 0);
          expect(harm + cost).toBeCloseTo(plain.pain[side].eurBn, 9);
        }
        expect(support).toHaveLength(plain.roundsPlayed);
        expect(Object.keys(peakLevels).sort()).toEqual(sc.measures.map((m) => m.id).sort());
      });

  it('a raise says what it is projected to do', () => {
    const policies = { target: policy('graduated'), coercer: policy('hold') };
    const told = explainRun(sc, 's', policies);
    const raise = told.rounds[0]!.reasons.target[0]!;
    expect(['climb', 'best-ratio', 'threat']).toContain(raise.rule);
    expect(told.rounds[0]!.reasons.coercer).toEqual([{ rule: 'keep', because: 'hold' }]);
  });
});
