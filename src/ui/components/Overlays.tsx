// The overlay open in a state, drawn in the body's place.

import { councilView, stateOf } from '../../engine/index.js';
import { viewerOf } from '../draft.js';
import { type AppState, phaseOfApp } from '../state/app-state.js';
import { capital, namesOf, useSides } from '../theme.js';
import { voteEvents, voteView } from '../votes.js';
import { NO_COUNCIL } from '../words.js';
import { BoardOverlay } from './BoardOverlay.js';
import { DealOverlay } from './DealOverlay.js';
import { EventLogOverlay } from './EventLogOverlay.js';
import { HelpOverlay } from './HelpOverlay.js';
import { InjectOverlay } from './InjectOverlay.js';
import { LegendOverlay } from './LegendOverlay.js';
import { Message, NoteBox } from './Prompt.js';
import { ResultsCard } from './ResultsCard.js';
import { GateCard, ScriptedCard } from './RoundCards.js';
import { VotePanel } from './VotePanel.js';

export function Overlays({
  s,
  width,
  height,
  barWidth,
}: {
  s: AppState;
  width: number;
  height: number;
  barWidth: number;
}) {
  const { short } = useSides();
  const o = s.overlay;
  const { sc } = s.session.setup;
  const st = stateOf(s.session);
  if (!o) return null;
  switch (o.kind) {
    case 'help':
      return <HelpOverlay width={width} height={height} />;
    case 'legend':
      return <LegendOverlay width={width} height={height} />;
    case 'board': {
      const view = councilView(sc, st);
      if (!view) return <Message title="Council" lines={[NO_COUNCIL]} width={width} height={height} />;
      return <BoardOverlay sc={sc} view={view} width={width} height={height} />;
    }
    case 'log':
      return <EventLogOverlay events={s.session.events} back={o.back} width={width} height={height} />;
    case 'pause':
      return (
        <Message
          title="Paused"
          strong="PAUSED"
          lines={['Every key but p is ignored.', 'Press p to resume.']}
          width={width}
          height={height}
        />
      );
    case 'quit':
      return (
        <Message
          title="Quit"
          strong="Quit the game? (y/n)"
          lines={[
            s.saveError
              ? `The journal could NOT be saved (${s.saveError}): it is tried once more on quitting, and what is not on disk is lost.`
              : `The journal holds every round played (${s.session.log.length}) and what is decided of this one.`,
            'Resume later with: aci-sim play --resume JOURNAL',
          ]}
          width={width}
          height={height}
        />
      );
    case 'saveFailed':
      return (
        <Message
          title="Journal not saved"
          strong="The journal could not be saved."
          lines={[
            o.why,
            'The game goes on; the journal on disk holds only what was saved before. Free space or fix the folder, then press r to try again.',
            'r tries again now · Enter or Esc: carry on (it is tried again at the next change)',
          ]}
          width={width}
          height={height}
        />
      );
    case 'confirm': {
      const n = s.session.log.length;
      const [strong, lines] =
        o.action === 'end'
          ? [
              'End the game here, with the deal in force? (y/n)',
              ['The remaining rounds are not played; the outcome is the deal.'],
            ]
          : o.action === 'undo'
            ? [
                `Undo round ${n}? (y/n)`,
                [
                  `The game goes back to the start of round ${n}; what was decided of round ${n + 1} is dropped.`,
                  'The round undone stays in the journal: U plays it again, until a new round is played.',
                ],
              ]
            : [
                `${capital(short[o.bloc ?? 'target'])} backs down this round? (y/n)`,
                [
                  'Backing down concedes the dispute: the game ends when the round is played.',
                  'b again withdraws it.',
                ],
              ];
      return <Message title="Confirm" strong={strong} lines={lines} width={width} height={height} />;
    }
    case 'note':
      return <NoteBox about={noteAbout(s)} text={o.text} width={width} height={height} />;
    case 'vote': {
      const round = s.session.events[o.round - 1] ?? [];
      const at = s.session.states[o.round] ?? st;
      return (
        <VotePanel
          round={o.round}
          events={voteEvents(round)}
          view={voteView(sc, at)}
          width={width}
          height={height}
        />
      );
    }
    case 'deal':
      return (
        <DealOverlay
          form={o}
          sc={sc}
          st={st}
          facilitator={s.facilitator}
          width={width}
          height={height}
          barWidth={barWidth}
        />
      );
    case 'inject':
      return <InjectOverlay form={o} sc={sc} width={width} height={height} />;
    case 'gate':
      return <GateCard action={o.action} played={s.session.log.length} width={width} height={height} />;
    case 'results':
      return <ResultsCard session={s.session} round={o.round} width={width} height={height} />;
    case 'scripted':
      return <ScriptedCard sc={sc} round={o.round} width={width} height={height} />;
  }
}

function noteAbout(s: AppState): string {
  const phase = phaseOfApp(s);
  const n = s.session.log.length;
  if (phase.kind === 'over') return `round ${n}, after the game`;
  const who = viewerOf(s.session.setup, phase);
  const { team } = namesOf(s.session.setup.sc);
  return `${who ? `${team[who]}'s decision, ` : 'facilitator, '}round ${n + 1}`;
}
