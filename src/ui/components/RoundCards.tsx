// Cards that take the body for a moment in a round: the facilitator's F gate,
// the scripted events of the round about to be decided, and hot-seat's
// sealed offers revealed together.
import type { Offer, Scenario } from '../../engine/index.js';
import type { GatedAction } from '../overlay.js';
import { GATE_KEY } from '../state/facilitator-keys.js';
import { useSides } from '../theme.js';
import { Message } from './Prompt.js';

interface Box {
  width: number;
  height: number;
}

/** The question and consequences of each gated key; n: rounds played. */
function gateText(a: GatedAction, n: number): [string, string] {
  switch (a) {
    case 'view':
      return ['Show the true landing zone?', "Both sides' real limits and projections, until f again."];
    case 'undo':
      return [`Undo round ${n}?`, `The game goes back to the start of round ${n}; U plays it again.`];
    case 'redo':
      return [`Play round ${n + 1} again?`, 'The round undone is replayed with the orders it had.'];
    case 'inject':
      return ['Inject an event?', 'It takes effect when this round is played; the teams see it then.'];
    case 'end':
      return ['End the game here, with the deal in force?', 'The remaining rounds are not played.'];
    case 'pause':
      return ['Pause the game?', 'A pause card hides the screen until p.'];
  }
}

export function GateCard({ action, played, width, height }: { action: GatedAction; played: number } & Box) {
  const [question, what] = gateText(action, played);
  return (
    <Message
      title="Facilitator only"
      strong={question}
      lines={[
        what,
        '',
        `Teams: please do not press ${GATE_KEY}. Facilitator: press ${GATE_KEY} (Shift+f) to go on; any other key cancels.`,
        'The journal records it, with the time.',
      ]}
      width={width}
      height={height}
    />
  );
}

export function ScriptedCard({ sc, round, width, height }: { sc: Scenario; round: number } & Box) {
  const due = sc.events.filter((e) => e.round === round);
  return (
    <Message
      title={`Round ${round}: scripted events`}
      strong={`This happens at the start of round ${round}, before the orders take effect:`}
      lines={[...due.map((e) => `◆ ${e.text}`), '', 'Any key goes on to the orders.']}
      width={width}
      height={height}
    />
  );
}

export function OffersCard({ offers, sc, width, height }: { offers: readonly Offer[]; sc: Scenario } & Box) {
  const { team, short } = useSides();
  const lines = offers.map(({ from, offer }) => {
    const kept = (offer.keep ?? []).map((id) => sc.measures.find((m) => m.id === id)?.name ?? id);
    return `${team[from]} offers q = ${offer.q.toFixed(2)}${kept.length ? `, keeping ${kept.join(', ')}` : ''}`;
  });
  const [first, second] = offers;
  const order = second
    ? `${short[first!.to]} answers ${short[first!.from]}'s offer first: if it accepts, that is the deal and ${short[second.from]}'s offer falls; if not, ${short[second.to]} answers ${short[second.from]}'s.`
    : `${short[first!.to]} answers it.`;
  return (
    <Message
      title="Sealed offers, revealed together"
      strong={offers.length > 1 ? 'Both teams made an offer:' : 'One offer was made:'}
      lines={[...lines, '', order, 'Enter: hand over to the team that answers.']}
      width={width}
      height={height}
    />
  );
}
