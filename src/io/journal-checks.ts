// A journal checked against the scenario it is replayed on: the same
// scenario id, players that exist, and injected shocks that pass the checks
// a scenario's events get (a journal is a file anyone can edit).
import type { Diagnostic } from './diagnostics.js';
import { fileDiag } from './diagnostics.js';
import type { Journal } from './journal.js';
import type { LoadedScenario } from './load-scenario.js';

/** Every inject of every round, checked as a scenario event is; each problem names its place in the journal. */
export function injectProblems(journal: Journal, loaded: LoadedScenario, file: string): Diagnostic[] {
  return journal.rounds.flatMap((r, i) =>
    (r.orders.inject ?? []).flatMap((inj, j) =>
      loaded.checkInject(inj, (path) => ({
        file,
        line: 0,
        col: 0,
        path: `rounds[${i}].orders.inject[${j}].${path}`,
      })),
    ),
  );
}

/** The scenario id, the players (human or a policy of the scenario) and the injects. */
export function journalProblems(journal: Journal, loaded: LoadedScenario, file: string): Diagnostic[] {
  const sc = loaded.scenario;
  if (journal.scenario.id !== sc.id)
    return [
      fileDiag(
        file,
        'journal/foreign',
        `this journal is for scenario "${journal.scenario.id}", but it was found as scenario "${sc.id}"`,
      ),
    ];
  const out: Diagnostic[] = [];
  for (const [role, player] of Object.entries(journal.players))
    if (player !== 'human' && !Object.hasOwn(sc.policies, player))
      out.push(
        fileDiag(
          file,
          'journal/policy',
          `names policy "${player}", which scenario "${sc.id}" does not have (${Object.keys(sc.policies).join(', ')})`,
          `players.${role}`,
        ),
      );
  return [...out, ...injectProblems(journal, loaded, file)];
}
