// A hot-seat game's own screens in the terminal emulator at 80×24 and
// 120×40: hand-overs, sealed offers revealed together on one card, the
// answers, the results card after the round (then the vote panel when the
// Council voted) and the card of a round's scripted events — each screen
// clean (equal to the frame the UI meant to draw) and each card whole.
import { describe, expect, it } from 'vitest';
import { type Emulated, emulate } from './emulator.js';
import { KEY, session } from './helpers.js';

const HOT = { target: 'human', coercer: 'human' };

async function shows(g: Emulated, ...texts: string[]) {
  const rows = await g.screen();
  expect(rows).toEqual(g.intended());
  const flat = rows.join('\n');
  for (const t of texts) expect(flat).toContain(t);
  return flat;
}

describe('a hot-seat game in the terminal emulator', () => {
  for (const [columns, rows] of [
    [80, 24],
    [120, 40],
  ] as const)
    it(`stays clean at ${columns}×${rows} through sealed offers, results and scripted cards`, async () => {
      const g = await emulate({ session: await session(HOT) }, columns, rows);
      await shows(g, "EU's turn, round 1.");
      await g.press(KEY.enter, KEY.right, 'd', KEY.enter);
      if ((await g.screen()).join('\n').includes('Enter again sends it')) await g.press(KEY.enter);
      await g.press(KEY.enter);
      await shows(g, "China's turn, round 1.");
      await g.press(KEY.enter, 'd', KEY.enter);
      if ((await g.screen()).join('\n').includes('Enter again sends it')) await g.press(KEY.enter);
      await g.press(KEY.enter);
      await shows(g, 'Sealed offers, revealed together', 'Both teams made an offer:', 'EU offers q =');
      await g.press(KEY.enter);
      await shows(g, "China answers the EU's offer");
      await g.press('r');
      await shows(g, "EU's turn, round 1.");
      await g.press(KEY.enter);
      await shows(g, "EU answers China's offer");
      await g.press('r');
      await shows(g, 'Both teams have committed');
      await g.press(KEY.enter);
      await shows(g, 'Round 1: results · any key goes on', 'Pain this round, EUR bn:', 'the landing zone is');
      await g.press(' ');
      await shows(g, "EU's turn, round 2.");
      // Rounds 2 and 3 with no offers; round 4 opens with its scripted event.
      for (let r = 2; r <= 3; r++) {
        await g.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
        await shows(g, `Round ${r}: results`);
        await g.press(' ');
        // The state-by-state vote panel follows the results when the Council voted.
        if ((await shows(g)).includes('Council vote')) await g.press(' ');
      }
      await shows(
        g,
        'Round 4: scripted events',
        '◆ CLEPA warns that supplier plants will stop within weeks.',
      );
      await g.press(' ');
      await shows(g, "EU's turn, round 4.");
      // Round 4 holds the Council's vote on the ACI determination the EU's round-1 move started:
      // the results card names it, then the vote panel shows it state by state.
      await g.press(KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
      await shows(g, 'Round 4: results', 'Council determination of coercion', '(the gap shrank by');
      await g.press(' ');
      await shows(g, 'Council vote · round 4');
      await g.press(' ');
      await shows(g, "EU's turn, round 5.");
      g.unmount();
    });
});
