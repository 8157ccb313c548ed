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
  /** `--timer`: seconds left in the turn, or null. */
  clock?: number | null;
  width: number;
}

const mmss = (t: number) => `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;

export function Header({
  title,
  round,
  rounds,
  month,
  phase,
  facilitator,
  clock = null,
  width,
}: HeaderProps) {
  const color = useColor();
  const timer = clock === null ? '' : ` │ ⏱ ${mmss(clock)}`;
  const right = `round ${round}/${rounds} · ${month} │ ${phase}${timer}${facilitator ? ' │ FACILITATOR VIEW' : ''}`;
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
        {clock === null ? null : <Text color={clock <= 30 ? color('bad') : color('warn')}>{timer}</Text>}
        {facilitator ? <Text color={color('warn')}> │ FACILITATOR VIEW</Text> : null}
      </Text>
    </Box>
  );
}
