// Saves a game's journal for `play` and keeps count of what is really on
// disk, so the closing message never claims a round that was not saved.
import { type Journal, writeJournal } from '../io/journal.js';
import { type JournalMeta, journalOf } from '../ui/journal-of.js';
import type { GameRecord } from '../ui/record.js';
import { EXIT_FAILURE, EXIT_OK } from './exit.js';

export interface JournalSaver {
  /** Writes the record, marked as being played; throws when it cannot (the game shows why). */
  save(r: GameRecord): void;
  /** The last save, unmarked (a clean exit), tried once more; the closing lines and exit code. */
  finish(r: GameRecord): { code: number; text: string };
}

/** What decides whether anything is lost: the journal without its times and mark. */
const contentOf = ({ updated: _, open: __, ...j }: Journal): string => JSON.stringify(j);

export function journalSaver(
  path: string,
  meta: JournalMeta,
  now: () => Date,
  write: (path: string, j: Journal) => void = writeJournal,
): JournalSaver {
  const since = now().toISOString();
  let onDisk: { rounds: number; content: string } | null = null;
  let failure: string | null = null;
  const put = (r: GameRecord, open: boolean) => {
    const j = journalOf(meta, r, now(), open ? { since } : undefined);
    try {
      write(path, j);
    } catch (e) {
      failure = (e as Error).message;
      throw e;
    }
    failure = null;
    onDisk = { rounds: j.rounds.length, content: contentOf(j) };
  };
  return {
    save: (r) => put(r, true),
    finish(r) {
      const played = r.session.log.length;
      const plural = (n: number) => `${n} round${n === 1 ? '' : 's'}`;
      try {
        put(r, false);
      } catch {
        // reported below
      }
      const resume = `Resume with: aci-sim play --resume ${path}\n`;
      if (failure === null)
        return { code: EXIT_OK, text: `Journal: ${path} (${plural(played)} played)\n${resume}` };
      const saved = onDisk as { rounds: number; content: string } | null;
      const lost = saved === null || saved.content !== contentOf(journalOf(meta, r, now()));
      const held = saved === null ? 'nothing (it could not be written)' : plural(saved.rounds);
      const text =
        `Journal: ${path} holds ${held}; ${plural(played)} played. The last save failed: ${failure}\n` +
        (lost
          ? `${saved !== null && saved.rounds === played ? 'The round in progress is' : 'What was played after that is'} not on disk.\n`
          : 'Only the mark that the game is open could not be cleared: nothing is lost.\n') +
        (saved === null ? '' : resume);
      return { code: lost ? EXIT_FAILURE : EXIT_OK, text };
    },
  };
}
