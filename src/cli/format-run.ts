// Text and JSON views of a finished run, for `aci-sim run`.
import { type ExplainedRun, optimismAt, type Role, RUNG_NAMES, type Scenario } from '../engine/index.js';
import { roundStories, roundTable } from './format-rounds.js';

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

/** What a run was asked: its seed, the players and the `--set` values, as the header and JSON record them. */
export interface RunSetup {
  readonly seed: string;
  readonly players: Readonly<Record<Role, string>>;
  readonly set: Readonly<Record<string, string | number>>;
}

/** The price of a deal's terms, EUR bn: what the target concedes (q × its stakes), what the coercer gives up. */
export const termsPrice = (sc: Scenario, q: number): Record<Role, number> => ({
  target: q * sc.blocs.target.stakes,
  coercer: (1 - q) * sc.blocs.coercer.stakes,
});

/** The JSON object `run --json` prints. */
export function runJson(r: ExplainedRun, scenario: Scenario, setup: RunSetup) {
  return {
    scenario: scenario.id,
    scenarioHash: scenario.hash,
    seed: r.seed,
    players: bySide(scenario, setup.players),
    set: setup.set,
    sides: { target: scenario.blocs.target.id, coercer: scenario.blocs.coercer.id },
    outcome: r.outcome,
    round: r.round,
    q: r.q,
    pain: bySide(scenario, r.pain),
    termsEurBn: r.q === null ? null : bySide(scenario, termsPrice(scenario, r.q)),
    statePain: r.statePain,
    peakRung: r.peakRung,
    minQmMargin: r.minQmMargin,
    substitution: bySide(scenario, r.substitution),
    dealsBroken: r.dealsBroken,
    roundsPlayed: r.roundsPlayed,
    events: r.events,
    rounds: r.rounds.map((x) => ({
      round: x.round,
      orders: bySide(scenario, { target: x.orders.target ?? {}, coercer: x.orders.coercer ?? {} }),
      reasons: bySide(scenario, x.reasons),
      pain: bySide(scenario, x.pain),
      zone: x.zone,
      expected: x.expected,
      council: x.council,
      levels: x.levels,
      events: x.events.map((e) => e.code),
    })),
    flows: r.flows,
  };
}

const money = (x: number) => `EUR ${x.toFixed(1)} bn`;
const pct = (x: number) => `${x.toFixed(2)}% of GDP a year`;

/** A readable round-by-round account and summary. */
export function runText(r: ExplainedRun, sc: Scenario, setup: RunSetup): string {
  const lines: string[] = [];
  const { target: T, coercer: C } = sc.blocs;
  const { players } = setup;
  lines.push(`${sc.title} — seed ${r.seed}; ${T.id}: ${players.target}, ${C.id}: ${players.coercer}`);
  const set = Object.entries(setup.set);
  if (set.length > 0) lines.push(`Set: ${set.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  lines.push('');
  lines.push(...roundTable(sc, r.rounds));
  lines.push('');
  lines.push(...roundStories(sc, r, players));
  lines.push('');
  lines.push(
    `Outcome: ${outcomeText(sc, r.outcome)} in round ${r.round}${r.q === null ? '' : `, terms q = ${r.q.toFixed(2)}`}`,
  );
  const w = Math.max(T.short.length, C.short.length);
  const price = r.q === null ? null : termsPrice(sc, r.q);
  const terms = (role: Role) =>
    price === null
      ? ''
      : `; the terms: ${role === 'target' ? 'concedes' : 'gives up'} ${money(price[role])} (${role === 'target' ? 'q' : '(1 − q)'} × stakes ${money(sc.blocs[role].stakes)})`;
  for (const role of ['target', 'coercer'] as const)
    lines.push(
      `Pain to ${`${sc.blocs[role].short}:`.padEnd(w + 1)} ${money(r.pain[role].eurBn)} (${pct(r.pain[role].pctGdp)})${terms(role)}`,
    );
  const expected = expectedLine(sc, r);
  if (expected) lines.push(expected);
  lines.push(`Peak escalation: rung ${r.peakRung} of 6 (${RUNG_NAMES[r.peakRung]})`);
  // Two governments: no Council and no member states to report.
  if (sc.council)
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
  if (top.length > 0) lines.push(`Member states hit hardest: ${top.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** What both sides expected of the dispute fought out, in the first round and the last played: what a zone lies around. */
function expectedLine(sc: Scenario, r: ExplainedRun): string | null {
  const first = r.rounds[0];
  const last = r.rounds.find((x) => x.round === r.round) ?? r.rounds[r.rounds.length - 1];
  if (first?.expected == null || last?.expected == null) return null;
  const at = (x: { round: number; expected: number | null }) =>
    `${x.expected!.toFixed(2)} in round ${x.round}`;
  const span = first === last ? at(first) : `${at(first)}, ${at(last)}`;
  const o = sc.params.optimism;
  const h = sc.params.optimismHalfLife;
  const said =
    h > 0
      ? `optimism ${o}, from 1 at the outset with a half-life of ${h} months: ${optimismAt(sc, last.round).toFixed(2)} in round ${last.round}`
      : `optimism ${o}`;
  return `Expected if fought out (${said}): q = ${span}`;
}
