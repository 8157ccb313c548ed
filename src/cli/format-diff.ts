// The text `aci-sim compare` and `run --baseline` print: two runs side by
// side, the changes in pain by flow and in support by term, or why not.
import { ROLES, type Role } from '../engine/index.js';
import { diffRuns, type RunDiff, type Side, SUPPORT_TERMS, whyUnchanged } from '../report/run-diff.js';

const signed = (x: number, digits = 2) => {
  const t = Math.abs(x).toFixed(digits);
  return Number(t) === 0 ? t : `${x > 0 ? '+' : '−'}${t}`;
};
const money = (x: number) => `EUR ${x.toFixed(1)} bn`;

/** The comparison as text; `edits` are the --set paths that make B (told why when they change nothing). */
export function diffText(A: Side, B: Side, edits: readonly string[]): string {
  const d = diffRuns(A, B);
  const lines: string[] = [`A: ${A.label}`, `B: ${B.label}`, ''];
  if (d.identical) {
    lines.push('The two runs are identical: the same orders, events and results.');
    for (const path of edits) lines.push(`  ${path}: ${whyUnchanged(path, B, A)}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(...summaryTable(A, B));
  for (const role of ROLES) lines.push('', ...flowLines(B, d, role));
  // Two governments have no Council whose members' support could change.
  if (B.sc.council !== null) lines.push('', ...supportLines(d));
  return `${lines.join('\n')}\n`;
}

function summaryTable(A: Side, B: Side): string[] {
  const a = A.run;
  const b = B.run;
  const outcome = (s: Side) => `${s.run.outcome.replace(/_/g, ' ')}, round ${s.run.round}`;
  const q = (x: number | null) => (x === null ? '—' : x.toFixed(2));
  const rows: [string, string, string, string][] = [
    ['', 'A', 'B', 'change'],
    ['outcome', outcome(A), outcome(B), a.outcome === b.outcome && a.round === b.round ? '' : 'differs'],
    ['terms q', q(a.q), q(b.q), a.q !== null && b.q !== null ? signed(b.q - a.q) : ''],
    ...ROLES.map((r): [string, string, string, string] => [
      `pain to ${B.sc.blocs[r].id}`,
      money(a.pain[r].eurBn),
      money(b.pain[r].eurBn),
      signed(b.pain[r].eurBn - a.pain[r].eurBn, 1),
    ]),
    ['peak rung', String(a.peakRung), String(b.peakRung), signed(b.peakRung - a.peakRung, 0)],
    ...(B.sc.council
      ? [
          [
            'smallest QM margin',
            a.minQmMargin === null ? 'no QM' : a.minQmMargin.toFixed(2),
            b.minQmMargin === null ? 'no QM' : b.minQmMargin.toFixed(2),
            '',
          ] as [string, string, string, string],
        ]
      : []),
    ['deals broken', String(a.dealsBroken), String(b.dealsBroken), signed(b.dealsBroken - a.dealsBroken, 0)],
  ];
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(w[0]!) : c.padStart(w[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function flowLines(B: Side, d: RunDiff, role: Role): string[] {
  const name = B.sc.blocs[role].short;
  const changes = d.flows[role];
  if (changes.length === 0) return [`The pain to ${name} changes in no flow.`];
  const total = changes.reduce((s, c) => s + (c.b - c.a), 0);
  const w = Math.max(...changes.map((c) => c.dependency.length));
  return [
    `Change in the pain to ${name} by flow (EUR bn, A → B; ${signed(total)} in all):`,
    ...changes
      .slice(0, 8)
      .map(
        (c) =>
          `  ${c.dependency.padEnd(w)}  ${c.part === 'harm' ? 'harm suffered' : 'own cost    '}  ${c.a.toFixed(2).padStart(6)} → ${c.b.toFixed(2).padStart(6)}  ${signed(c.b - c.a).padStart(6)}`,
      ),
    ...(changes.length > 8 ? [`  … and ${changes.length - 8} smaller changes`] : []),
  ];
}

function supportLines(d: RunDiff): string[] {
  if (d.supportRound === null) return ['No round was played in both runs: no support to compare.'];
  const at = d.supportRoundIsVote
    ? `at the Council vote in round ${d.supportRound}`
    : `in round ${d.supportRound} (no Council vote was held)`;
  if (d.support.length === 0) return [`No member state's support changes ${at}.`];
  const changed = d.support.filter((s) => s.ballotA !== s.ballotB);
  const shown = [...changed, ...d.support.filter((s) => s.ballotA === s.ballotB)].slice(
    0,
    Math.max(6, changed.length),
  );
  return [
    `Change in support ${at} (log-odds, A → B, ballot by bands), by term of the support formula:`,
    ...shown.map((s) => {
      const terms = [...SUPPORT_TERMS, 'rest' as const]
        .filter((t) => t !== 'rest' || Math.abs(s.terms.rest) >= 0.005)
        .map((t) => `${t} ${signed(s.terms[t])}`)
        .join(', ');
      const ballot = s.ballotA === s.ballotB ? s.ballotB : `${s.ballotA} → ${s.ballotB}`;
      return `  ${s.state.padEnd(3)} ${s.a.toFixed(2).padStart(6)} → ${s.b.toFixed(2).padStart(6)} (${ballot}): ${terms}`;
    }),
    ...(d.support.length > shown.length
      ? [`  … and ${d.support.length - shown.length} states whose ballot stays`]
      : []),
  ];
}
