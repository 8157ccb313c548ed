// Where a side's deal form opens and when it warns: the best terms for the
// side inside the landing zone as it sees it (the target offers the least
// the coercer would take, the coercer asks the most the target would give),
// and offers outside that zone named before they go out.
import type { Role, ZoneView } from '../engine/index.js';

const EPS = 1e-9;

/** The zone as a side sees it: lo the least the coercer accepts, hi the most the target accepts. */
export function seenBounds(zone: ZoneView, bloc: Role): { lo: number; hi: number } {
  const v = bloc === 'target' ? zone.targetSees : zone.coercerSees;
  return { lo: v.coercerMin, hi: v.targetMax };
}

/** The side's best offer inside the zone it sees, to the cent; its own limit when it sees no zone. */
export function bestOffer(zone: ZoneView | null, bloc: Role): number {
  if (!zone) return 0.5;
  const { lo, hi } = seenBounds(zone, bloc);
  const up = (x: number) => Math.ceil(x * 100 - EPS) / 100;
  const down = (x: number) => Math.floor(x * 100 + EPS) / 100;
  if (lo > hi + EPS) return bloc === 'target' ? down(hi) : up(lo);
  const q = bloc === 'target' ? up(lo) : down(hi);
  return q >= lo - EPS && q <= hi + EPS ? q : Math.round(((lo + hi) / 2) * 100) / 100;
}

/** Why an offer of q lies outside the zone the side sees, or null when it is inside (side: names in a sentence, "the EU"). */
export function outsideZone(
  zone: ZoneView | null,
  bloc: Role,
  q: number,
  side: { target: string; coercer: string },
): string | null {
  if (!zone) return null;
  const { lo, hi } = seenBounds(zone, bloc);
  const at = `q = ${q.toFixed(2)}`;
  if (bloc === 'target') {
    if (q > hi + EPS)
      return `${at} is above ${side.target}'s own limit ${hi.toFixed(2)}: it concedes more than ${side.target} accepts`;
    if (q < lo - EPS)
      return `${at} is below ${lo.toFixed(2)}, the least ${side.coercer} is thought to accept: likely refused`;
  } else {
    if (q < lo - EPS)
      return `${at} is below ${side.coercer}'s own limit ${lo.toFixed(2)}: it gives up more than ${side.coercer} accepts`;
    if (q > hi + EPS)
      return `${at} is above ${hi.toFixed(2)}, the most ${side.target} is thought to accept: likely refused`;
  }
  return null;
}
