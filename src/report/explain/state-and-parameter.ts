// `explain` for a member state (its support terms over a run, exposures,
// levers and likely ballots) and for a parameter (meaning, value, source and
// a one-parameter sweep of the outcome). Text only; the runs are the engine's.
import { explainRun, type Policy, ROLES, type Role, type Scenario } from '../../engine/index.js';
import type { LoadedScenario } from '../../io/load-scenario.js';
import { ParametersSchema } from '../../io/schemas/scenario.js';
import { pointsChart, roundsChart } from './charts.js';
import type { Line } from './doc.js';
import { num, wrap } from './text.js';

const fixed = (x: number, d = 2) => (Object.is(Math.round(x * 10 ** d), -0) ? 0 : x).toFixed(d);

/** Each side's scenario player, or `graduated` where a human plays it. */
export function computerPlayers(sc: Scenario): Record<Role, Policy> {
  const pick = (r: Role) =>
    sc.policies[sc.players[r]] ?? Object.values(sc.policies).find((p) => p.kind === 'graduated')!;
  return { target: pick('target'), coercer: pick('coercer') };
}

const weights = (rec: Readonly<Record<string, number>>) =>
  Object.entries(rec)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fixed(v)}`)
    .join(', ') || '(none)';

/** A run's seed: the key the engine draws from, and the master seed a person gave. */
export interface RunSeed {
  readonly key: string;
  readonly shown: string;
}

export function explainState(loaded: LoadedScenario, code: string, seed: RunSeed, width: number): Line[] {
  const sc = loaded.scenario;
  const i = sc.states.findIndex((s) => s.id === code);
  const s = sc.states[i]!;
  const policies = computerPlayers(sc);
  const run = explainRun(sc, seed.key, policies);
  const { voteFor, voteAgainst } = sc.params;
  const lines: Line[] = [
    `${s.id} — ${s.name}`,
    `  stance ${s.stance} (no formula reads it); base support ${fixed(s.baseSupport)} log-odds; pain response ${s.painResponse > 0 ? '+1: its own pain makes it rally' : '−1: its own pain makes it want the supply back'}`,
    `  population ${fixed(s.population, 1)}% of the Council's; GDP EUR ${s.gdp.toFixed(0)} bn`,
    `  exposure (sector → weight of the EU's harm it bears): ${weights(s.exposure)}`,
    `  levers (measure → weight of the measure's cost it bears): ${weights(s.levers)}`,
    '',
    `Support over a run of ${sc.id} (seed ${seed.shown}; ${ROLES.map((r) => `${sc.blocs[r].id}: ${policies[r].id}`).join(', ')}):`,
    `the support formula's inputs each round, its score (log-odds) and the ballot it gives by bands (for ≥ ${fixed(voteFor)}, against ≤ ${fixed(voteAgainst)})`,
    'round    base  pain %GDP  cost %GDP  pressure  solidarity   score  ballot',
  ];
  run.support.forEach((round, k) => {
    const x = round[i]!;
    const ballot = x.score >= voteFor ? 'for' : x.score <= voteAgainst ? 'against' : 'abstain';
    lines.push(
      `${String(k + 1).padStart(5)}  ${fixed(x.base).padStart(6)}  ${fixed(x.painPct, 3).padStart(9)}  ${fixed(x.costPct, 3).padStart(9)}  ${fixed(x.pressure).padStart(8)}  ${fixed(x.solidarity).padStart(10)}  ${fixed(x.score).padStart(6)}  ${ballot}`,
    );
  });
  const votes = run.events.flatMap((e) =>
    'vote' in e.data && e.data.vote
      ? [`round ${e.round}: ${e.data.vote.ballots.find((b) => b.state === code)?.vote ?? '—'} (${e.code})`]
      : [],
  );
  const scores = run.support.map((round) => round[i]!.score);
  lines.push('', `  ${s.id}'s support score (log-odds) each round`, {
    chart: {
      title: `${s.id}'s support score`,
      xLabel: 'round',
      yLabel: 'score (log-odds)',
      x: scores.map((_, k) => k + 1),
      series: [{ name: 'score', values: scores }],
    },
    text: roundsChart([scores], { width: width - 6, height: 6 }),
  });
  lines.push(
    '  round',
    '',
    votes.length > 0 ? `Ballots cast: ${votes.join('; ')}` : 'No Council vote is held in this run.',
  );
  return lines;
}

/** A parameter: what it is, its value and where that comes from, and the outcome at values around it. */
export function explainParameter(
  loaded: LoadedScenario,
  path: string,
  sweep: readonly { value: number; loaded: LoadedScenario }[],
  seed: RunSeed,
  width: number,
): Line[] {
  const sc = loaded.scenario;
  const p = loaded.provenance.get(path);
  const schemaDefault = p?.why === 'default' ? defaultText(path) : null;
  const from = !p
    ? 'no source recorded'
    : p.source
      ? `source: ${p.source}`
      : p.assumed
        ? `assumed: ${p.why ?? ''}`
        : (schemaDefault ?? p.why ?? '');
  const lines: Line[] = [
    `${path} in ${sc.id}`,
    ...(schemaDefault
      ? wrap(schemaDefault, width, '  ', '    ')
      : [`  ${from}${p && p.line > 0 ? ` (${p.file}:${p.line})` : ''}`]),
    '',
    `The outcome at values around it (seed ${seed.shown}; the scenario's players, graduated for a human):`,
    `     value  outcome              round     q  ${ROLES.map((r) => `pain ${sc.blocs[r].id}`.padStart(9)).join('  ')}`,
  ];
  const pains: number[][] = ROLES.map(() => []);
  for (const x of sweep) {
    const r = explainRun(x.loaded.scenario, seed.key, computerPlayers(x.loaded.scenario));
    ROLES.forEach((b, k) => {
      pains[k]!.push(r.pain[b].eurBn);
    });
    lines.push(
      `${fixed(x.value, 3).padStart(10)}  ${r.outcome.replace(/_/g, ' ').padEnd(19)}  ${String(r.round).padStart(5)}  ${r.q === null ? '    —' : fixed(r.q).padStart(5)}  ${ROLES.map((b) => fixed(r.pain[b].eurBn, 1).padStart(9)).join('  ')}`,
    );
  }
  lines.push(`(pain: EUR bn over the run)`);
  if (sweep.length < 2) return lines;
  const names = ROLES.map((b) => `pain ${sc.blocs[b].id}`);
  const values = sweep.map((x) => x.value);
  lines.push('', `  pain, EUR bn over the run, against ${path}`, {
    chart: {
      title: `pain against ${path}`,
      xLabel: path,
      yLabel: 'EUR bn over the run',
      x: values,
      series: names.map((name, k) => ({ name, values: pains[k]! })),
    },
    text: pointsChart(pains, values.map(num), { width: width - 12, height: 6, names }),
  });
  lines.push(`  ${path}`);
  return lines;
}

/** Values to sweep a number over: from half to one and a half times it (whole numbers stay whole), or 0 to 1 from zero. */
export function sweepValues(v: number): number[] {
  if (v === 0) return [0, 0.25, 0.5, 0.75, 1];
  const out = [0.5, 0.75, 1, 1.25, 1.5].map((f) => (Number.isInteger(v) ? Math.round(v * f) : v * f));
  return [...new Set(out)];
}

/** The number a user path names in the scenario, or undefined. */
export function valueAt(sc: Scenario, path: string): number | undefined {
  const target = sc.targets.get(path);
  if (!target) return undefined;
  let at: unknown = sc;
  for (const seg of target) at = (at as Record<string | number, unknown>)?.[seg];
  return typeof at === 'number' ? at : undefined;
}

/** A scenario parameter the file does not write: the schema's default and what it says of it. */
function defaultText(path: string): string | null {
  const [head, name] = path.split('.');
  if (head !== 'parameters' || !name) return null;
  const field = (ParametersSchema.shape as Record<string, { description?: string } | undefined>)[name];
  return field?.description
    ? `not written in the scenario: the default of the schema. ${field.description}`
    : null;
}
