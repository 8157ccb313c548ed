// Text and JSON views of a finished run, for `aci-sim run`.
import {
  describe as describeEvent,
  monthOf,
  RUNG_NAMES,
  type RunResult,
  type Scenario,
} from '../engine/index.js';

const OUTCOME_TEXT: Record<string, string> = {
  landing_zone: 'landing zone — a negotiated deal',
  eu_backs_down: 'the EU backs down',
  cn_backs_down: 'China backs down',
  spiral: 'spiral — both sides past their tolerance at the top of the ladder',
  stalemate: 'stalemate — no deal before the last round',
};

/** The JSON object `run --json` prints. */
export function runJson(r: RunResult, scenario: Scenario) {
  return {
    scenario: scenario.id,
    scenarioHash: scenario.hash,
    seed: r.seed,
    outcome: r.outcome,
    round: r.round,
    q: r.q,
    pain: r.pain,
    statePain: r.statePain,
    peakRung: r.peakRung,
    minQmMargin: r.minQmMargin,
    substitution: r.substitution,
    dealsBroken: r.dealsBroken,
    roundsPlayed: r.roundsPlayed,
    events: r.events,
  };
}

const money = (x: number) => `EUR ${x.toFixed(1)} bn`;
const pct = (x: number) => `${x.toFixed(2)}% of GDP a year`;

/** A readable round-by-round account and summary. */
export function runText(r: RunResult, sc: Scenario, players: { EU: string; CN: string }): string {
  const lines: string[] = [];
  lines.push(`${sc.title} — seed ${r.seed}; EU: ${players.EU}, China: ${players.CN}`);
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
    `Outcome: ${OUTCOME_TEXT[r.outcome]} in round ${r.round}${r.q === null ? '' : `, terms q = ${r.q.toFixed(2)}`}`,
  );
  lines.push(`Pain to the EU:  ${money(r.pain.EU.eurBn)} (${pct(r.pain.EU.pctGdp)})`);
  lines.push(`Pain to China:   ${money(r.pain.CN.eurBn)} (${pct(r.pain.CN.pctGdp)})`);
  lines.push(`Peak escalation: rung ${r.peakRung} of 6 (${RUNG_NAMES[r.peakRung]})`);
  lines.push(
    `Council: ${r.minQmMargin === null ? 'no vote reached a qualified majority' : `smallest margin of a qualified majority ${r.minQmMargin.toFixed(2)} points of population`}`,
  );
  lines.push(
    `Substitution gained: EU ${(r.substitution.EU * 100).toFixed(1)}%, China ${(r.substitution.CN * 100).toFixed(1)}% of the flows at stake (mean)`,
  );
  const top = Object.entries(r.statePain)
    .sort((a, b) => b[1].eurBn - a[1].eurBn)
    .slice(0, 5)
    .map(([id, p]) => `${id} ${money(p.eurBn)}`);
  lines.push(`Member states hit hardest: ${top.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
