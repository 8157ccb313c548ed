// A played game rebuilt from its journal: the scenario loaded with the
// journal's --set, its hash checked, every round replayed with its events.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  initialState,
  metricsOf,
  type Orders,
  type RunMetrics,
  type Scenario,
  SimError,
  type SimEvent,
  type SimState,
  step,
} from '../engine/index.js';
import { type Diagnostic, fileDiag } from '../io/diagnostics.js';
import { type Journal, journalLog, readJournal } from '../io/journal.js';
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
  const loaded = await loadScenario(scenarioRef(journal, journalPath, cwd), {
    cwd,
    set: journal.set,
    ...(opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir }),
  });
  if (!loaded.ok) return loaded;
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

  const start = initialState(sc, journal.seed);
  const rounds: PlayedRound[] = [];
  const log = journalLog(journal);
  let st = start;
  for (let i = 0; i < log.length; i++) {
    try {
      const r = step(sc, st, log[i]!);
      st = r.state;
      rounds.push({
        round: st.round,
        orders: log[i]!,
        notes: journal.rounds[i]!.notes,
        events: r.events,
        state: st,
      });
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      return err([
        d('report/replay', `round ${i + 1} cannot be replayed on the current scenario: ${e.message}`),
      ]);
    }
  }
  return ok({
    journal,
    journalPath,
    loaded: loaded.value,
    sc,
    start,
    rounds,
    final: st,
    metrics: metricsOf(sc, st),
    warnings,
  });
}

const short = (h: string) => h.slice(0, 12);

/**
 * Where the journal's scenario is: its ref as given (from the working
 * directory, then from the journal's folder), else its id (the hash check
 * then tells whether it is the same scenario).
 */
function scenarioRef(j: Journal, journalPath: string, cwd: string): string {
  const ref = j.scenario.ref;
  if (existsSync(resolve(cwd, ref))) return ref;
  const besideJournal = resolve(dirname(resolve(cwd, journalPath)), ref);
  if (/[/\\]|\.ya?ml$/.test(ref) && existsSync(besideJournal)) return besideJournal;
  return j.scenario.id || ref;
}
