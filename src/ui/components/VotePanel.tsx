// A Council or committee vote state by state (largest population first),
// whether a qualified majority was reached and by how much.
import { Box, Text } from 'ink';
import type { SimEvent } from '../../engine/index.js';
import { padTo } from '../draw.js';
import { type Hue, SYMBOL, useColor } from '../theme.js';
import type { VoteView } from '../votes.js';
import { Card } from './Card.js';

const states = (n: number) => `${n} state${n === 1 ? '' : 's'}`;
const signed = (x: number, digits = 1) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
const ROLE: Record<string, Hue> = { for: 'for', against: 'against', abstain: 'abstain', absent: 'muted' };

export function VotePanel({
  round,
  events,
  view,
  width,
  height,
}: {
  round: number;
  events: readonly SimEvent[];
  view: VoteView;
  width: number;
  height: number;
}) {
  const color = useColor();
  const r = view.result;
  const cols = width >= 120 ? 4 : 3;
  const per = Math.ceil(view.ballots.length / cols);
  const colWidth = Math.floor(width / cols);
  const columns = Array.from({ length: cols }, (_, c) => view.ballots.slice(c * per, (c + 1) * per));
  const n = view.ballots.length;
  return (
    <Card title={`Council vote · round ${round} · any key closes`} width={width} height={height}>
      {events.map((e) => (
        <Text key={e.code + e.text} wrap="truncate-end" bold>
          § {e.text}
        </Text>
      ))}
      <Box marginTop={1}>
        {columns.map((col, c) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
          <Box key={c} flexDirection="column" width={colWidth}>
            {col.map((b) => (
              <Text key={b.id} wrap="truncate-end">
                {padTo(colWidth >= 32 ? `${b.id} ${b.name}` : b.id, colWidth - 20)}{' '}
                {b.population.toFixed(2).padStart(5)}%{' '}
                <Text color={color(ROLE[b.vote] ?? 'muted')}>
                  {SYMBOL[b.vote]} {b.vote}
                </Text>
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      <Text> </Text>
      <Text bold color={r.qualifiedMajorityFor ? color('good') : color('bad')} wrap="truncate-end">
        Qualified majority for:{' '}
        {r.qualifiedMajorityFor ? `${SYMBOL.for} reached` : `${SYMBOL.against} not reached`}
        {r.deemedFor ? ' (deemed: fewer than 4 states not for)' : ''}
      </Text>
      <Text wrap="truncate-end">
        {SYMBOL.for} for: {r.for.states} of {n} states (need 55%: {signed(r.marginFor.states, 0)}),{' '}
        {r.for.population.toFixed(1)}% of population (need 65%: {signed(r.marginFor.population)} pts)
      </Text>
      <Text wrap="truncate-end">
        {SYMBOL.against} against: {states(r.against.states)}, {r.against.population.toFixed(1)}% ·{' '}
        {SYMBOL.abstain} abstain: {states(r.abstain.states)}, {r.abstain.population.toFixed(1)}%
        {r.qualifiedMajorityAgainst
          ? ' · QUALIFIED MAJORITY AGAINST'
          : r.blockingMinority
            ? ' · blocking minority'
            : ''}
      </Text>
    </Card>
  );
}
