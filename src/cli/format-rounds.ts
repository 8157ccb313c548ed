// The round-by-round account of `aci-sim run`: a table of each round's pain,
// zone and Council support, then each round's orders with the computer
// players' reasons and its events.
import {
  describe as describeEvent,
  type ExplainedRun,
  type MoveReason,
  monthOf,
  other,
  ROLES,
  type Role,
  type RoundSeries,
  type Scenario,
} from '../engine/index.js';

const bn = (x: number) => `${x.toFixed(1)}`;
/** +0.4, −0.2; a number that rounds to zero is 0.0 whatever its sign. */
const signed = (x: number, digits = 1) => {
  const t = Math.abs(x).toFixed(digits);
  return Number(t) === 0 ? t : `${x > 0 ? '+' : '−'}${t}`;
};

/** One computer move's reason, as a sentence without its subject. */
export function reasonText(sc: Scenario, side: Role, r: MoveReason): string {
  const them = sc.blocs[other(side)].short;
  const projected = (harm: number, cost: number) =>
    `projected harm to ${them} ${signed(harm)} bn for own cost ${signed(cost)} bn over ${sc.params.horizon} rounds`;
  switch (r.rule) {
    case 'best-ratio':
      return `raises ${r.measure} to ${r.level}: ${projected(r.harmToOther, r.ownCost)}, the best ratio within reach`;
    case 'climb':
      return `raises ${r.measure} to ${r.level}, a rung higher: ${projected(r.harmToOther, r.ownCost)}`;
    case 'threat':
      return `raises ${r.measure} to ${r.level}: a threat one rung higher (no raise within reach would bite yet)`;
    case 'match-down':
      return `lowers ${r.measure} to ${r.level}: ${them} is on a lower rung (${r.theirs} < ${r.mine})`;
    case 'appease':
      return `lifts ${r.measure}: last round's pain ${r.painPct.toFixed(2)}% of GDP a year passed its threshold ${r.threshold.toFixed(2)}%`;
    case 'utility':
      return r.measure === null
        ? `keeps every level: the best projected outcome (own cost plus terms ${bn(-r.utility)} bn)`
        : `${r.up ? 'raises' : 'lowers'} ${r.measure} to ${r.level}: ${projected(r.harmToOther, r.ownCost)}; own cost plus terms ${bn(-r.utility)} bn against ${bn(-r.keep)} bn keeping${r.utility < r.keep ? ' (drawn by soft-max among near-equal moves)' : ''}`;
    case 'offer':
      return r.lo === r.hi
        ? `offers q = ${r.q.toFixed(3)}`
        : `offers q = ${r.q.toFixed(3)} inside the zone it sees (${r.lo.toFixed(3)}–${r.hi.toFixed(3)})`;
    case 'keep':
      return {
        deal: 'keeps the deal',
        hold: 'holds (its policy never moves)',
        'no-move': 'keeps every level: no move within reach is worth making',
        'under-threshold': 'keeps every level: its pain is under its threshold',
      }[r.because];
  }
}

const pad = (s: string, n: number) => s.padStart(n);

/** The per-round table: pain (harm + own cost) per side, zone bounds, Council support, events. */
export function roundTable(sc: Scenario, rounds: readonly RoundSeries[]): string[] {
  const ids = ROLES.map((r) => sc.blocs[r].id);
  const head = [
    'round',
    'month  ',
    ...ids.map((id) => pad(`${id} harm+cost`, 16)),
    pad('zone q', 15),
    ...(sc.council ? [pad('Council for', 15)] : []),
    'events',
  ];
  const lines = [head.join('  ')];
  for (const r of rounds) {
    const z = r.zone;
    const zone = !z
      ? '—'
      : z.coercerMin <= z.targetMax
        ? `${z.coercerMin.toFixed(2)}–${z.targetMax.toFixed(2)}`
        : `none ${z.coercerMin.toFixed(2)}>${z.targetMax.toFixed(2)}`;
    const cells = [
      pad(String(r.round), 5),
      monthOf(sc, r.round),
      ...ROLES.map((b) => pad(`${r.pain[b].harm.toFixed(2)} + ${r.pain[b].cost.toFixed(2)}`, 16)),
      pad(zone, 15),
      ...(r.council ? [pad(`${r.council.for} (${r.council.forPopulation.toFixed(1)}%)`, 15)] : []),
      String(r.events.length),
    ];
    lines.push(cells.join('  '));
  }
  lines.push(
    `(harm suffered + own cost, EUR bn in the round; zone: the lowest q ${sc.blocs.coercer.short} accepts – the highest ${sc.blocs.target.short} accepts ("none" when the first is higher; — before any); Council for: states whose support would vote for, and their share of population)`,
  );
  return lines;
}

/** Each round: the players' moves with their reasons, then its events. */
export function roundStories(
  sc: Scenario,
  run: ExplainedRun,
  players: Readonly<Record<Role, string>>,
): string[] {
  const lines: string[] = [];
  for (const r of run.rounds) {
    lines.push(`Round ${r.round} (${monthOf(sc, r.round)})`);
    for (const side of ROLES)
      for (const why of r.reasons[side])
        lines.push(`  ${sc.blocs[side].id} (${players[side]}) ${reasonText(sc, side, why)}`);
    for (const e of r.events) lines.push(`  · ${describeEvent(e).replace(/^round \d+: /, '')}`);
  }
  return lines;
}
