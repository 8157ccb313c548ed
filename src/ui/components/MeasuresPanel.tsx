// Both sides' measures in force or on their way (between turns, when watching, at the end).
import { Box, Text } from 'ink';
import type { Scenario, SimState } from '../../engine/index.js';
import { distinctNames, padTo, truncate, wrapText } from '../draw.js';
import { SYMBOL, useColor, useSides } from '../theme.js';
import { levelName, pendingText } from '../words.js';
import { Title } from './Title.js';

export function MeasuresPanel({
  sc,
  st,
  width,
  rows,
  head,
}: {
  sc: Scenario;
  st: SimState;
  width: number;
  rows: number;
  /** Lines shown above the list (an outcome, a prompt). */
  head?: readonly string[];
}) {
  const { team } = useSides();
  const color = useColor();
  const active = sc.measures
    .map((m, i) => ({ m, ms: st.measures[i]! }))
    .filter(({ ms }) => ms.level > 0 || ms.pending)
    .sort((a, b) => (a.m.bloc === b.m.bloc ? 0 : a.m.bloc === 'target' ? -1 : 1));
  const lines = (head ?? []).flatMap((l) => wrapText(l, width));
  const room = Math.max(0, rows - 1 - lines.length);
  const shown = active.slice(0, active.length <= room ? room : Math.max(0, room - 1));
  const nameWidth = Math.floor((width - 5) * 0.5);
  const names = distinctNames(
    shown.map(({ m }) => m.name),
    nameWidth,
  );
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Title text="Measures in force" width={width} />
      {lines.map((l) => (
        <Text key={l} wrap="truncate-end" bold color={color('accent')}>
          {l}
        </Text>
      ))}
      {shown.map(({ m, ms }, k) => (
        <Text key={m.id} wrap="truncate-end">
          <Text color={color(m.bloc)}>{padTo(team[m.bloc], 6)}</Text>
          {names[k]!.padEnd(nameWidth)}{' '}
          {truncate(
            `${ms.level} ${levelName(m, ms.level)}${ms.pending ? ` ${SYMBOL.pending}${ms.pending.level} ${pendingText(ms.pending, st.aci.stage, m)}` : ''}`,
            width - nameWidth - 7,
          )}
        </Text>
      ))}
      {active.length === 0 && room > 0 ? <Text color={color('muted')}>none: status quo</Text> : null}
      {active.length > shown.length && room > 0 ? (
        <Text color={color('muted')}>…and {active.length - shown.length} more</Text>
      ) : null}
    </Box>
  );
}
