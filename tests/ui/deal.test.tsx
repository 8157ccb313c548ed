// The deal form opens at the side's own best terms inside the zone it sees,
// and names an offer outside that zone before it goes out (Enter again sends).
import { describe, expect, it } from 'vitest';
import type { ZoneView } from '../../src/engine/index.js';
import { bestOffer, outsideZone } from '../../src/ui/deal-terms.js';
import { emulate } from './emulator.js';
import { DEAL_SET, KEY, session } from './helpers.js';

const SIDES = { target: 'the EU', coercer: 'China' };
const zone = (lo: number, hi: number, seenLo = lo, seenHi = hi): ZoneView => ({
  coercerMin: lo,
  targetMax: hi,
  targetSees: { coercerMin: seenLo, targetMax: hi },
  coercerSees: { coercerMin: lo, targetMax: seenHi },
  costTarget: 1,
  costCoercer: 1,
});

describe('the best offer and the warning', () => {
  it('the target offers the least the coercer takes, the coercer asks the most the target gives', () => {
    // The EU's zone is 0.70–0.71: it opens at 0.70, and 0.90 is named before it goes out.
    const z = zone(0.7, 0.71);
    expect(bestOffer(z, 'target')).toBe(0.7);
    expect(bestOffer(z, 'coercer')).toBe(0.71);
    expect(outsideZone(z, 'target', 0.7, SIDES)).toBeNull();
    expect(outsideZone(z, 'target', 0.9, SIDES)).toBe(
      "q = 0.90 is above the EU's own limit 0.71: it concedes more than the EU accepts",
    );
    expect(outsideZone(z, 'target', 0.5, SIDES)).toBe(
      'q = 0.50 is below 0.70, the least China is thought to accept: likely refused',
    );
    expect(outsideZone(z, 'coercer', 0.6, SIDES)).toBe(
      "q = 0.60 is below China's own limit 0.70: it gives up more than China accepts",
    );
    // To the cent, inside the zone.
    expect(bestOffer(zone(0.621, 0.9), 'target')).toBe(0.63);
    expect(bestOffer(zone(0.62, 0.899), 'coercer')).toBe(0.89);
    expect(bestOffer(zone(0.7231, 0.7239), 'target')).toBe(0.72);
    // No zone as the side sees it: its own limit, never past it.
    expect(bestOffer(zone(0.9, 0.506), 'target')).toBe(0.5);
    expect(bestOffer(zone(0.901, 0.5), 'coercer')).toBe(0.91);
    expect(bestOffer(null, 'target')).toBe(0.5);
  });
});

describe('the deal form in the terminal', () => {
  it('opens at the best terms inside the zone and warns before an offer outside it', async () => {
    const g = await emulate(
      { session: await session({ target: 'human', coercer: 'hold' }, DEAL_SET) },
      100,
      30,
    );
    await g.press(KEY.enter);
    const main = (await g.screen()).join('\n');
    const m = /═ EU ≤(\d\.\d\d) ─ China ≥(\d\.\d\d) █ zone/.exec(main);
    expect(m, main).not.toBeNull();
    const [hi, lo] = [Number(m![1]), Number(m![2])];
    await g.press('d');
    let screen = (await g.screen()).join('\n');
    const q = Number(/Terms q = (\d\.\d\d)/.exec(screen)![1]);
    expect(q).toBeGreaterThanOrEqual(lo);
    expect(q).toBeLessThanOrEqual(hi);
    expect(q - 0.05).toBeLessThan(lo);
    expect(screen).toContain('inside the zone EU sees');

    // One step down is below the least China is thought to accept.
    await g.press(KEY.left);
    const out = (q - 0.05).toFixed(2);
    screen = (await g.screen()).join('\n');
    expect(screen).toContain(`q = ${out} is below ${lo.toFixed(2)}, the least China is thought to accept`);
    await g.press(KEY.enter);
    const warned = await g.screen();
    expect(warned).toEqual(g.intended());
    expect(warned.join('\n')).toContain(`! Enter again sends it: q = ${out} is below`);
    // Changing the terms asks again.
    await g.press(KEY.right, KEY.left);
    expect((await g.screen()).join('\n')).not.toContain('Enter again sends it');
    await g.press(KEY.enter, KEY.enter);
    screen = (await g.screen()).join('\n');
    expect(screen).toContain(`offer ready: q = ${out}`);
    expect(screen).not.toContain('Terms q =');
    g.unmount();
  });
});
