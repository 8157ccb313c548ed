// Hot-seat: both teams have committed; their orders are shown before the round is played.
import { Box, Text } from 'ink';
import type { Inject, Orders, Scenario } from '../../engine/index.js';
import { useColor, useSides } from '../theme.js';
import { ordersText } from '../words.js';
import { Title } from './Title.js';

export function RevealPanel({
  sc,
  orders,
  injects,
  width,
  rows,
}: {
  sc: Scenario;
  orders: Orders;
  injects: readonly Inject[];
  width: number;
  rows: number;
}) {
  const { team } = useSides();
  const color = useColor();
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Title text="Both teams have committed · Enter plays the round" width={width} />
      {(['target', 'coercer'] as const).map((b) => (
        <Text key={b} wrap="wrap">
          <Text bold color={color(b)}>
            {team[b]}:{' '}
          </Text>
          {ordersText(sc.measures, orders[b])}
        </Text>
      ))}
      {injects.map((i) => (
        <Text key={i.text} wrap="truncate-end" color={color('warn')}>
          inject: {i.text}
        </Text>
      ))}
    </Box>
  );
}
