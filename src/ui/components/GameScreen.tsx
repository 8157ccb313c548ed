// The whole screen for a state: header, the body (panels, an overlay or a
// hand-over card) and the footer, in exactly `height` lines.
import { Box, Text } from 'ink';
import { type ReactNode, useMemo } from 'react';
import { councilView, isHuman, isOver, metricsOf, monthOf, stateOf } from '../../engine/index.js';
import { changedLevels, type Phase, roundOrders, viewerOf } from '../draft.js';
import { usePreview } from '../hooks/use-preview.js';
import { layoutFor } from '../layout.js';
import { type AppState, phaseOfApp } from '../state/app-state.js';
import { namesOf, type SideNames, useSides } from '../theme.js';
import { NO_COUNCIL, outcomeText } from '../words.js';
import { CouncilPanel } from './CouncilPanel.js';
import { EventFeed } from './EventFeed.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { Ladder } from './Ladder.js';
import { MeasuresPanel } from './MeasuresPanel.js';
import { OrdersPanel } from './OrdersPanel.js';
import { Overlays } from './Overlays.js';
import { PainPanel } from './PainPanel.js';
import { Message } from './Prompt.js';
import { RespondPanel } from './RespondPanel.js';
import { RevealPanel } from './RevealPanel.js';
import { OffersCard } from './RoundCards.js';
import { StocksPanel } from './StocksPanel.js';
import { type ZoneLens, ZonePanel } from './ZonePanel.js';

const PHASE_LABEL = (p: Phase, team: SideNames['team']): string => {
  switch (p.kind) {
    case 'orders':
      return `${team[p.bloc]}'s turn`;
    case 'handover':
      return `hand over to ${team[p.to]}`;
    case 'respond':
      return `${team[p.bloc]} answers an offer`;
    case 'offers':
      return 'offers revealed';
    case 'reveal':
      return 'reveal';
    case 'ready':
      return 'playing';
    case 'watch':
      return 'computer vs computer';
    case 'over':
      return 'game over';
  }
};

/** Keys that work now, most useful first; the footer shows as many as fit. */
const HINTS: Record<Phase['kind'], string[]> = {
  orders: [
    '⏎ commit',
    '? help',
    'l legend',
    'h log',
    'd deal',
    'n note',
    'u undo',
    'i inject',
    'f view',
    'p pause',
    'q quit',
    'b back down',
  ],
  handover: ['⏎ continue', '? help', 'q quit'],
  offers: ['⏎ continue', '? help', 'l legend', 'q quit'],
  respond: ['a accept', 'r refuse', '? help', 'l legend', 'n note', 'u undo', 'f view', 'q quit'],
  reveal: ['⏎ play the round', '? help', 'l legend', 'n note', 'i inject', 'u undo', 'f view', 'q quit'],
  ready: ['⏎ play the round', '? help'],
  watch: [
    '⏎ play the next round',
    '? help',
    'l legend',
    'h log',
    'i inject',
    'u undo',
    'f view',
    'p pause',
    'q quit',
  ],
  over: ['w write the debrief report', '? help', 'h log', 'n note', 'u undo', 'q quit'],
};

const OVERLAY_HINTS: Record<NonNullable<AppState['overlay']>['kind'], string[]> = {
  help: ['any key closes the help'],
  legend: ['any key closes the legend'],
  board: ['any key closes the board'],
  log: ['↑↓ PgUp PgDn scroll', 'any other key closes'],
  pause: ['p resumes'],
  quit: ['y quit', 'n stay'],
  confirm: ['y yes', 'n no'],
  note: ['Enter saves', 'Esc cancels', 'Backspace erases'],
  vote: ['any key closes'],
  saveFailed: ['r try again', 'Enter carry on'],
  gate: ['F (facilitator) goes on', 'any other key cancels'],
  results: ['any key goes on'],
  scripted: ['any key goes on'],
  deal: ['↑↓ row', '←→ change', 'space keep', 'Enter offer', 'Backspace withdraw', 'Esc cancel'],
  inject: ['↑↓ choose', '←→ change', 'Enter take', 'Esc back'],
};

export function GameScreen({
  s,
  columns,
  rows,
  timeLeft = null,
}: {
  s: AppState;
  columns: number;
  rows: number;
  /** `--timer`: seconds left in the turn. */
  timeLeft?: number | null;
}) {
  const { team } = useSides();
  const { session, draft } = s;
  const { sc } = session.setup;
  const st = stateOf(session);
  const phase = phaseOfApp(s);
  const maxOwn = Math.max(
    ...(['target', 'coercer'] as const).map((b) => sc.measures.filter((m) => m.bloc === b).length),
  );
  const L = layoutFor(columns, rows, maxOwn, sc.dependencies.length);
  const council = useMemo(() => councilView(sc, st), [sc, st]);
  const orderBloc = phase.kind === 'orders' ? phase.bloc : null;
  const preview = usePreview(sc, st, orderBloc, orderBloc ? changedLevels(session, draft, orderBloc) : {});
  const over = isOver(sc, st) || s.ended;
  const round = over ? st.round : st.round + 1;
  const bodyHeight = L.height - 2;
  const viewer = viewerOf(session.setup, phase);
  const noHumans = !isHuman(session.setup, 'target') && !isHuman(session.setup, 'coercer');
  const lens: ZoneLens = s.facilitator || over || noHumans ? 'truth' : (viewer ?? 'hidden');

  let body: ReactNode;
  if (s.overlay) body = <Overlays s={s} width={columns} height={bodyHeight} barWidth={L.barWidth} />;
  else if (phase.kind === 'offers')
    body = <OffersCard offers={phase.offers} sc={sc} width={columns} height={bodyHeight} />;
  else if (phase.kind === 'handover') {
    const from = phase.to === 'target' ? 'coercer' : 'target';
    body = (
      <Message
        title="Hand over"
        strong={`${team[phase.to]}'s turn, round ${round}.`}
        lines={[
          `${team[from]} team: look away. ${team[phase.to]} team: take the keyboard.`,
          draft.committed.includes(from)
            ? `${team[from]}'s choices stay hidden until both teams have committed.`
            : "Each team's choices stay hidden until both teams have committed.",
          '',
          ...(s.facilitator ? ['The FACILITATOR VIEW is on: f turns it off before the team looks.'] : []),
          'Press Enter when ready.',
        ]}
        width={columns}
        height={bodyHeight}
      />
    );
  } else {
    let right: ReactNode;
    if (phase.kind === 'orders')
      right = (
        <OrdersPanel
          sc={sc}
          st={st}
          bloc={phase.bloc}
          levels={draft.levels[phase.bloc]}
          cursor={s.cursor[phase.bloc]}
          preview={preview ?? { harm: 0, cost: 0, dHarm: 0, dCost: 0 }}
          proposal={draft.propose[phase.bloc]}
          backDown={draft.backDown[phase.bloc] ?? false}
          injects={draft.inject}
          width={L.rightWidth}
          rows={L.topRows}
        />
      );
    else if (phase.kind === 'respond')
      right = (
        <RespondPanel
          sc={sc}
          st={st}
          bloc={phase.bloc}
          from={phase.from}
          offer={phase.offer}
          facilitator={s.facilitator}
          width={L.rightWidth}
          rows={L.topRows}
          barWidth={Math.max(10, L.rightWidth - 6)}
        />
      );
    else if (phase.kind === 'reveal')
      right = (
        <RevealPanel
          sc={sc}
          orders={roundOrders(session, draft)}
          injects={draft.inject}
          width={L.rightWidth}
          rows={L.topRows}
        />
      );
    else
      right = (
        <MeasuresPanel sc={sc} st={st} width={L.rightWidth} rows={L.topRows} head={headLines(s, phase)} />
      );
    body = (
      <>
        <Box height={L.topRows}>
          <Ladder sc={sc} st={st} width={L.leftWidth} />
          <Box width={1} />
          {right}
        </Box>
        <Box height={L.midRows}>
          <Box flexDirection="column" width={L.leftWidth}>
            <PainPanel states={session.states} width={L.leftWidth} sparkWidth={L.sparkWidth} />
            <StocksPanel sc={sc} st={st} width={L.leftWidth} rows={L.stockRows} />
          </Box>
          <Box width={1} />
          <Box flexDirection="column" width={L.rightWidth}>
            <ZonePanel
              zone={st.zone}
              lens={lens}
              deal={st.deal}
              width={L.rightWidth}
              barWidth={L.barWidth}
              facilitator={s.facilitator}
            />
            {council ? (
              <CouncilPanel view={council} st={st} width={L.rightWidth} rows={L.midRows - 4} />
            ) : (
              <Text dimColor wrap="truncate-end">
                {NO_COUNCIL}
              </Text>
            )}
          </Box>
        </Box>
        <EventFeed events={session.events} rows={L.feedRows} width={columns} back={s.feedBack} />
      </>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={L.height}>
      <Header
        title={sc.title}
        round={round}
        rounds={sc.rounds}
        month={monthOf(sc, Math.max(1, round))}
        phase={s.overlay?.kind === 'pause' ? 'PAUSED' : PHASE_LABEL(phase, team)}
        facilitator={s.facilitator}
        clock={timeLeft}
        width={columns}
      />
      <Box flexDirection="column" height={bodyHeight}>
        {body}
      </Box>
      <Footer
        status={s.status}
        hints={s.overlay ? OVERLAY_HINTS[s.overlay.kind] : HINTS[phase.kind]}
        width={columns}
      />
    </Box>
  );
}

function headLines(s: AppState, phase: Phase): string[] {
  const st = stateOf(s.session);
  const { short } = namesOf(s.session.setup.sc);
  if (phase.kind === 'over') {
    const m = metricsOf(s.session.setup.sc, st);
    return [
      `Outcome: ${outcomeText(s.session.setup.sc, m.outcome, m.round, m.q)}`,
      'w: write the debrief report · q: quit',
    ];
  }
  if (phase.kind === 'watch') return ['Computer players on both sides: Enter plays the next round.'];
  if (st.deal) return [`Deal in force since round ${st.deal.round}: ${short.coercer} may still break it.`];
  return [];
}
