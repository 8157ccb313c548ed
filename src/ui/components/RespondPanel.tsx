// An offer to answer: the terms, what stays in force, the zone as this team sees it.
import { Box, Text } from 'ink';
import type { Proposal, Role, Scenario, SimState } from '../../engine/index.js';
import { markerAt } from '../draw.js';
import { useColor, useSides } from '../theme.js';
import { Title } from './Title.js';
import { ZoneBarLine } from './ZonePanel.js';

export function RespondPanel(props: {
  sc: Scenario;
  st: SimState;
  bloc: Role;
  from: Role;
  offer: Proposal;
  facilitator: boolean;
  width: number;
  rows: number;
  barWidth: number;
}) {
  const { team, short } = useSides();
  const { sc, st, bloc, from, offer, width, barWidth } = props;
  const color = useColor();
  const kept = (offer.keep ?? []).map((id) => sc.measures.find((m) => m.id === id)?.name ?? id);
  const lens = props.facilitator ? 'truth' : bloc;
  return (
    <Box flexDirection="column" width={width} height={props.rows}>
      <Title text={`${team[bloc]} answers ${short[from]}'s offer · a accept · r refuse`} width={width} />
      <Text bold color={color(from)} wrap="truncate-end">
        {team[from]} offers a deal at q = {offer.q.toFixed(2)}
      </Text>
      <Text color={color('muted')} wrap="truncate-end">
        0 = {short.coercer} lifts its measures, gets nothing · 1 = {short.target} concedes all
      </Text>
      <Text wrap="truncate-end">
        Kept in force: {kept.length > 0 ? kept.join(', ') : 'nothing'}; everything else is lifted.
      </Text>
      {st.zone ? (
        <>
          <Text color={color('muted')}>
            zone {lens === 'truth' ? '(true bounds)' : `as ${team[bloc]} sees it`}:
          </Text>
          <ZoneBarLine z={st.zone} lens={lens} width={barWidth} />
          <Text color={color('accent')}>
            {'  '}
            {markerAt(barWidth, offer.q)} offer
          </Text>
        </>
      ) : (
        <Text color={color('muted')}>no estimate of the zone yet</Text>
      )}
      <Text bold>Accept? a = accept · r = refuse</Text>
    </Box>
  );
}
