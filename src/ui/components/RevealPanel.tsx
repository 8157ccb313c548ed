// Hot-seat: both teams have committed; their orders are shown before the round is played.
import { Box, Text } from 'ink';
import type { Inject, Orders, Role, Scenario } from '../../engine/index.js';
import { useColor, useSides } from '../theme.js';
import { ordersText } from '../words.js';
import { Title } from './Title.js';

/** One side's orders on a line, the team's name in its colour. */
export function SideOrders({ sc, side, orders }: { sc: Scenario; side: Role; orders: Orders }) {
  const { team } = useSides();
  const color = useColor();
  return (
    <Text wrap="wrap">
      <Text bold color={color(side)}>
        {team[side]}:{' '}
      </Text>
      {ordersText(sc.measures, orders[side])}
    </Text>
  );
}

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
  const color = useColor();
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Title text="Both teams have committed · Enter plays the round" width={width} />
      {(['target', 'coercer'] as const).map((b) => (
        <SideOrders key={b} sc={sc} side={b} orders={orders} />
      ))}
      {injects.map((i) => (
        <Text key={i.text} wrap="truncate-end" color={color('warn')}>
          inject: {i.text}
        </Text>
      ))}
    </Box>
  );
}
