// The report `aci-sim vote` prints: the tally by group and whether the
// qualified-majority rules are met, as text or as the `--json` object.
import { populationTotal, type QmvResult, statesNeeded, type Vote } from '../engine/council/qmv.js';

const r2 = (x: number): number => {
  const v = Math.round(x * 100) / 100;
  return Object.is(v, -0) ? 0 : v;
};
const pct = (x: number): string => `${x.toFixed(2)}%`;
const signed = (x: number, digits: number): string => `${x < 0 ? '-' : '+'}${Math.abs(x).toFixed(digits)}`;
const statesWord = (n: number): string => `${n} state${n === 1 ? '' : 's'}`;

/** The JSON object `vote --json` prints. */
export function voteJson(r: QmvResult) {
  const tally = (t: { states: number; population: number }) => ({
    states: t.states,
    population: r2(t.population),
  });
  const margin = (m: { states: number; population: number }) => ({
    states: m.states,
    population: r2(m.population),
  });
  return {
    for: tally(r.for),
    against: tally(r.against),
    abstain: tally(r.abstain),
    absent: tally(r.absent),
    qualifiedMajorityFor: r.qualifiedMajorityFor,
    qualifiedMajorityAgainst: r.qualifiedMajorityAgainst,
    blockingMinority: r.blockingMinority,
    margins: { for: margin(r.marginFor), against: margin(r.marginAgainst) },
  };
}

function verdictLine(
  label: string,
  reached: boolean,
  deemed: boolean,
  others: string,
  tally: { states: number; population: number },
  margin: { states: number; population: number },
  n: number,
): string {
  const head = reached ? (deemed ? 'reached (deemed' : 'reached') : 'not reached';
  const deemedNote = deemed
    ? `: only ${statesWord(n - tally.states)} ${others}, fewer than the 4 a blocking minority needs)`
    : '';
  return (
    `qualified majority ${label}: ${head}${deemedNote} — ${tally.states} of ${n} states (needs ${statesNeeded(n)}), ` +
    `${pct(tally.population)} of population (needs 65%): ` +
    `margin ${signed(margin.states, 0)} states, ${signed(margin.population, 2)} points`
  );
}

function blockingLine(r: QmvResult, n: number): string {
  const notFor = n - r.for.states;
  const notForPop = r.against.population + r.abstain.population + r.absent.population;
  const who = `the ${statesWord(notFor)} not voting for hold ${pct(notForPop)} of population`;
  if (r.blockingMinority) return `blocking minority: yes — ${who} (at least 4 states and more than 35%)`;
  if (notFor < 4) {
    return `blocking minority: no — ${who}, but a blocking minority needs at least 4 states`;
  }
  return `blocking minority: no — ${who}, not more than 35%`;
}

/** Formats the human-readable report of a vote. */
export function formatVote(
  r: QmvResult,
  votes: ReadonlyMap<string, Vote>,
  population: Readonly<Record<string, number>>,
  year?: number,
): string {
  const codes = Object.keys(population).sort(
    (a, b) => (population[b] as number) - (population[a] as number) || a.localeCompare(b),
  );
  const n = codes.length;
  const total = populationTotal(population);
  const lines: string[] = [];
  const figures = year === undefined ? 'population figures' : `${year} population figures`;
  lines.push(`Council vote — ${figures} (${n} member states; shares sum to ${total.toFixed(2)}%)`);
  lines.push('');
  for (const vote of ['for', 'against', 'abstain', 'absent'] as const) {
    const members = codes.filter((c) => (votes.get(c) ?? 'absent') === vote);
    const t = r[vote];
    const list = members.length === 0 ? '—' : members.join(' ');
    lines.push(
      `  ${vote.padEnd(8)} ${String(t.states).padStart(2)} ${t.states === 1 ? 'state ' : 'states'}  ${pct(t.population).padStart(7)}  ${list}`,
    );
  }
  lines.push('');
  lines.push(verdictLine('for', r.qualifiedMajorityFor, r.deemedFor, 'are not for', r.for, r.marginFor, n));
  lines.push(
    verdictLine(
      'against',
      r.qualifiedMajorityAgainst,
      r.deemedAgainst,
      'do not vote against',
      r.against,
      r.marginAgainst,
      n,
    ),
  );
  lines.push(blockingLine(r, n));
  if (Math.abs(total - 100) > 1e-9) {
    lines.push('');
    lines.push(
      `The shares sum to ${total.toFixed(2)}%, so the thresholds are taken of that total: ` +
        `65% is ${((65 * total) / 100).toFixed(4)} points and 35% is ${((35 * total) / 100).toFixed(4)} points; ` +
        'the margins are measured from these.',
    );
  }
  return `${lines.join('\n')}\n`;
}
