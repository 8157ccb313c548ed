// Harm suffered and own cost per side: sparklines over rounds, last round, total.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Role, SimState } from '../../engine/index.js';
import { fmtBn, sparkline } from '../draw.js';
import { useColor, useSides } from '../theme.js';
import { Title } from './Title.js';

const ROWS: { bloc: Role; kind: 'harm' | 'cost'; label: string }[] = [
  { bloc: 'target', kind: 'harm', label: 'harmed' },
  { bloc: 'target', kind: 'cost', label: 'cost' },
  { bloc: 'coercer', kind: 'harm', label: 'harmed' },
  { bloc: 'coercer', kind: 'cost', label: 'cost' },
];

export const PainPanel = memo(function PainPanel({
  states,
  width,
  sparkWidth,
}: {
  states: readonly SimState[];
  width: number;
  sparkWidth: number;
}) {
  const { team } = useSides();
  const color = useColor();
  const played = states.slice(1);
  const last = states[states.length - 1]!;
  return (
    <Box flexDirection="column" width={width}>
      <Title text="Pain, EUR bn · per round · total" width={width} />
      {ROWS.map(({ bloc, kind, label }) => (
        <Text key={bloc + kind} wrap="truncate-end">
          <Text color={color(bloc)}>{team[bloc].padEnd(6)}</Text>
          <Text color={color(kind)}>{label.padEnd(7)}</Text>
          <Text color={color(kind)}>
            {sparkline(
              played.map((s) => s.lastPain[bloc][kind]),
              sparkWidth,
            )}
          </Text>
          <Text> {fmtBn(last.lastPain[bloc][kind]).padStart(5)}</Text>
          <Text color={color('muted')}> Σ</Text>
          <Text bold>{fmtBn(last.pain[bloc][kind]).padStart(5)}</Text>
        </Text>
      ))}
    </Box>
  );
});
