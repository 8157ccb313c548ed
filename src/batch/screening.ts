// A Morris screening (elementary effects, Morris 1991) of a scenario's
// assumed numbers: which of them move the outcome. Each number varies over
// ±50% of its value (clipped at 0, and at 1 for a number in [0, 1]); the
// output is the target's pain (EUR bn) at the end of a run, each run with
// both sides computer-played, the seeds shared inside a trajectory so that
// the streams' noise does not pass for an effect. μ* ranks the numbers.
import { runGame, type Scenario } from '../engine/index.js';
import { deriveKey, makeRng, runSeed } from '../rng/streams.js';
import { parameterApplier } from './apply-values.js';
import { morris } from './designs/index.js';
import { morrisIndices } from './stats/morris-indices.js';

export interface ScreenedNumber {
  readonly path: string;
  readonly value: number;
  readonly muStar: number;
  readonly sigma: number;
}

export interface Screening {
  readonly scenario: string;
  readonly hash: string;
  readonly output: 'pain_target_eur_bn';
  readonly trajectories: number;
  readonly seed: number;
  readonly numbers: readonly ScreenedNumber[];
}

/** Counts and levels that a fractional value would break: never screened. */
const WHOLE =
  /(^|\.)(rung|lead_rounds|horizon|patience|spiral_rung|reopen_after|rounds|round_months|population)$/;

/** The numbers worth screening: non-zero, not a count, not a start level or ACI stage. */
export const screenable = (path: string, value: number): boolean =>
  value !== 0 && Number.isFinite(value) && !WHOLE.test(path) && !/^(start|procedure)\./.test(path);

export function morrisScreening(
  sc: Scenario,
  numbers: readonly { path: string; value: number }[],
  trajectories: number,
  seed: number,
): Screening {
  const k = numbers.length;
  const design = morris(k, trajectories, 4, makeRng(deriveKey(seed, 'screening', 'morris')));
  const lo = numbers.map((n) => Math.max(0, n.value * 0.5));
  const hi = numbers.map((n) => (n.value <= 1 && n.value >= 0 ? Math.min(1, n.value * 1.5) : n.value * 1.5));
  const apply = parameterApplier(
    sc,
    numbers.map((n) => n.path),
  );
  // A side played by a human is screened as `graduated`.
  const policy = (id: string) => sc.policies[id] ?? sc.policies.graduated!;
  const policies = { target: policy(sc.players.target), coercer: policy(sc.players.coercer) };
  const y = design.rows.map((row, i) => {
    const s = apply(row.map((u, j) => lo[j]! + u * (hi[j]! - lo[j]!)));
    const r = runGame(s, runSeed(seed, Math.floor(i / (k + 1)), 0), policies);
    return r.pain.target.eurBn;
  });
  const ix = morrisIndices(design.meta, y);
  return {
    scenario: sc.id,
    hash: sc.hash,
    output: 'pain_target_eur_bn',
    trajectories,
    seed,
    numbers: numbers
      .map((n, j) => ({ path: n.path, value: n.value, muStar: ix.muStar[j]!, sigma: ix.sigma[j]! }))
      .sort((a, b) => b.muStar - a.muStar || a.path.localeCompare(b.path)),
  };
}
