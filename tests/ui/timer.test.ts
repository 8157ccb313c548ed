// The turn timer as pure state changes, with the key presses' own times: it
// starts on a team's screen (not the hand-over), stops while paused and goes
// on from where it stopped, commits the orders as they stand at zero, and
// refuses an offer left unanswered; each expiry is in the actions journalled.
import { describe, expect, it } from 'vitest';
import { type AppState, initialAppState } from '../../src/ui/state/app-state.js';
import type { KeyPress } from '../../src/ui/state/key-press.js';
import { onKey } from '../../src/ui/state/on-key.js';
import { settle } from '../../src/ui/state/settle.js';
import { onTick, secondsLeft } from '../../src/ui/state/timer.js';
import { DEAL_SET, session } from './helpers.js';

const S = 1000;
const key = (input: string, at: number, k: KeyPress['key'] = {}): KeyPress => ({ input, key: k, at });
const enter = (at: number): KeyPress => ({ input: '\r', key: { return: true }, at });

describe('the turn timer', () => {
  it('runs on a team’s turn, stops while paused, and commits the orders as they stand at zero', async () => {
    let s: AppState = settle(
      initialAppState(await session({ target: 'human', coercer: 'human' }), { timer: 60 }),
      0,
    );
    expect(s.clock?.turn).toBeNull();
    expect(secondsLeft(s, 0)).toBeNull();
    s = onKey(s, enter(5 * S));
    expect(secondsLeft(s, 5 * S)).toBe(60);
    expect(secondsLeft(s, 20 * S)).toBe(45);
    s = onKey(s, key('p', 20 * S));
    expect(s.overlay?.kind).toBe('gate');
    s = onKey(s, key('F', 21 * S));
    expect(s.overlay?.kind).toBe('pause');
    // Paused: the clock stands still however long the pause.
    expect(onTick(s, 500 * S)).toBe(s);
    expect(secondsLeft(s, 500 * S)).toBe(44);
    s = onKey(s, key('p', 500 * S));
    expect(secondsLeft(s, 500 * S)).toBe(44);
    expect(onTick(s, 543 * S)).toBe(s);
    s = onTick(s, 544 * S);
    expect(s.status).toBe("time is up: EU's orders are committed as they stood");
    expect(s.draft.committed).toEqual(['target']);
    expect(s.actions.map((a) => [a.action, a.by, a.detail ?? null, a.at])).toEqual([
      ['pause', 'facilitator', null, new Date(21 * S).toISOString()],
      ['resume', 'facilitator', null, new Date(500 * S).toISOString()],
      ['timeout', 'timer', 'target', new Date(544 * S).toISOString()],
    ]);
    // The next turn (China's, after its hand-over) gets the full time again.
    s = settle(s, 544 * S);
    expect(s.clock?.turn).toBeNull();
    s = onKey(s, enter(600 * S));
    expect(secondsLeft(s, 600 * S)).toBe(60);
  });

  it('refuses an offer not answered in time', async () => {
    let s: AppState = settle(
      initialAppState(await session({ target: 'human', coercer: 'best_response' }, DEAL_SET), { timer: 30 }),
      0,
    );
    s = onKey(s, enter(S));
    s = onKey(s, { input: '', key: { rightArrow: true }, at: 2 * S });
    s = onKey(s, enter(3 * S));
    expect(s.clock?.turn).toBe('2:respond:target');
    s = onTick(s, 33 * S);
    expect(s.status).toBe('time is up: EU did not answer, so the offer is refused');
    expect(s.session.log.at(-1)?.target?.respond).toBe('reject');
  });
});
