// `aci-sim play [scenario]`: the escalation game in the terminal. Checks
// everything before it opens the screen (flags, scenario, players, journal),
// saves the journal after every round and resumes from one by replay.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type GameSetup, type Role, replaySession, SimError } from '../../engine/index.js';
import { type Diagnostic, fileDiag } from '../../io/diagnostics.js';
import type { Journal } from '../../io/journal.js';
import { journalScenarioRef, refForJournal } from '../../io/journal-scenario-ref.js';
import type { JournalMeta } from '../../ui/journal-of.js';
import type { GameRecord } from '../../ui/record.js';
import type { Terminal } from '../../ui/start.js';
import { EXIT_OK, EXIT_USAGE, reportDiagnostics } from '../exit.js';
import type { CliIo, CommandContext } from '../io.js';
import {
  collect,
  DEFAULT_SCENARIO,
  loadForCli,
  loadSettings,
  parseDuration,
  parseSeed,
  parseSets,
} from '../options.js';
import { checkPlayers, chosenPlayers, fitPlayers } from '../play-players.js';

interface PlayOptions {
  player: string[];
  eu?: string;
  cn?: string;
  seed?: string;
  journal?: string;
  resume?: string;
  timer?: string;
  set: string[];
}

export const NO_TTY_MESSAGE =
  'aci-sim play needs an interactive terminal; for a non-interactive run use: aci-sim run <scenario> --seed N';

export function register(program: Command, { io, action }: CommandContext): void {
  program
    .command('play')
    .description(
      'Play the escalation game in the terminal: one team against the computer, or two teams hot-seat',
    )
    .argument('[scenario]', `scenario id or file (default: ${DEFAULT_SCENARIO})`)
    .option(
      '--player <SIDE=player>',
      "who plays a side (by the scenario's side id, e.g. CN=human or EU=graduated): human, computer (the scenario's own player) or a policy id; default: the target human, the coercer as the scenario says, and a side a team cannot move (no measures, or scripted) to the computer (repeatable)",
      collect,
      [],
    )
    .option('--eu <player>', 'the same as --player EU=<player> (human, computer or a policy id)')
    .option('--cn <player>', 'the same as --player CN=<player>')
    .option(
      '--seed <n>',
      'master seed (integer, default 1); with computer players the game equals `run --seed N`',
    )
    .option('--journal <file>', 'where to save the game (default: journals/<scenario>-<seed>-<time>.json)')
    .option(
      '--resume <file>',
      'go on with a saved game: its scenario, seed and settings come from the journal',
    )
    .option(
      '--timer <duration>',
      "time each team has for its turn, e.g. 5m or 90s, counted down in the header; at zero the team's orders are committed as they stand and an offer not yet answered is refused (kept in the journal; a resumed game keeps it unless given again)",
    )
    .option('--set <path=value>', 'override a parameter by its dotted path (repeatable)', collect, [])
    .addHelpText(
      'after',
      '\nExamples:\n  aci-sim play                      the EU against the computer, default scenario\n  aci-sim play --cn human           two teams, hot-seat\n  aci-sim play tutorial --seed 7 --journal games/workshop.json    the tutorial, seed 7, saved there\n  aci-sim play --resume games/workshop.json                       go on with that game\n\nIn the game, ? lists every key.',
    )
    .action(action((ref: string | undefined, opts: PlayOptions) => play(ref, opts, io)));
}

async function play(refArg: string | undefined, opts: PlayOptions, io: CliIo): Promise<number> {
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
  const timerFlag = opts.timer === undefined ? undefined : parseDuration(opts.timer, problems);
  if (problems.length > 0) return reportDiagnostics(io, problems);

  let journal: Journal | null = null;
  if (opts.resume !== undefined) {
    const { readJournal } = await import('../../io/journal.js');
    const r = readJournal(opts.resume);
    if (!r.ok) return reportDiagnostics(io, r.error);
    journal = r.value;
  }
  const ref = journal
    ? journalScenarioRef(journal.scenario.ref, journal.scenario.id, opts.resume!, io.cwd)
    : (refArg ?? DEFAULT_SCENARIO);
  const loaded = await loadForCli(io, ref, journal ? journal.set : set);
  if (!loaded) return EXIT_USAGE;
  const sc = loaded.scenario;
  if (journal && journal.scenario.id !== sc.id)
    return reportDiagnostics(io, [
      fileDiag(
        opts.resume!,
        'journal/foreign',
        `this journal is for scenario "${journal.scenario.id}", but "${ref}" is scenario "${sc.id}"`,
      ),
    ]);
  if (journal) {
    const { injectProblems } = await import('../../io/journal-checks.js');
    const bad = injectProblems(journal, loaded, opts.resume!);
    if (bad.length > 0) return reportDiagnostics(io, bad);
  }

  const flags: Partial<Record<Role, string>> = {};
  const players = chosenPlayers(
    sc,
    journal ? journal.players : { target: 'human', coercer: sc.players.coercer },
    opts,
    flags,
    problems,
  );
  const swapped = journal ? null : fitPlayers(sc, players, flags, ref, seed, problems);
  checkPlayers(sc, players, flags, problems);
  const path = journalPath(opts, sc.id, seed, problems);
  if (problems.length > 0) return reportDiagnostics(io, problems);

  const { runSeed } = await import('../../rng/streams.js');
  const { recordOf } = await import('../../ui/journal-of.js');
  const { journalSaver } = await import('../journal-saver.js');
  const setup: GameSetup = { sc, seed: journal ? journal.seed : runSeed(seed, 0, 0), players };
  const changed = journal !== null && journal.scenario.hash !== loaded.hash;
  const changedText = journal
    ? `the scenario "${sc.id}" has changed since this game was saved (hash ${journal.scenario.hash.slice(0, 12)}, now ${loaded.hash.slice(0, 12)})`
    : '';
  let record: GameRecord;
  try {
    record = journal
      ? recordOf(setup, journal)
      : { session: replaySession(setup, []), pending: null, ended: false };
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return reportDiagnostics(io, [
      fileDiag(
        opts.resume ?? ref,
        'journal/replay',
        `the journal cannot be replayed: ${e.message}`,
        '',
        changed ? changedText : undefined,
      ),
    ]);
  }

  // The journal still marked open: the program that played it was killed, maybe leaving the terminal
  // in the alternate screen with echo off, which only the user's shell can repair.
  const unclean = journal?.open
    ? `${opts.resume}: the game last played on this journal (from ${journal.open.since}) did not end cleanly; every decision it saved is restored. If the terminal stays blank or does not show what you type, type reset and press Enter.`
    : null;
  if (unclean) io.stderr.write(`${unclean}\n`);
  if (swapped) io.stderr.write(`${ref}: ${swapped}\n`);
  if (io.stdin?.isTTY !== true || io.stdout.isTTY !== true) {
    if (changed) io.stderr.write(`${opts.resume}: ${changedText}\n`);
    io.stderr.write(`${NO_TTY_MESSAGE}\n  e.g. aci-sim run ${sc.id} --seed ${journal?.masterSeed ?? seed}\n`);
    return EXIT_USAGE;
  }
  // Both say isTTY: they are the process's tty streams (see CliIo.stdin).
  const terminal: Terminal = {
    stdin: io.stdin as NodeJS.ReadStream,
    stdout: io.stdout as NodeJS.WriteStream,
    ...(io.on ? { on: io.on } : {}),
    ...(io.exit ? { exit: io.exit } : {}),
  };

  // Both ends are a terminal, so a person is playing: ink's CI mode (last frame only) would hide the
  // game. ink reads CI from the process's environment when first imported; io.env is that object.
  delete io.env.CI;
  delete io.env.CONTINUOUS_INTEGRATION;
  const { askYesNo, startGame } = await import('../../ui/start.js');
  let out = path;
  if (changed) {
    const yes = await askYesNo(terminal, 'Continue on the current definition?', [
      `${opts.resume}: ${changedText}.`,
      'The rounds are replayed on the current definition; the game goes on in a new journal and this one is left as it is.',
    ]);
    if (!yes) {
      io.stderr.write('Nothing was changed.\n');
      return EXIT_USAGE;
    }
    out = uniquePath(opts.journal ?? opts.resume!.replace(/(\.json)?$/, '-continued.json'));
  }
  const masterSeed = journal ? journal.masterSeed : seed;
  const timer = timerFlag ?? journal?.timer;
  const meta: JournalMeta = {
    ...(timer === undefined ? {} : { timer }),
    scenario: {
      id: sc.id,
      ref: refForJournal(ref, out, io.cwd),
      hash: loaded.hash,
    },
    ...(masterSeed === undefined ? {} : { masterSeed }),
    set: journal ? journal.set : set,
    created: journal ? journal.created : new Date().toISOString(),
  };
  const saver = journalSaver(out, meta, () => new Date());
  // The latest record, saved or not: Ctrl+C ends the game without an exit result.
  let latest = record;
  const save = (r: GameRecord) => {
    latest = r;
    saver.save(r);
  };
  try {
    save(record);
  } catch (e) {
    return reportDiagnostics(io, [
      fileDiag(out, 'journal/write', `the journal cannot be written: ${(e as Error).message}`),
    ]);
  }

  const start = {
    pending: record.pending,
    ended: record.ended,
    undone: record.undone ?? [],
    actions: record.actions ?? [],
    timer: timer ?? null,
    status: unclean ? 'the last game on this journal did not end cleanly; its rounds are restored' : swapped,
  };
  // Killed by a signal the screen is given back and the journal closed before the process ends.
  const onKill = () => saver.finish(latest);
  const result = await startGame({
    session: record.session,
    color: !io.env.NO_COLOR,
    onSave: save,
    onKill,
    terminal,
    start,
  });
  const end = saver.finish(latest);
  (end.code === EXIT_OK ? io.stdout : io.stderr).write(end.text);
  if (end.code !== EXIT_OK) return end.code;
  if (result.report) await writeDebrief(io, out);
  return EXIT_OK;
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

/** Writes the debrief next to the journal (the report's own default folder). */
async function writeDebrief(io: CliIo, journal: string): Promise<void> {
  io.stdout.write('Writing the debrief report (with the computer-played comparison)…\n');
  const { writeReport } = await import('../../report/index.js');
  const r = await writeReport(journal, undefined, loadSettings(io));
  if (!r.ok) {
    reportDiagnostics(io, r.error);
    io.stdout.write(`Write it later with: aci-sim report ${journal}\n`);
    return;
  }
  io.stdout.write(`Debrief: ${r.value.html}\n         ${r.value.markdown}\n`);
}
