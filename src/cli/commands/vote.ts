// `aci-sim vote --for DE,FR,… [--against …] [--abstain …] [--year 2025] [--json]`:
// tallies a Council vote and says which qualified-majority rules it meets.
// States not named are counted absent (not for, not against).
import type { Command } from 'commander';
import { qualifiedMajority, type Vote } from '../../engine/council/qmv.js';
import { formatDiagnostic } from '../../io/diagnostics.js';
import { formatVote, voteJson } from '../format-vote.js';
import type { CommandContext } from '../io.js';
import { collect } from '../options.js';

export interface VoteArgs {
  /** Comma- or space-separated codes; a flag given several times gives a list. */
  for?: string | readonly string[];
  against?: string | readonly string[];
  abstain?: string | readonly string[];
  json?: boolean;
}

export interface VoteOptions {
  /** State code → name, for suggestions ("germany" → DE). */
  names?: Readonly<Record<string, string>>;
  /** Year of the population figures, shown in the heading. */
  year?: number;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  code: number;
}

const GROUPS = ['for', 'against', 'abstain'] as const;
type Group = (typeof GROUPS)[number];

/** Codes people type for states whose Council code differs, and non-members. */
const ALIASES: Readonly<Record<string, string>> = { GR: 'EL', GRC: 'EL', ELL: 'EL' };
const NOT_MEMBERS: Readonly<Record<string, string>> = {
  UK: 'the United Kingdom left the EU in 2020',
  GB: 'the United Kingdom left the EU in 2020',
  CH: 'Switzerland is not an EU member state',
  NO: 'Norway is not an EU member state',
};
/** ISO 3166 alpha-3 → Council code, for the 27. */
const ALPHA3: Readonly<Record<string, string>> = {
  AUT: 'AT',
  BEL: 'BE',
  BGR: 'BG',
  HRV: 'HR',
  CYP: 'CY',
  CZE: 'CZ',
  DNK: 'DK',
  EST: 'EE',
  FIN: 'FI',
  FRA: 'FR',
  DEU: 'DE',
  HUN: 'HU',
  IRL: 'IE',
  ITA: 'IT',
  LVA: 'LV',
  LTU: 'LT',
  LUX: 'LU',
  MLT: 'MT',
  NLD: 'NL',
  POL: 'PL',
  PRT: 'PT',
  ROU: 'RO',
  SVK: 'SK',
  SVN: 'SI',
  ESP: 'ES',
  SWE: 'SE',
};

function unknownMessage(
  token: string,
  population: Readonly<Record<string, number>>,
  names: Readonly<Record<string, string>>,
): string {
  const codes = Object.keys(population);
  const upper = token.toUpperCase();
  const byAlias = ALIASES[upper] ?? ALPHA3[upper];
  const byName = codes.find((c) => (names[c] ?? '').toLowerCase() === token.toLowerCase());
  const guess = byAlias ?? byName;
  if (guess !== undefined && codes.includes(guess))
    return `vote: unknown member state "${token}" — did you mean "${guess}"?`;
  const notMember = NOT_MEMBERS[upper];
  if (notMember !== undefined) return `vote: unknown member state "${token}" — ${notMember}`;
  return `vote: unknown member state "${token}" (member states: ${[...codes].sort().join(', ')})`;
}

const tokens = (v: string | readonly string[] | undefined): string[] =>
  (v === undefined ? [] : typeof v === 'string' ? [v] : [...v])
    .flatMap((s) => s.split(/[\s,;]+/))
    .filter((s) => s !== '');

/** Reads the three groups; every problem is one line of `errors`. */
function parseVotes(
  args: VoteArgs,
  population: Readonly<Record<string, number>>,
  names: Readonly<Record<string, string>>,
): { votes: Map<string, Vote>; errors: string[] } {
  const votes = new Map<string, Vote>();
  const groupOf = new Map<string, Group>();
  const errors: string[] = [];
  const reported = new Set<string>();
  for (const group of GROUPS) {
    for (const token of tokens(args[group])) {
      const code = token.toUpperCase();
      if (!Object.hasOwn(population, code)) {
        if (!reported.has(`unknown:${code}`)) errors.push(unknownMessage(token, population, names));
        reported.add(`unknown:${code}`);
        continue;
      }
      const earlier = groupOf.get(code);
      if (earlier !== undefined) {
        const key = `repeat:${code}:${earlier}:${group}`;
        if (!reported.has(key)) {
          errors.push(
            earlier === group
              ? `vote: "${code}" is listed twice in --${group}`
              : `vote: "${code}" is listed in both --${earlier} and --${group}`,
          );
        }
        reported.add(key);
        continue;
      }
      groupOf.set(code, group);
      votes.set(code, group);
    }
  }
  return { votes, errors };
}

/**
 * The whole command without I/O: parses the groups, tallies the vote against
 * `population` and returns what to print and the exit code (0, or 2 for bad
 * input — one line per problem on stderr).
 */
export function runVote(
  args: VoteArgs,
  population: Readonly<Record<string, number>>,
  opts: VoteOptions = {},
): CommandOutput {
  const { votes, errors } = parseVotes(args, population, opts.names ?? {});
  if (errors.length > 0) return { stdout: '', stderr: `${errors.join('\n')}\n`, code: 2 };
  const r = qualifiedMajority(votes, population);
  const stdout = args.json
    ? `${JSON.stringify(voteJson(r), null, 2)}\n`
    : formatVote(r, votes, population, opts.year);
  return { stdout, stderr: '', code: 0 };
}

/** Adds `aci-sim vote` to the program. */
export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('vote')
    .description('Tally a Council vote by qualified majority: shares, the rules met, the blocking minority')
    .option('--for <codes>', 'member states voting for, comma-separated (e.g. DE,FR,IT)', collect, [])
    .option('--against <codes>', 'member states voting against', collect, [])
    .option('--abstain <codes>', 'member states abstaining (states not named are absent)', collect, [])
    .option('--year <year>', 'use the Council population figures of this year', '2025')
    .option('--json', 'print the tallies and verdicts as JSON')
    .option('--scenario <id>', "predict the ballots instead: the scenario's Council at --round")
    .option('--measure <id>', 'with --scenario: the proposal voted on')
    .option('--level <n>', 'with --scenario: the level proposed (default 1)')
    .option('--round <n>', 'with --scenario: the round after which it is voted (default 0, the start)', '0')
    .option('--seed <n>', 'with --scenario: master seed of the rounds played before the vote', '1')
    .addHelpText(
      'after',
      [
        '',
        "Codes are the Council's two-letter codes (EL for Greece). Abstaining and absent",
        'states count as "not for". A qualified majority needs 55% of the states (15 of 27)',
        'and 65% of the population; fewer than 4 states not for cannot block.',
        '',
        'Examples:',
        '  aci-sim vote --for IT,FR,PL,NL,IE,LV,LT,EE,BG,DK --against DE,HU,MT,SI,SK',
        '  aci-sim vote --scenario rare-earths-2025 --measure duv_servicing_aci --round 3 --json',
      ].join('\n'),
    )
    .action(
      action(
        async (opts: {
          for: string[];
          against: string[];
          abstain: string[];
          year: string;
          json?: boolean;
          scenario?: string;
          measure?: string;
          level?: string;
          round: string;
          seed: string;
        }) => {
          if (opts.scenario !== undefined) {
            const { predictVote } = await import('./vote-predict.js');
            return predictVote(io, { ...opts, scenario: opts.scenario });
          }
          const out = await voteCommand(opts, io.cwd);
          if (out.stdout !== '') io.stdout.write(out.stdout);
          if (out.stderr !== '') io.stderr.write(out.stderr);
          return out.code;
        },
      ),
    );
}

/** `aci-sim vote` with its flags: reads the Council table of the year from the models, then runVote. */
export async function voteCommand(
  opts: { for: string[]; against: string[]; abstain: string[]; year: string; json?: boolean },
  cwd: string,
): Promise<CommandOutput> {
  if (!/^\d{4}$/.test(opts.year.trim()))
    return { stdout: '', stderr: `vote: --year must be a year such as 2025, got "${opts.year}"\n`, code: 2 };
  const year = Number(opts.year.trim());
  const { loadCouncil } = await import('../../io/load-council.js');
  const council = await loadCouncil(year, { cwd });
  if (!council.ok) {
    const lines = council.error.map((d) =>
      d.code === 'council/no-year' ? `vote: ${d.message}` : `vote: ${formatDiagnostic(d)}`,
    );
    return { stdout: '', stderr: `${lines.join('\n')}\n`, code: 2 };
  }
  return runVote(
    { for: opts.for, against: opts.against, abstain: opts.abstain, json: opts.json === true },
    council.value.population,
    { names: council.value.names, year },
  );
}
