// `aci-sim compare A [B]`: two runs side by side — two scenarios, or one
// scenario with and without `--set`s (applied to B) — with the change in each
// side's pain by flow and in each state's support by term, or why an edit
// changed nothing. `run --baseline` prints the same after its run.
import type { Command } from 'commander';
import type { Diagnostic } from '../../io/diagnostics.js';
import type { LoadedScenario } from '../../io/load-scenario.js';
import type { Side } from '../../report/run-diff.js';
import { EXIT_OK, EXIT_USAGE, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import { DEFAULT_SCENARIO, loadForCli, parseSeed, parseSets, withModelsOption } from '../options.js';
import { choosePolicies } from './run.js';

interface CompareOptions {
  seed: string;
  policy?: string;
  set: string[];
  models: string[];
}

export function register(program: Command, { io, action }: CommandContext): void {
  const cmd = program
    .command('compare')
    .description(
      'Two runs side by side: what changed in pain (by flow) and support (by term), or why nothing did',
    )
    .argument('[a]', 'scenario id or file of run A', DEFAULT_SCENARIO)
    .argument('[b]', 'scenario id or file of run B (default: A)')
    .option('--seed <n>', 'master seed of both runs', '1')
    .option('--policy <SIDE=name,…>', 'computer players of both runs by side id, e.g. EU=graduated')
    .option(
      '--set <path=value>',
      'override a parameter of run B (repeatable)',
      (v, acc: string[]) => [...acc, v],
      [],
    );
  withModelsOption(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim compare rare-earths-2025 --set states.DE.base_support=2\n  aci-sim compare --set dependencies.cn_ev_exports.elasticity=4\n  aci-sim compare rare-earths-2025 g7-coordinated',
    )
    .action(action((a: string, b: string | undefined, opts: CompareOptions) => compare(a, b ?? a, opts, io)));
}

async function compare(refA: string, refB: string, opts: CompareOptions, io: CliIo): Promise<number> {
  const problems: Diagnostic[] = [];
  const seed = parseSeed(opts.seed, problems);
  const set = parseSets(opts.set, problems);
  if (problems.length > 0) return reportDiagnostics(io, problems);
  const a = await loadForCli(io, refA, {}, opts.models);
  if (!a) return EXIT_USAGE;
  const b = await loadForCli(io, refB, set, opts.models);
  if (!b) return EXIT_USAGE;
  const sides = await runBoth(a, b, seed, opts.policy, set, problems);
  if (!sides) return reportDiagnostics(io, problems);
  const { diffText } = await import('../format-diff.js');
  io.stdout.write(diffText(sides[0], sides[1], Object.keys(set)));
  return EXIT_OK;
}

const label = (l: LoadedScenario, set: Readonly<Record<string, string | number>>) => {
  const edits = Object.entries(set).map(([k, v]) => `${k}=${v}`);
  return `${l.scenario.id}${edits.length > 0 ? ` with ${edits.join(', ')}` : ''}`;
};

/** Plays A and B with the same seed and players; null (problems filled) when a player is unknown. */
export async function runBoth(
  a: LoadedScenario,
  b: LoadedScenario,
  /** A master seed, or a run's hex seed as a batch row prints it. */
  seed: number | string,
  policyFlag: string | undefined,
  set: Readonly<Record<string, string | number>>,
  problems: Diagnostic[],
): Promise<[Side, Side] | null> {
  const { explainRun } = await import('../../engine/index.js');
  const { runSeed } = await import('../../rng/streams.js');
  const out: Side[] = [];
  for (const [l, s] of [
    [a, {}],
    [b, set],
  ] as const) {
    const policies = choosePolicies(l.scenario, l.scenario.players, policyFlag, problems);
    if (!policies) return null;
    const players = `${l.scenario.blocs.target.id}: ${policies.target.id}, ${l.scenario.blocs.coercer.id}: ${policies.coercer.id}`;
    out.push({
      label: `${label(l, s)} (seed ${seed}; ${players})`,
      sc: l.scenario,
      run: explainRun(l.scenario, typeof seed === 'string' ? seed : runSeed(seed, 0, 0), policies),
    });
  }
  return [out[0]!, out[1]!];
}
