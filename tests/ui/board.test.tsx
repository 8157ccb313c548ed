// The live Council board (key c): every member state once, grouped by its
// likely ballot, the pivotal states marked, in the terminal emulator at
// 80×24 and 120×40; the Council panel names the pivotal states.
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { councilView, stateOf } from '../../src/engine/index.js';
import { CouncilPanel } from '../../src/ui/components/CouncilPanel.js';
import { emulate } from './emulator.js';
import { KEY, session } from './helpers.js';

const SIZES: [number, number][] = [
  [80, 24],
  [120, 40],
];

describe('the Council board', () => {
  for (const [columns, rows] of SIZES)
    it(`opens with c at ${columns}×${rows}, shows every state once with its ballot, and closes`, async () => {
      const s = await session();
      const { sc } = s.setup;
      const view = councilView(sc, stateOf(s))!;
      // The tutorial's start: Germany and France alone could take the majority away.
      expect(view.pivotal).toEqual(['DE', 'FR']);
      const g = await emulate({ session: s }, columns, rows);
      await g.press('c');
      const screen = await g.screen();
      expect(screen).toEqual(g.intended());
      expect(screen[1]).toContain('Council board · likely ballots before a vote');
      const verdict = screen.findIndex((l) => l.startsWith('QM for'));
      expect(verdict).toBeGreaterThan(3);
      const board = screen.slice(3, verdict).join('\n');
      for (const b of view.ballots) {
        const found = board.match(new RegExp(`(?:^|[ ⇄])${b.id} `, 'gm')) ?? [];
        expect(found.length, b.id).toBe(1);
        expect(board).toMatch(new RegExp(`${b.id} .*${b.population.toFixed(2)}%`));
        expect(board.includes(`⇄${b.id}`), `${b.id} marked pivotal`).toBe(view.pivotal.includes(b.id));
      }
      expect(board).toContain('✓ for 19 · 79.4%');
      expect(board).toContain('○ abstain 8 · 20.6%');
      expect(board).toContain('✗ against 0 · 0.0%');
      const foot = screen.slice(verdict).join('\n');
      expect(foot).toContain(
        'QM for ✓ would be reached: 19 of 27 states (+4), 79.4% of population (+14.4 pts)',
      );
      expect(foot).toContain('⇄ pivotal: 2');
      expect(foot).toContain('any key closes the board');
      await g.press(KEY.esc);
      const after = await g.screen();
      expect(after).toEqual(g.intended());
      expect(after.join('\n')).not.toContain('Council board');
      expect(after.join('\n')).toMatch(/⇄ (pivotal )?DE FR/);
      g.unmount();
    });

  it('stays clean when the terminal is resized with the board open', async () => {
    const g = await emulate({ session: await session() }, 120, 40);
    await g.press('c');
    for (const [c, r] of [
      [80, 24],
      [100, 30],
      [120, 40],
    ] as const) {
      await g.resize(c, r);
      const screen = await g.screen();
      expect(screen, `${c}×${r}`).toEqual(g.intended());
      expect(screen.join('\n')).toContain('⇄DE');
    }
    g.unmount();
  });

  it('is listed in the help and its mark in the legend', async () => {
    const g = await emulate({ session: await session() }, 80, 24);
    await g.press('?');
    let screen = await g.screen();
    expect(screen).toEqual(g.intended());
    expect(screen.join('\n')).toContain('c         Council board: likely votes');
    await g.press(KEY.esc, 'l');
    screen = await g.screen();
    expect(screen).toEqual(g.intended());
    expect(screen.join('\n')).toContain('⇄        pivotal: its switch decides QM');
    g.unmount();
  });

  it('gives the pivotal states a line of their own, with their population, when the panel has room', async () => {
    const s = await session();
    const st = stateOf(s);
    const view = councilView(s.setup.sc, st)!;
    const r = render(<CouncilPanel view={view} st={st} width={60} rows={5} />);
    const lines = stripVTControlCharacters(r.lastFrame() ?? '').split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe('QM for ✓ reached: +4 states, +14.4 pts pop');
    expect(lines[4]).toBe('⇄ pivotal: DE 18.5%, FR 15.2% · c board');
    r.unmount();
  });
});
