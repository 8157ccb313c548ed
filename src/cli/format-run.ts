// Text and JSON views of a finished run, for `aci-sim run`.
import {
  describe as describeEvent,
  monthOf,
  type Role,
  RUNG_NAMES,
  type RunResult,
  type Scenario,
} from '../engine/index.js';

const outcomeText = (sc: Scenario, o: string): string =>
  ({
    landing_zone: 'landing zone — a negotiated deal',
    target_backs_down: `${sc.blocs.target.short} backs down`,
    coercer_backs_down: `${sc.blocs.coercer.short} backs down`,
    spiral: 'spiral — both sides past their tolerance at the top of the ladder',
    stalemate: 'stalemate — no deal before the last round',
  })[o] ?? o;

/** A by-role record keyed by the scenario's side ids, as output shows it. */
export const bySide = <T>(sc: Scenario, r: Readonly<Record<Role, T>>): Record<string, T> => ({
  [sc.blocs.target.id]: r.target,
  [sc.blocs.coercer.id]: r.coercer,
});

/** The JSON object `run --json` prints. */
export function runJson(r: RunResult, scenario: Scenario) {
  return {
    scenario: scenario.id,
    scenarioHash: scenario.hash,
    seed: r.seed,
    sides: { target: scenario.blocs.target.id, coercer: scenario.blocs.coercer.id },
    outcome: r.outcome,
    round: r.round,
    q: r.q,
    pain: bySide(scenario, r.pain),
    statePain: r.statePain,
    peakRung: r.peakRung,
    minQmMargin: r.minQmMargin,
    substitution: bySide(scenario, r.substitution),
    dealsBroken: r.dealsBroken,
    roundsPlayed: r.roundsPlayed,
    events: r.events,
  };
}

const money = (x: number) => `EUR ${x.toFixed(1)} bn`;
const pct = (x: number) => `${x.toFixed(2)}% of GDP a year`;

/** A readable round-by-round account and summary. */
export function runText(r: RunResult, sc: Scenario, players: Readonly<Record<Role, string>>): string {
  const lines: string[] = [];
  const { target: T, coercer: C } = sc.blocs;
  lines.push(`${sc.title} — seed ${r.seed}; ${T.id}: ${players.target}, ${C.id}: ${players.coercer}`);
  lines.push('');
  let round = 0;
  for (const e of r.events) {
    if (e.round !== round) {
      round = e.round;
      lines.push(`Round ${round} (${monthOf(sc, round)})`);
    }
    lines.push(`  ${describeEvent(e).replace(/^round \d+: /, '')}`);
  }
  lines.push('');
  lines.push(
    `Outcome: ${outcomeText(sc, r.outcome)} in round ${r.round}${r.q === null ? '' : `, terms q = ${r.q.toFixed(2)}`}`,
  );
  const w = Math.max(T.short.length, C.short.length);
  lines.push(
    `Pain to ${`${T.short}:`.padEnd(w + 1)} ${money(r.pain.target.eurBn)} (${pct(r.pain.target.pctGdp)})`,
  );
  lines.push(
    `Pain to ${`${C.short}:`.padEnd(w + 1)} ${money(r.pain.coercer.eurBn)} (${pct(r.pain.coercer.pctGdp)})`,
  );
  lines.push(`Peak escalation: rung ${r.peakRung} of 6 (${RUNG_NAMES[r.peakRung]})`);
  lines.push(
    `Council: ${r.minQmMargin === null ? 'no vote reached a qualified majority' : `smallest margin of a qualified majority ${r.minQmMargin.toFixed(2)} points of population`}`,
  );
  lines.push(
    `Substitution gained: ${T.id} ${(r.substitution.target * 100).toFixed(1)}%, ${C.id} ${(r.substitution.coercer * 100).toFixed(1)}% of the flows at stake (mean)`,
  );
  const top = Object.entries(r.statePain)
    .sort((a, b) => b[1].eurBn - a[1].eurBn)
    .slice(0, 5)
    .map(([id, p]) => `${id} ${money(p.eurBn)}`);
  lines.push(`Member states hit hardest: ${top.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
