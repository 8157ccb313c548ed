// What `calibrate` prints: the populations, the posterior summaries and the
// pass shares in sample, held out and cross-validated.
import { textTable } from '../text-table.js';
import type { Population, StopReason } from './abc-smc.js';
import type { CalibrationReport, PassShare } from './run-calibration.js';

const STOP: Record<StopReason, string> = {
  generations: 'all generations made',
  'tolerance-zero': 'every particle fits exactly (distance 0)',
  acceptance: 'acceptance rate under min_acceptance',
  attempts:
    'a particle found no accepted proposal within max_attempts simulations; the last full population is the posterior',
};

const num = (x: number) =>
  Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(3) : x.toPrecision(3);
const pct = (p: PassShare) => `${p.passed} of ${p.of} (${p.of ? Math.round((100 * p.passed) / p.of) : 0}%)`;
/** The episodes a share counts as passed, or "none". */
const passing = (p: PassShare) =>
  `  passed: ${
    p.episodes
      .filter((e) => e.pass)
      .map((e) => e.id)
      .join(', ') || 'none'
  }`;

export const populationLine = (fit: string, p: Population): string =>
  `${fit} generation ${p.generation}: tolerance ${Number.isFinite(p.epsilon) ? p.epsilon.toFixed(4) : '∞'}, ${p.theta.length} accepted of ${p.simulations} simulated, median distance ${[...p.distances].sort((a, b) => a - b)[Math.floor(p.distances.length / 2)]!.toFixed(4)}\n`;

export function formatReport(r: CalibrationReport, runs: number, seed: number): string {
  const out: string[] = [];
  out.push(
    `Fitted to ${r.fitted.length} episodes (${r.fitted.join(', ')}); stopped after generation ${r.final.generation}: ${STOP[r.main.stop]}.`,
    '',
  );
  out.push(
    textTable(
      [
        ['parameter', 'prior', 'median', '90% interval', 'shrinkage'],
        ...r.summaries.map((s, i) => {
          const d = r.priors[i]!.dist;
          const prior = Object.entries(d)
            .map(([k, v]) => (k === 'type' ? v : `${k} ${v}`))
            .join(' ');
          return [
            s.path,
            String(prior),
            num(s.median),
            `[${num(s.lo)}, ${num(s.hi)}]`,
            s.shrinkage.toFixed(2),
          ];
        }),
      ],
      ['l', 'l', 'r', 'r', 'r'],
    ),
    '',
  );
  out.push(`In sample: the posterior passes ${pct(r.inSample)} of the fitted episodes.`, passing(r.inSample));
  if (r.holdout)
    out.push(
      `Held out: the posterior passes ${pct(r.holdout)} (${r.holdout.episodes.map((e) => `${e.id} ${e.pass ? 'pass' : 'FAIL'}`).join(', ')}).`,
    );
  if (r.crossValidated)
    out.push(
      `Cross-validated (leave one episode out): ${pct(r.crossValidated)} out of sample, against ${pct(r.inSample)} in sample.`,
      passing(r.crossValidated),
    );
  out.push(`${runs} runs per episode and particle, seed ${seed}.`);
  return `${out.join('\n')}\n`;
}
