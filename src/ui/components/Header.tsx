// The top line: scenario, round and month, whose move it is, the view.
import { Box, Text } from 'ink';
import { truncate } from '../draw.js';
import { useColor } from '../theme.js';

export interface HeaderProps {
  title: string;
  round: number;
  rounds: number;
  month: string;
  phase: string;
  facilitator: boolean;
  width: number;
}

export function Header({ title, round, rounds, month, phase, facilitator, width }: HeaderProps) {
  const color = useColor();
  const right = `round ${round}/${rounds} · ${month} │ ${phase}${facilitator ? ' │ FACILITATOR VIEW' : ''}`;
  const left = truncate(`aci-sim │ ${title}`, Math.max(10, width - right.length - 2));
  return (
    <Box width={width} justifyContent="space-between">
      <Text bold wrap="truncate-end">
        {left}
      </Text>
      <Text wrap="truncate-end">
        <Text>{`round ${round}/${rounds} · ${month} │ `}</Text>
        <Text bold color={color('accent')}>
          {phase}
        </Text>
        {facilitator ? <Text color={color('warn')}> │ FACILITATOR VIEW</Text> : null}
      </Text>
    </Box>
  );
}
