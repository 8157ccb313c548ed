// `aci-sim play` as a user meets it: the real binary, without a terminal
// (clear messages, exit 2, nothing written) and under a pseudo-terminal
// (script(1) from util-linux): a game killed mid-round resumes from its journal.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/cli/options.js';
import { replay } from '../../src/engine/index.js';
import { journalLog, readJournal } from '../../src/io/journal.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runSeed } from '../../src/rng/streams.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'aci-sim.js');
const NO_TTY =
  'aci-sim play needs an interactive terminal; for a non-interactive run use: aci-sim run <scenario> --seed N';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aci-play-cli-'));
});
const started: ChildProcess[] = [];
afterAll(() => {
  for (const p of started) killGame(p);
  rmSync(dir, { recursive: true, force: true });
});

/** Kills the game under script(1) (its child, found in /proc), then script if still there. */
function killGame(p: ChildProcess): void {
  const kill = (pid: number, group = false) => {
    try {
      process.kill(group ? -pid : pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${p.pid}/task/${p.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  } catch {
    // script has exited, and its child with it
  }
  for (const c of children) if (c > 0) kill(c);
  if (p.exitCode === null && p.signalCode === null) kill(p.pid!, true);
}

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'play', ...args], { cwd: ROOT, encoding: 'utf8', input: '' });

describe('play without a terminal', () => {
  it('says it needs one and exits 2 without writing a journal', () => {
    const before = existsSync(join(ROOT, 'journals')) ? readdirSync(join(ROOT, 'journals')) : [];
    const r = cli('--seed', '7');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(NO_TTY);
    expect(r.stderr).toContain(`e.g. aci-sim run ${DEFAULT_SCENARIO} --seed 7`);
    expect(existsSync(join(ROOT, 'journals')) ? readdirSync(join(ROOT, 'journals')) : []).toEqual(before);
  });

  it('names an unknown policy', () => {
    const r = cli('--cn', 'best_reponse');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--cn: unknown policy "best_reponse" for CN — did you mean "best_response"?');
  });

  it('refuses a corrupt or foreign journal and leaves it as it was', () => {
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"format": "aci-sim-journal", "version": 1, "rou');
    let r = cli('--resume', corrupt);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a journal: the file is not valid JSON (corrupt or truncated?)');
    expect(readFileSync(corrupt, 'utf8')).toBe('{"format": "aci-sim-journal", "version": 1, "rou');

    const foreign = join(dir, 'foreign.json');
    const text = JSON.stringify({
      format: 'aci-sim-journal',
      version: 1,
      scenario: { id: 'another-scenario', ref: 'tutorial', hash: 'x' },
      seed: 's',
      players: { EU: 'human', CN: 'hold' },
      set: {},
      created: 'c',
      updated: 'u',
      rounds: [],
    });
    writeFileSync(foreign, text);
    r = cli('--resume', foreign);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'this journal is for scenario "another-scenario", but "tutorial" is scenario "tutorial"',
    );
    expect(readFileSync(foreign, 'utf8')).toBe(text);
  });

  it('does not overwrite an existing --journal, nor mix --resume with a new scenario', () => {
    const taken = join(dir, 'taken.json');
    writeFileSync(taken, 'mine');
    let r = cli('--journal', taken);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('this file exists and is not overwritten');
    expect(readFileSync(taken, 'utf8')).toBe('mine');
    r = cli('--resume', taken, '--seed', '3');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a resumed game takes its scenario, seed and --set values from the journal');
  });
});

/** ink draws only the last frame when CI is set; a terminal test is not CI. */
function withoutCi(): NodeJS.ProcessEnv {
  const { CI: _, CONTINUOUS_INTEGRATION: __, ...env } = process.env;
  return env;
}

/** An SGR colour code (foreground 30–37 or 90–97). */
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[(3|9)[0-7]m`);

const hasScript = spawnSync('script', ['--version']).status === 0;

/** The game under a pseudo-terminal of the given size; keys are typed, output read as plain text. */
function pty(args: string, env: Record<string, string> = {}, size = { cols: 100, rows: 30 }, cwd = ROOT) {
  const p: ChildProcess = spawn(
    'script',
    ['-qfec', `stty cols ${size.cols} rows ${size.rows}; exec node ${BIN} play ${args}`, '/dev/null'],
    { cwd, detached: true, env: { ...withoutCi(), ...env } },
  );
  started.push(p);
  const chunks: Buffer[] = [];
  p.stdout!.on('data', (c: Buffer) => chunks.push(c));
  const exited = new Promise<number | null>((res) => p.on('exit', (code) => res(code)));
  const raw = () => Buffer.concat(chunks).toString('utf8');
  let mark = 0;
  const plain = () => stripVTControlCharacters(raw());
  return {
    raw,
    plain,
    exited,
    async until(text: string, ms = 30_000) {
      const end = Date.now() + ms;
      while (!plain().slice(mark).includes(text)) {
        if (Date.now() > end) throw new Error(`no "${text}" in:\n${plain().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      mark = plain().length;
      // Let the game switch the terminal to raw mode after its first frame.
      await new Promise((r) => setTimeout(r, 100));
    },
    type(keys: string) {
      mark = plain().length;
      p.stdin!.write(keys);
    },
    /** SIGKILL to the game itself (script's child), as a crash or a closed laptop would. */
    kill: () => killGame(p),
  };
}

describe.skipIf(!hasScript)('play in a terminal', { timeout: 90_000 }, () => {
  it('loses at most the round in progress when killed, and resumes to the replayed state', async () => {
    const journal = join(dir, 'game.json');
    const g = pty(`tutorial --seed 7 --journal ${journal}`, { NO_COLOR: '1' });
    await g.until("EU's turn");
    g.type('\u001B[C');
    await g.until('0→1 threatened');
    g.type('\r');
    await g.until('round 1 played');
    g.type('\r');
    await g.until('round 2 played');
    g.type('n');
    await g.until('Note');
    g.type('about to escalate');
    await g.until('about to escalate');
    g.type('\r\u001B[C');
    await g.until('0→2');
    g.kill();
    await g.exited;
    expect(g.raw()).not.toMatch(COLOUR);

    const first = readJournal(journal);
    if (!first.ok) throw new Error(first.error[0]!.message);
    expect(first.value.rounds).toHaveLength(2);
    expect(first.value.seed).toBe(runSeed(7, 0, 0));
    expect(first.value.masterSeed).toBe(7);
    expect(first.value.rounds[0]!.orders.EU).toEqual({ set: { tutorial_duv_servicing: 1 } });

    const again = pty(`--resume ${journal}`);
    await again.until('round 3/12');
    again.type('\r');
    await again.until('round 3 played');
    again.type('q');
    await again.until('Quit the game? (y/n)');
    again.type('y');
    expect(await again.exited).toBe(0);
    expect(again.plain()).toContain(`Journal: ${journal} (3 rounds played)`);
    expect(again.raw()).toMatch(COLOUR);

    const j = readJournal(journal);
    if (!j.ok) throw new Error(j.error[0]!.message);
    expect(j.value.rounds.slice(0, 2)).toEqual(first.value.rounds);
    expect(j.value.rounds).toHaveLength(3);
    const loaded = await loadScenario('tutorial', { cwd: ROOT });
    if (!loaded.ok) throw new Error('tutorial');
    expect(j.value.scenario.hash).toBe(loaded.value.hash);
    const states = replay(loaded.value.scenario, j.value.seed, journalLog(j.value));
    expect(states[3]!.round).toBe(3);
    expect(states.slice(0, 3)).toEqual(replay(loaded.value.scenario, j.value.seed, journalLog(first.value)));
  });

  it('asks before going on with a changed scenario, and writes the new game elsewhere', async () => {
    const journal = join(dir, 'changed.json');
    const seed = runSeed(1, 0, 0);
    const text = JSON.stringify({
      format: 'aci-sim-journal',
      version: 1,
      scenario: { id: 'tutorial', ref: 'tutorial', hash: 'an-old-hash' },
      seed,
      players: { EU: 'human', CN: 'hold' },
      set: {},
      created: 'c',
      updated: 'u',
      rounds: [{ orders: { EU: {}, CN: {} }, notes: [] }],
    });
    writeFileSync(journal, text);
    const no = pty(`--resume ${journal}`);
    await no.until('Continue on the current definition? (y/n)');
    expect(no.plain()).toContain('has changed since this game was saved');
    expect(no.plain()).toContain('an-old-hash');
    no.type('n');
    expect(await no.exited).toBe(2);
    expect(readFileSync(journal, 'utf8')).toBe(text);

    const yes = pty(`--resume ${journal}`);
    await yes.until('Continue on the current definition? (y/n)');
    yes.type('y');
    await yes.until('round 2/12');
    yes.type('q');
    await yes.until('Quit the game? (y/n)');
    yes.type('y');
    expect(await yes.exited).toBe(0);
    expect(readFileSync(journal, 'utf8')).toBe(text);
    const cont = readJournal(join(dir, 'changed-continued.json'));
    expect(cont.ok && cont.value.rounds).toHaveLength(1);
    expect(cont.ok && cont.value.scenario.hash).not.toBe('an-old-hash');
  });

  it('plays to a deal, writes the debrief, and names the journal by scenario, seed and time', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const set = '--set blocs.EU.stakes=2 --set blocs.CN.stakes=1.5';
    const g = pty(
      `${join(ROOT, 'scenarios', 'tutorial.yaml')} --seed 7 --cn hold ${set}`,
      {},
      undefined,
      cwd,
    );
    await g.until("EU's turn");
    g.type('\r');
    await g.until('round 1 played');
    g.type('d');
    await g.until("EU's offer");
    g.type('\u001B[C'.repeat(20));
    await g.until('Terms q = 1.00');
    g.type('\r');
    await g.until('your offer');
    g.type('\r');
    await g.until('deal struck');
    g.type('e');
    await g.until('End the game here');
    g.type('y');
    await g.until('game over');
    g.type('w');
    expect(await g.exited).toBe(0);
    const files = readdirSync(join(cwd, 'journals')).filter((f) => f.endsWith('.json'));
    expect(files).toEqual([expect.stringMatching(/^tutorial-7-\d{8}-\d{6}\.json$/)]);
    expect(g.plain()).toContain('Debrief: ');
    expect(existsSync(join(cwd, 'journals', files[0]!.replace(/\.json$/, '-report'), 'report.html'))).toBe(
      true,
    );
  });

  it('asks for a bigger terminal when it is too small', async () => {
    const g = pty(`--journal ${join(dir, 'small.json')}`, {}, { cols: 70, rows: 20 });
    await g.until('needs a terminal of at least 80×24; this one is 70×20');
    g.type('\u0003');
    expect(await g.exited).toBe(0);
  });
});
