// `aci-sim play [scenario]`: the escalation game in the terminal. Checks
// everything before it opens the screen (flags, scenario, players, journal),
// saves the journal after every round and resumes from one by replay.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { BlocId, Scenario } from '../../engine/index.js';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import type { Journal } from '../../io/journal.js';
import type { JournalMeta } from '../../ui/journal-of.js';
import type { GameSetup, Session } from '../../ui/session.js';
import { EXIT_USAGE, reportDiagnostics } from '../exit.js';
import { DEFAULT_SCENARIO, formulaCacheDir, loadForCli, parseSeed, parseSets } from '../options.js';
import { choosePolicies } from './run.js';

interface PlayOptions {
  eu?: string;
  cn?: string;
  seed?: string;
  journal?: string;
  resume?: string;
  set: string[];
}

export const NO_TTY_MESSAGE =
  'aci-sim play needs an interactive terminal; for a non-interactive run use: aci-sim run <scenario> --seed N';

export function register(program: Command): void {
  program
    .command('play')
    .description(
      'Play the escalation game in the terminal: one team against the computer, or two teams hot-seat',
    )
    .argument('[scenario]', `scenario id or file (default: ${DEFAULT_SCENARIO})`)
    .option('--eu <player>', 'who plays the EU: human or a policy id (default: human)')
    .option('--cn <player>', "who plays China: human or a policy id (default: the scenario's China player)")
    .option(
      '--seed <n>',
      'master seed (integer, default 1); with computer players the game equals `run --seed N`',
    )
    .option('--journal <file>', 'where to save the game (default: journals/<scenario>-<seed>-<time>.json)')
    .option(
      '--resume <file>',
      'go on with a saved game: its scenario, seed and settings come from the journal',
    )
    .option('--set <path=value>', 'override a parameter by its dotted path (repeatable)', collect, [])
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim play                      the EU against the computer, default scenario\n  aci-sim play --cn human           two teams, hot-seat\n  aci-sim play tutorial --seed 7    the tutorial, seed 7\n  aci-sim play --resume journals/tutorial-7-20260101-120000.json\n\nIn the game, ? lists every key.',
    )
    .action(async (ref: string | undefined, opts: PlayOptions) => play(ref, opts));
}

const collect = (v: string, acc: string[]) => [...acc, v];

async function play(refArg: string | undefined, opts: PlayOptions): Promise<void> {
  // Imported here, not at the top: `aci-sim --help` and other commands need none of this.
  const { SimError } = await import('../../engine/index.js');
  const { readJournal, writeJournal } = await import('../../io/journal.js');
  const { runSeed } = await import('../../rng/streams.js');
  const { journalOf, sessionOf } = await import('../../ui/journal-of.js');
  const { replaySession } = await import('../../ui/session.js');
  const problems: Diagnostic[] = [];
  if (opts.resume !== undefined && (opts.seed !== undefined || opts.set.length > 0 || refArg !== undefined))
    problems.push(
      fileDiag(
        '--resume',
        'cli/resume',
        'a resumed game takes its scenario, seed and --set values from the journal: leave out the scenario, --seed and --set',
      ),
    );
  const seed = parseSeed(opts.seed ?? '1', problems);
  const set = parseSets(opts.set, problems);
  if (problems.length > 0) return reportDiagnostics(problems);

  let journal: Journal | null = null;
  if (opts.resume !== undefined) {
    const r = readJournal(opts.resume);
    if (!r.ok) return reportDiagnostics(r.error);
    journal = r.value;
  }
  const ref = journal ? journalRef(journal, opts.resume!) : (refArg ?? DEFAULT_SCENARIO);
  const loaded = await loadForCli(ref, journal ? journal.set : set);
  if (!loaded) return;
  const sc = loaded.scenario;
  if (journal && journal.scenario.id !== sc.id)
    return reportDiagnostics([
      fileDiag(
        opts.resume!,
        'journal/foreign',
        `this journal is for scenario "${journal.scenario.id}", but "${ref}" is scenario "${sc.id}"`,
      ),
    ]);

  const base = journal ? journal.players : { EU: 'human', CN: sc.players.CN };
  const players = { EU: opts.eu ?? base.EU, CN: opts.cn ?? base.CN };
  checkPlayers(sc, players, problems);
  const path = journalPath(opts, sc.id, seed, problems);
  if (problems.length > 0) return reportDiagnostics(problems);

  const setup: GameSetup = { sc, seed: journal ? journal.seed : runSeed(seed, 0, 0), players };
  const changed = journal !== null && journal.scenario.hash !== loaded.hash;
  const changedText = journal
    ? `the scenario "${sc.id}" has changed since this game was saved (hash ${journal.scenario.hash.slice(0, 12)}, now ${loaded.hash.slice(0, 12)})`
    : '';
  let session: Session;
  try {
    session = journal ? sessionOf(setup, journal) : replaySession(setup, []);
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return reportDiagnostics([
      fileDiag(
        opts.resume ?? ref,
        'journal/replay',
        `the journal cannot be replayed: ${e.message}`,
        '',
        changedText || undefined,
      ),
    ]);
  }

  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    if (changed) process.stderr.write(`${opts.resume}: ${changedText}\n`);
    process.stderr.write(
      `${NO_TTY_MESSAGE}\n  e.g. aci-sim run ${sc.id} --seed ${journal?.masterSeed ?? seed}\n`,
    );
    process.exitCode = EXIT_USAGE;
    return;
  }

  // Both ends are a terminal, so a person is playing: ink's CI mode (last frame only) would hide the game.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const { askYesNo, startGame } = await import('../../ui/start.js');
  let out = path;
  if (changed) {
    const yes = await askYesNo('Continue on the current definition?', [
      `${opts.resume}: ${changedText}.`,
      'The rounds are replayed on the current definition; the game goes on in a new journal and this one is left as it is.',
    ]);
    if (!yes) {
      process.stderr.write('Nothing was changed.\n');
      process.exitCode = EXIT_USAGE;
      return;
    }
    out = uniquePath(opts.journal ?? opts.resume!.replace(/(\.json)?$/, '-continued.json'));
  }
  const masterSeed = journal ? journal.masterSeed : seed;
  const meta: JournalMeta = {
    scenario: { id: sc.id, ref: journal ? journal.scenario.ref : ref, hash: loaded.hash },
    ...(masterSeed === undefined ? {} : { masterSeed }),
    set: journal ? journal.set : set,
    created: journal ? journal.created : new Date().toISOString(),
  };
  const save = (s: Session) => writeJournal(out, journalOf(meta, s, new Date()));
  if (!journal || out !== opts.resume) save(session);

  const result = await startGame({ session, color: !process.env.NO_COLOR, onSave: save });
  const n = result.session.log.length;
  process.stdout.write(
    `Journal: ${out} (${n} round${n === 1 ? '' : 's'} played)\nResume with: aci-sim play --resume ${out}\n`,
  );
  if (result.report) await writeDebrief(out);
}

/** Policy names are checked as `run --policy` checks them; 'human' is a team at the keyboard. */
function checkPlayers(sc: Scenario, players: Record<BlocId, string>, problems: Diagnostic[]): void {
  const computer = (['EU', 'CN'] as const).filter((b) => players[b] !== 'human');
  if (computer.length === 0) return;
  const any = Object.keys(sc.policies)[0] ?? 'hold';
  const found: Diagnostic[] = [];
  choosePolicies(
    sc.policies,
    { EU: any, CN: any },
    computer.map((b) => `${b}=${players[b]}`).join(','),
    found,
  );
  for (const d of found)
    problems.push({
      ...d,
      file: / for CN\b/.test(d.message) ? '--cn' : '--eu',
      message: d.message.replace(/\)$/, '; or human for a team at the keyboard)'),
    });
}

function journalPath(opts: PlayOptions, id: string, seed: number, problems: Diagnostic[]): string {
  if (opts.journal !== undefined && opts.journal !== opts.resume && existsSync(opts.journal)) {
    problems.push(
      fileDiag(
        opts.journal,
        'cli/journal-exists',
        'this file exists and is not overwritten: choose another --journal, or --resume it',
      ),
    );
    return opts.journal;
  }
  if (opts.journal !== undefined) return opts.journal;
  if (opts.resume !== undefined) return opts.resume;
  return uniquePath(`journals/${id}-${seed}-${stamp(new Date())}.json`);
}

const two = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) =>
  `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;

/** The path itself, or with -2, -3… before .json while a file of that name exists. */
export function uniquePath(path: string): string {
  if (!existsSync(path)) return path;
  const stem = path.replace(/\.json$/, '');
  for (let i = 2; ; i++) if (!existsSync(`${stem}-${i}.json`)) return `${stem}-${i}.json`;
}

/** Where the journal's scenario is: a file as given or beside the journal, else the id it was started with. */
function journalRef(j: Journal, journalFile: string): string {
  const ref = j.scenario.ref;
  if (!/[/\\]|\.ya?ml$/.test(ref)) return ref;
  if (existsSync(resolve(ref))) return ref;
  const beside = resolve(dirname(resolve(journalFile)), ref);
  return existsSync(beside) ? beside : j.scenario.id;
}

/** Writes the debrief next to the journal (the report's own default folder). */
async function writeDebrief(journal: string): Promise<void> {
  process.stdout.write('Writing the debrief report (with the computer-played comparison)…\n');
  const { writeReport } = await import('../../report/index.js');
  const r = await writeReport(journal, undefined, { cacheDir: formulaCacheDir() });
  if (!r.ok) {
    reportDiagnostics(r.error);
    process.stdout.write(`Write it later with: aci-sim report ${journal}\n`);
    return;
  }
  process.stdout.write(`Debrief: ${r.value.html}\n         ${r.value.markdown}\n`);
}
