// `aci-sim run [scenario]`: one whole run with computer players on both
// sides, told round by round, or as one JSON object with --json.
import type { Command } from 'commander';
import { explainRun, type Policy, ROLES, type Role, type Scenario, SimError } from '../../engine/index.js';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { MAX_ROUNDS } from '../../io/limits.js';
import type { LoadedScenario } from '../../io/load-scenario.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, reportDiagnostics } from '../exit.js';
import { runJson, runText } from '../format-run.js';
import type { CliIo, CommandContext } from '../io.js';
import {
  collect,
  DEFAULT_SCENARIO,
  formulaCacheDir,
  loadForCli,
  parseRunSeed,
  parseSets,
  withModelsOption,
} from '../options.js';

interface RunOptions {
  seed: string;
  policy?: string;
  rounds?: string;
  set: string[];
  json?: boolean;
  from?: string;
  row?: string;
  baseline?: boolean;
  models: string[];
}

export function register(program: Command, { io, action }: CommandContext): void {
  const cmd = program
    .command('run')
    .description('Play one whole run with computer players and tell what happened')
    .argument('[scenario]', 'scenario id or file', DEFAULT_SCENARIO)
    .option('--seed <n>', "master seed (integer), or a batch row's 16-digit hex seed", '1')
    .option('--policy <SIDE=name,…>', 'computer players by side id, e.g. EU=graduated,CN=best_response')
    .option('--rounds <n>', 'number of rounds')
    .option('--set <path=value>', 'override a parameter by its dotted path (repeatable)', collect, [])
    .option('--json', 'print one JSON object')
    .option('--from <file>', 'replay a row of this batch output (with --row)')
    .option('--row <run_id>', 'the run id of the row to replay, e.g. p003-l1-r0')
    .option('--baseline', 'also play the run without the --set values and compare the two (aci-sim compare)');
  withModelsOption(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim run tutorial --seed 7\n  aci-sim run --policy EU=tit_for_tat --set dependencies.cn_magnets.buffer_months=3 --json',
    )
    .action(
      action((ref: string, opts: RunOptions, cmd: Command) =>
        opts.from !== undefined || opts.row !== undefined ? replay(opts, cmd, io) : runCommand(ref, opts, io),
      ),
    );
}

async function runCommand(ref: string, opts: RunOptions, io: CliIo): Promise<number> {
  const problems: Diagnostic[] = [];
  const seed = parseRunSeed(opts.seed, problems);
  const set = parseSets(opts.set, problems);
  if (opts.rounds !== undefined) {
    const n = Number(opts.rounds);
    if (!Number.isInteger(n) || n < 1 || n > MAX_ROUNDS)
      problems.push(
        fileDiag(
          '--rounds',
          'cli/rounds',
          `expected a whole number of rounds from 1 to ${MAX_ROUNDS}, got "${opts.rounds}"`,
        ),
      );
    else set.rounds = n;
  }
  if (problems.length > 0) return reportDiagnostics(io, problems);
  const loaded = await loadForCli(io, ref, set, opts.models);
  if (!loaded) return EXIT_USAGE;
  const sc = loaded.scenario;
  const policies = choosePolicies(sc, sc.players, opts.policy, problems);
  if (!policies) return reportDiagnostics(io, problems);
  try {
    const { runSeed } = await import('../../rng/streams.js');
    const result = explainRun(sc, typeof seed === 'string' ? seed : runSeed(seed, 0, 0), policies);
    const shown = { ...result, seed: String(seed) };
    const players = { target: policies.target.id, coercer: policies.coercer.id };
    const setup = { seed: String(seed), players, set };
    io.stdout.write(
      opts.json ? `${JSON.stringify(runJson(shown, sc, setup), null, 2)}\n` : runText(shown, sc, setup),
    );
    if (opts.baseline) return baseline(io, ref, loaded, seed, opts, set);
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof SimError) || !e.code.startsWith('formula/')) throw e;
    const at = loaded.formulaOrigin(e.detail.formula as never, e.detail.dependency as string | undefined);
    return reportDiagnostics(io, [
      { ...at, code: e.code, message: `${e.message} at run time (seed ${seed})` },
    ]);
  }
}

/** `run --from FILE --row RUN_ID`: the row's run again (src/batch/replay-row.ts), checked against the row. */
async function replay(opts: RunOptions, cmd: Command, io: CliIo): Promise<number> {
  const clash = ['seed', 'policy', 'rounds', 'set'].filter((k) => cmd.getOptionValueSource(k) === 'cli');
  if (opts.from === undefined || opts.row === undefined || clash.length > 0 || cmd.args.length > 0)
    return reportDiagnostics(io, [
      fileDiag(
        opts.from === undefined ? '--row' : '--from',
        'cli/replay',
        'replay takes --from FILE and --row RUN_ID together, and no scenario, --seed, --policy, --rounds or --set (the row fixes them)',
      ),
    ]);
  const { replayRow } = await import('../../batch/replay-row.js');
  const r = await replayRow(opts.from, opts.row, { cwd: io.cwd, cacheDir: formulaCacheDir(io.env) });
  if (!r.ok) return reportDiagnostics(io, r.error);
  const { scenario: sc, policies, seed } = r.value;
  const result = explainRun(sc, seed, policies);
  const diff = r.value.differences(result);
  const shown = { ...result, seed };
  const setup = { seed, players: { target: policies.target.id, coercer: policies.coercer.id }, set: {} };
  const record = {
    file: opts.from,
    run_id: r.value.runId,
    package: r.value.lever.package,
    values: Object.fromEntries(r.value.values.map((v) => [v.path, v.value])),
    matches: diff.length === 0,
    differences: diff,
  };
  io.stdout.write(
    opts.json
      ? `${JSON.stringify({ ...runJson(shown, sc, setup), replay: record }, null, 2)}\n`
      : runText(shown, sc, setup),
  );
  const what = `replay of ${r.value.runId} from ${opts.from}`;
  if (diff.length === 0) {
    io.stderr.write(`${what}: the ${r.value.recorded.length} metrics equal the row's\n`);
    return EXIT_OK;
  }
  for (const d of diff) io.stderr.write(`${what}: ${d.name} is ${d.replay}, the row says ${d.row}\n`);
  return EXIT_FAILURE;
}

/** `--baseline`: the same run without the --set values, compared with this one. */
async function baseline(
  io: CliIo,
  ref: string,
  loaded: LoadedScenario,
  seed: number | string,
  opts: RunOptions,
  set: Record<string, string | number>,
): Promise<number> {
  const base = await loadForCli(
    io,
    ref,
    opts.rounds === undefined ? {} : { rounds: set.rounds! },
    opts.models,
  );
  if (!base) return EXIT_USAGE;
  const problems: Diagnostic[] = [];
  const { runBoth } = await import('./compare.js');
  const sides = await runBoth(base, loaded, seed, opts.policy, set, problems);
  if (!sides) return reportDiagnostics(io, problems);
  const { diffText } = await import('../format-diff.js');
  io.stdout.write(
    `\nCompared with the run without --set (the baseline):\n${diffText(sides[0], sides[1], Object.keys(set))}`,
  );
  return EXIT_OK;
}

/** The side a `--policy` or `--player` key names: a side id of the scenario (any case) or a role. */
export function roleOfKey(sc: Scenario, key: string): Role | null {
  const k = key.trim();
  for (const r of ROLES) if (k === r || k.toUpperCase() === sc.blocs[r].id) return r;
  return null;
}

/** The policy of each side: the scenario's players, changed by `--policy SIDE=…,SIDE=…` (side ids or roles). */
export function choosePolicies(
  sc: Scenario,
  players: Readonly<Record<Role, string>>,
  flag: string | undefined,
  problems: Diagnostic[],
): Record<Role, Policy> | null {
  const { policies } = sc;
  const ids = ROLES.map((r) => sc.blocs[r].id);
  const chosen: Record<Role, string> = { ...players };
  for (const part of (flag ?? '').split(',').filter(Boolean)) {
    const [key, name] = part.split('=').map((s) => s.trim());
    const role = key === undefined ? null : roleOfKey(sc, key);
    if (!role || !name) {
      problems.push(
        fileDiag(
          '--policy',
          'cli/policy',
          `expected SIDE=policy with SIDE ${ids.join(' or ')}, got "${part}"`,
        ),
      );
      continue;
    }
    chosen[role] = name;
  }
  const known = Object.keys(policies);
  for (const role of ROLES) {
    const side = sc.blocs[role].id;
    const name = chosen[role];
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
          `unknown policy "${name}" for ${side}${didYouMean(name, known)} (policies: ${known.join(', ')})`,
        ),
      );
  }
  if (problems.length > 0) return null;
  return { target: policies[chosen.target]!, coercer: policies[chosen.coercer]! };
}
