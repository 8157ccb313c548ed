// A journal that cannot be saved: the game shows it until acknowledged, tries
// again on `r` and at the next change, and the closing message counts only
// the rounds on disk (exit 1 when the last round is not there). Ctrl+C and
// quit count the rounds really saved.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journalSaver } from '../../src/cli/journal-saver.js';
import { type Journal, readJournal, writeJournal } from '../../src/io/journal.js';
import type { GameRecord } from '../../src/ui/record.js';
import { cli } from '../helpers/cli.js';
import { emulate } from './emulator.js';
import { KEY, session } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'aci-save-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const META = {
  scenario: { id: 'tutorial', ref: 'tutorial', hash: 'h' },
  masterSeed: 7,
  set: {},
  created: 'c',
};

/** A disk that fills up when `full` is set: the write fails as writeJournal would, nothing renamed. */
function disk() {
  const d = {
    full: false,
    write(path: string, j: Journal) {
      if (d.full) throw new Error(`ENOSPC: no space left on device, write '${path}'`);
      writeJournal(path, j);
    },
  };
  return d;
}

const rounds = (path: string) => {
  const r = readJournal(path);
  if (!r.ok) throw new Error(r.error[0]!.message);
  return r.value.rounds.length;
};

describe('a journal that cannot be saved', () => {
  it('is shown until acknowledged, tried again, and the exit counts only the rounds on disk', async () => {
    const path = join(dir, 'full.json');
    const d = disk();
    const saver = journalSaver(path, META, () => new Date(), d.write);
    const start = await session();
    let latest: GameRecord = { session: start, pending: null, ended: false };
    saver.save(latest);
    const g = await emulate(
      {
        session: start,
        onSave: (r) => {
          latest = r;
          saver.save(r);
        },
      },
      100,
      30,
    );
    await g.press(KEY.enter);
    expect(rounds(path)).toBe(1);
    d.full = true;
    await g.press(KEY.enter);
    let screen = (await g.screen()).join('\n');
    expect(screen).toContain('The journal could not be saved.');
    expect(screen).toContain('ENOSPC: no space left on device');
    // Other keys do not dismiss it.
    await g.press(KEY.down, 'u', KEY.right);
    expect((await g.screen()).join('\n')).toContain('The journal could not be saved.');
    await g.press(KEY.enter);
    screen = (await g.screen()).join('\n');
    expect(screen).not.toContain('The journal could not be saved.');
    expect(screen).toContain('the journal is not saved yet');
    expect(rounds(path)).toBe(1);

    await g.press('q');
    expect((await g.screen()).join('\n')).toContain('The journal could NOT be saved (ENOSPC');
    await g.press('n');
    const end = saver.finish(latest);
    expect(end.code).toBe(1);
    expect(end.text).toBe(
      `Journal: ${path} holds 1 round; 2 rounds played. The last save failed: ENOSPC: no space left on device, write '${path}'\n` +
        'What was played after that is not on disk.\n' +
        `Resume with: aci-sim play --resume ${path}\n`,
    );

    await g.press(KEY.enter);
    expect((await g.screen()).join('\n')).toContain('The journal could not be saved.');
    d.full = false;
    await g.press('r');
    screen = (await g.screen()).join('\n');
    expect(screen).toContain('the journal is saved');
    expect(screen).not.toContain('The journal could not be saved.');
    expect(rounds(path)).toBe(3);
    g.unmount();
    expect(saver.finish(latest)).toEqual({
      code: 0,
      text: `Journal: ${path} (3 rounds played)\nResume with: aci-sim play --resume ${path}\n`,
    });
    expect(readdirSync(dir)).toEqual(['full.json']);
  });

  it('a failed save from the start says nothing is on disk', async () => {
    const d = disk();
    d.full = true;
    const path = join(dir, 'never.json');
    const saver = journalSaver(path, META, () => new Date(), d.write);
    const start = await session();
    expect(() => saver.save({ session: start, pending: null, ended: false })).toThrow(/ENOSPC/);
    const end = saver.finish({ session: start, pending: null, ended: false });
    expect(end).toEqual({
      code: 1,
      text: `Journal: ${path} holds nothing (it could not be written); 0 rounds played. The last save failed: ENOSPC: no space left on device, write '${path}'\nWhat was played after that is not on disk.\n`,
    });
  });

  it('clears the mark that the game is open on a clean exit', async () => {
    const path = join(dir, 'clean.json');
    const saver = journalSaver(path, META, () => new Date());
    const start = await session();
    saver.save({ session: start, pending: null, ended: false });
    expect(readJournal(path).ok && readJournal(path)).toMatchObject({ value: { open: {} } });
    saver.finish({ session: start, pending: null, ended: false });
    const j = readJournal(path);
    expect(j.ok && j.value.open).toBeUndefined();
  });

  it('after an unclean exit, play says to type reset', async () => {
    const path = join(dir, 'unclean.json');
    const saver = journalSaver(path, META, () => new Date('2026-01-01T10:00:00Z'));
    saver.save({ session: await session(), pending: null, ended: false });
    const r = await cli(['play', '--resume', path]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      `${path}: the game last played on this journal (from 2026-01-01T10:00:00.000Z) did not end cleanly; every decision it saved is restored. If the terminal stays blank or does not show what you type, type reset and press Enter.`,
    );
    const { open: _, ...closed } = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify(closed));
    expect((await cli(['play', '--resume', path])).stderr).not.toContain('type reset');
  });
});
