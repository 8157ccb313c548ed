// `aci-sim run [scenario]`: one whole run with computer players on both
// sides, told round by round, or as one JSON object with --json.
import type { Command } from 'commander';
import type { Policy } from '../../engine/index.js';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { reportDiagnostics } from '../exit.js';
import { DEFAULT_SCENARIO, loadForCli, parseSeed, parseSets } from '../options.js';

interface RunOptions {
  seed: string;
  policy?: string;
  rounds?: string;
  set: string[];
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('run')
    .description('Play one whole run with computer players and tell what happened')
    .argument('[scenario]', 'scenario id or file', DEFAULT_SCENARIO)
    .option('--seed <n>', 'master seed (integer)', '1')
    .option('--policy <EU=name,CN=name>', 'computer players, e.g. EU=graduated,CN=best_response')
    .option('--rounds <n>', 'number of rounds')
    .option('--set <path=value>', 'override a parameter by its dotted path (repeatable)', collect, [])
    .option('--json', 'print one JSON object')
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim run tutorial --seed 7\n  aci-sim run --policy EU=tit_for_tat --set dependencies.magnets.buffer_months=3 --json',
    )
    .action(async (ref: string, opts: RunOptions) => {
      const problems: Diagnostic[] = [];
      const seed = parseSeed(opts.seed, problems);
      const set = parseSets(opts.set, problems);
      if (opts.rounds !== undefined) {
        const n = Number(opts.rounds);
        if (!Number.isInteger(n) || n < 1)
          problems.push(
            fileDiag('--rounds', 'cli/rounds', `expected a whole number of rounds ≥ 1, got "${opts.rounds}"`),
          );
        else set.rounds = n;
      }
      if (problems.length > 0) return reportDiagnostics(problems);
      const loaded = await loadForCli(ref, set);
      if (!loaded) return;
      const sc = loaded.scenario;
      const policies = choosePolicies(sc.policies, sc.players, opts.policy, problems);
      if (!policies) return reportDiagnostics(problems);
      const { runGame, SimError } = await import('../../engine/index.js');
      const { runSeed } = await import('../../rng/streams.js');
      const { runJson, runText } = await import('../format-run.js');
      try {
        const result = runGame(sc, runSeed(seed, 0, 0), policies);
        const shown = { ...result, seed: String(seed) };
        const names = { EU: policies.EU.id, CN: policies.CN.id };
        process.stdout.write(
          opts.json ? `${JSON.stringify(runJson(shown, sc), null, 2)}\n` : runText(shown, sc, names),
        );
      } catch (e) {
        if (!(e instanceof SimError) || e.code !== 'formula/non-finite') throw e;
        const at = loaded.formulaOrigin(e.detail.formula as never, e.detail.dependency as string | undefined);
        reportDiagnostics([{ ...at, code: e.code, message: `${e.message} at run time (seed ${seed})` }]);
      }
    });
}

const collect = (v: string, acc: string[]) => [...acc, v];

/** The policy of each side: the scenario's players, changed by `--policy EU=…,CN=…`. */
export function choosePolicies(
  policies: Readonly<Record<string, Policy>>,
  players: Readonly<Record<'EU' | 'CN', string>>,
  flag: string | undefined,
  problems: Diagnostic[],
): { EU: Policy; CN: Policy } | null {
  const chosen: Record<'EU' | 'CN', string> = { ...players };
  for (const part of (flag ?? '').split(',').filter(Boolean)) {
    const [side, name] = part.split('=').map((s) => s.trim());
    if ((side !== 'EU' && side !== 'CN') || !name) {
      problems.push(
        fileDiag('--policy', 'cli/policy', `expected SIDE=policy with SIDE EU or CN, got "${part}"`),
      );
      continue;
    }
    chosen[side] = name;
  }
  const ids = Object.keys(policies);
  for (const side of ['EU', 'CN'] as const) {
    const name = chosen[side];
    if (name === 'human')
      problems.push(
        fileDiag(
          '--policy',
          'cli/policy',
          `${side} is played by a human in this scenario; run needs a computer player: add --policy ${side}=graduated (or use aci-sim play)`,
        ),
      );
    else if (!policies[name])
      problems.push(
        fileDiag(
          '--policy',
          'cli/policy',
          `unknown policy "${name}" for ${side}${didYouMean(name, ids)} (policies: ${ids.join(', ')})`,
        ),
      );
  }
  if (problems.length > 0) return null;
  return { EU: policies[chosen.EU]!, CN: policies[chosen.CN]! };
}
