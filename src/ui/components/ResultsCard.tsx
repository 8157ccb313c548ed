// Hot-seat: what a round did, shown to both teams before the next hand-over —
// each side's orders, its harm and own cost, the Council's votes and the deal,
// and how the true landing zone moved (its width only: the bounds stay private).
import { Box, Text } from 'ink';
import type { Role, Session, SimEvent } from '../../engine/index.js';
import { fmtBn } from '../draw.js';
import { useColor, useSides } from '../theme.js';
import { voteEvents } from '../votes.js';
import { Card } from './Card.js';
import { SideOrders } from './RevealPanel.js';

const SIDES: readonly Role[] = ['target', 'coercer'];

const KEY_CODES = new Set([
  'deal/struck',
  'deal/refused',
  'deal/breached',
  'outcome/backs-down',
  'outcome/spiral',
]);

/** How the true landing zone moved in the round: its width or its gap, never its bounds. */
export function zoneChange(s: Session, round: number): string {
  const [a, b] = [s.states[round - 1]?.zone ?? null, s.states[round]?.zone ?? null];
  if (!b) return 'no landing zone estimated yet';
  const width = (z: NonNullable<typeof b>) => z.targetMax - z.coercerMin;
  const now = width(b);
  const open = now >= 0 ? `open, ${now.toFixed(2)} wide` : `closed, a gap of ${(-now).toFixed(2)}`;
  if (!a) return `the landing zone is ${open}`;
  const was = width(a);
  const d = Math.abs(now - was).toFixed(2);
  let move: string;
  if (Math.abs(now - was) < 0.005) move = 'unchanged';
  else if (was < 0 && now >= 0) move = 'it opened this round';
  else if (was >= 0 && now < 0) move = 'it closed this round';
  else if (now >= 0) move = now > was ? `wider by ${d}` : `narrower by ${d}`;
  else move = now > was ? `the gap shrank by ${d}` : `the gap grew by ${d}`;
  return `the landing zone is ${open} (${move})`;
}

export function ResultsCard({
  session,
  round,
  width,
  height,
}: {
  session: Session;
  round: number;
  width: number;
  height: number;
}) {
  const { team } = useSides();
  const color = useColor();
  const { sc } = session.setup;
  const orders = session.log[round - 1] ?? {};
  const st = session.states[round];
  const events: readonly SimEvent[] = session.events[round - 1] ?? [];
  const key = [...voteEvents(events), ...events.filter((e) => KEY_CODES.has(e.code))];
  return (
    <Card title={`Round ${round}: results · any key goes on`} width={width} height={height}>
      <Box flexDirection="column" paddingX={1}>
        {SIDES.map((b) => (
          <SideOrders key={b} sc={sc} side={b} orders={orders} />
        ))}
        {st ? (
          <Text wrap="wrap">
            Pain this round, EUR bn:{' '}
            {SIDES.map(
              (b) =>
                `${team[b]} harmed ${fmtBn(st.lastPain[b].harm)}, own cost ${fmtBn(st.lastPain[b].cost)}`,
            ).join(' · ')}
          </Text>
        ) : null}
        {(orders.inject ?? []).map((i) => (
          <Text key={i.text} wrap="wrap" color={color('warn')}>
            ! inject: {i.text}
          </Text>
        ))}
        {key.length === 0 ? (
          <Text color={color('muted')}>No Council vote and no deal this round.</Text>
        ) : null}
        {key.map((e) => (
          <Text key={e.code + e.text} wrap="wrap">
            {e.text}
          </Text>
        ))}
        <Text wrap="wrap">{zoneChange(session, round)}</Text>
      </Box>
    </Card>
  );
}
