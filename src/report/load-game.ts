import { resolve } from 'node:path';
import {
  metricsOf,
  type Orders,
  type RunMetrics,
  replaySession,
  type Scenario,
  type Session,
  SimError,
  type SimEvent,
  type SimState,
} from '../engine/index.js';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { type Journal, journalLog, readJournal } from '../io/journal.js';
import { journalProblems } from '../io/journal-checks.js';
import { journalScenarioRef } from '../io/journal-scenario-ref.js';
import { type LoadedScenario, loadScenario } from '../io/load-scenario.js';
import { err, ok, type Result } from '../io/result.js';

export interface PlayedRound {
  round: number;
  orders: Orders;
  notes: Journal['rounds'][number]['notes'];
  events: SimEvent[];
  /** The state after the round. */
  state: SimState;
}

export interface Game {
  journal: Journal;
  journalPath: string;
  /** The game as the engine replays it. */
  session: Session;
  loaded: LoadedScenario;
  sc: Scenario;
  start: SimState;
  rounds: PlayedRound[];
  final: SimState;
  metrics: RunMetrics;
  /** Problems the report goes on despite (a changed scenario with force). */
  warnings: Diagnostic[];
}

export interface GameOptions {
  cwd?: string;
  /** Go on when the scenario's definition changed since the game (hash mismatch). */
  acceptChangedScenario?: boolean;
  /** Folder of the formula cache (see io LoadOptions.cacheDir). */
  cacheDir?: string;
  /** Extra model folders (see io LoadOptions.modelDirs). */
  modelDirs?: readonly string[];
}

export async function loadGame(
  journalPath: string,
  opts: GameOptions = {},
): Promise<Result<Game, Diagnostic[]>> {
  const read = readJournal(journalPath);
  if (!read.ok) return read;
  const journal = read.value;
  const d = (code: string, message: string, hint?: string) => fileDiag(journalPath, code, message, '', hint);
  if (journal.rounds.length === 0)
    return err([d('report/empty', 'the journal has no rounds played yet: there is nothing to report')]);

  const cwd = resolve(opts.cwd ?? process.cwd());
  const loaded = await loadScenario(
    journalScenarioRef(journal.scenario.ref, journal.scenario.id, journalPath, cwd),
    {
      cwd,
      set: journal.set,
      ...(opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir }),
      ...(opts.modelDirs === undefined ? {} : { modelDirs: opts.modelDirs }),
    },
  );
  if (!loaded.ok) return loaded;
  const problems = journalProblems(journal, loaded.value, journalPath);
  if (problems.length > 0) return err(problems);
  const sc = loaded.value.scenario;
  const warnings: Diagnostic[] = [];
  if (loaded.value.hash !== journal.scenario.hash) {
    const message = `the scenario "${journal.scenario.id}" has changed since this game was played (journal hash ${short(journal.scenario.hash)}, now ${short(loaded.value.hash)}): a replay on the current definition may not show what the players saw`;
    if (!opts.acceptChangedScenario)
      return err([
        d(
          'report/scenario-changed',
          message,
          'add --force to report on the current definition anyway; the report then carries this warning',
        ),
      ]);
    warnings.push(d('report/scenario-changed', message));
  }

  let session: Session;
  try {
    session = replaySession(
      { sc, seed: journal.seed, players: journal.players },
      journalLog(journal),
      journal.rounds.map((r) => r.notes),
    );
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    return err([
      d(
        'report/replay',
        `round ${e.detail.replayRound} cannot be replayed on the current scenario: ${e.message}`,
      ),
    ]);
  }
  const start = session.states[0]!;
  const final = session.states[session.states.length - 1]!;
  const rounds: PlayedRound[] = session.log.map((orders, i) => ({
    round: i + 1,
    orders,
    notes: journal.rounds[i]!.notes,
    events: [...session.events[i]!],
    state: session.states[i + 1]!,
  }));
  return ok({
    journal,
    journalPath,
    session,
    loaded: loaded.value,
    sc,
    start,
    rounds,
    final,
    metrics: metricsOf(sc, final),
    warnings,
  });
}

const short = (h: string) => h.slice(0, 12);
