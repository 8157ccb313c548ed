// The summary of a batch as text: outcome shares by package, quantiles,
// the member states that pay most, lever settings compared and the paired
// differences on shared futures.
import type { PairedDifference } from './design-stats.js';
import type { Proportion } from './stats/wilson.js';
import { OUTCOMES, QUANTILE_PS, type Summary } from './summary.js';
import { fmt, textTable } from './text-table.js';

const prob = (p: Proportion) => `${p.p.toFixed(3)} [${p.lo.toFixed(3)}, ${p.hi.toFixed(3)}]`;

/** The summary as text for the terminal. */
export function formatSummary(s: Summary): string {
  const d = s.design;
  const futures = d.independent
    ? ''
    : ` in ${d.clusters} futures shared by several rows (intervals clustered by future: ${d.type === 'sobol' ? 'a Saltelli base row' : d.type === 'morris' ? 'a Morris trajectory' : 'a design point'} with its replications and lever settings)`;
  const out: string[] = [
    `Runs: ${s.runs}${s.failed > 0 ? ` (${s.failed} failed: see the error column)` : ' (none failed)'}${futures}`,
  ];
  if (d.warning) out.push(`warning: ${d.warning}`);
  if (s.outcomes) {
    out.push(
      '',
      textTable(
        [
          ['outcome', 'runs', 'share [95% CI]'],
          ...s.outcomes.map((o) => [o.outcome, String(o.n), Number.isNaN(o.share.p) ? '—' : prob(o.share)]),
        ],
        ['l', 'r', 'l'],
      ),
    );
  } else if (d.blocks.length > 1 && d.blocks[0]!.shares.length > 0) {
    out.push(
      '',
      'Outcome shares [95% CI] by package (never pooled):',
      textTable(
        [
          ['outcome', ...d.blocks.map((b) => `${b.package ?? '—'} (${b.runs - b.failed})`)],
          ...OUTCOMES.map((o, j) => [
            o,
            ...d.blocks.map((b) => (Number.isNaN(b.shares[j]!.share.p) ? '—' : prob(b.shares[j]!.share))),
          ]),
        ],
        ['l', ...d.blocks.map(() => 'l' as const)],
      ),
    );
  }
  if (s.quantiles.length > 0) {
    if (d.blocks.length > 1) out.push('', 'Quantiles and member states below: all packages together.');
    const head = ['', 'n', ...QUANTILE_PS.map((p) => `${p * 100}%`)];
    out.push(
      '',
      textTable(
        [head, ...s.quantiles.map((q) => [q.label, String(q.n), ...q.values.map(fmt)])],
        ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
  }
  if (s.states.length > 0)
    out.push(
      '',
      `Member states by mean cost, EUR bn: ${s.states.map((x) => `${x.id} ${fmt(x.mean)}`).join(' · ')}`,
    );
  if (s.levers) {
    const pkg = s.levers.some((l) => l.package !== null);
    const head = [
      ...(pkg ? ['package'] : []),
      s.sides[0],
      s.sides[1],
      'runs',
      'P(landing_zone) [95% CI]',
      `median pain ${s.sides[0]}`,
      `median pain ${s.sides[1]}`,
      'median rounds to deal',
    ];
    const rows = s.levers.map((l) => [
      ...(pkg ? [l.package ?? '—'] : []),
      l.target ?? '—',
      l.coercer ?? '—',
      String(l.runs),
      l.landing && !Number.isNaN(l.landing.p) ? prob(l.landing) : '—',
      fmt(l.medianPainTarget),
      fmt(l.medianPainCoercer),
      fmt(l.medianRounds),
    ]);
    out.push(
      '',
      'Lever settings compared on the same futures:',
      textTable([head, ...rows], [...(pkg ? ['l' as const] : []), 'l', 'l', 'r', 'l', 'r', 'r', 'r']),
    );
  }
  if (d.paired && d.paired.length > 0) out.push('', ...pairedTable(s.sides, d.paired));
  return `${out.join('\n')}\n`;
}

const signed = (x: number) => (x > 0 ? `+${x.toFixed(3)}` : x.toFixed(3));
const diff = (e: { mean: number; lo: number; hi: number }) =>
  !Number.isFinite(e.mean)
    ? '—'
    : Number.isFinite(e.lo)
      ? `${signed(e.mean)} [${signed(e.lo)}, ${signed(e.hi)}]`
      : `${signed(e.mean)} [—]`;

function pairedTable(sides: readonly [string, string], paired: readonly PairedDifference[]): string[] {
  const pkg = paired.some((p) => p.lever.package !== null);
  const name = (l: PairedDifference['lever']) => (pkg ? (l.package ?? '—') : `${l.target}/${l.coercer}`);
  const head = [
    ...(pkg ? ['package'] : []),
    sides[0],
    sides[1],
    'minus',
    'pairs',
    'Δ P(landing_zone) [95% CI]',
    `Δ mean pain ${sides[0]}`,
    `Δ mean pain ${sides[1]}`,
  ];
  const rows = paired.map((p) => [
    ...(pkg ? [p.lever.package ?? '—'] : []),
    p.lever.target ?? '—',
    p.lever.coercer ?? '—',
    name(p.reference),
    String(p.pairs),
    diff(p.landing),
    diff(p.painTarget),
    diff(p.painCoercer),
  ]);
  return [
    'Paired differences on the same futures (each setting minus its reference; 95% CI clustered by future):',
    textTable([head, ...rows], [...(pkg ? ['l' as const] : []), 'l', 'l', 'l', 'r', 'l', 'l', 'l']),
  ];
}
