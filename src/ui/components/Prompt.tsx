// Body-sized messages: pause, confirmations, hand-over, the note box, too small.
import { Box, Text } from 'ink';
import { useColor } from '../theme.js';
import { Card } from './Card.js';

export function Message({
  title,
  lines,
  width,
  height,
  strong,
}: {
  title: string;
  lines: readonly string[];
  width: number;
  height: number;
  strong?: string;
}) {
  const color = useColor();
  return (
    <Card title={title} width={width} height={height}>
      <Box flexDirection="column" paddingX={2} paddingY={1}>
        {strong ? (
          <Text bold color={color('accent')}>
            {strong}
          </Text>
        ) : null}
        {lines.map((l) => (
          <Text key={l} wrap="wrap">
            {l}
          </Text>
        ))}
      </Box>
    </Card>
  );
}

export function NoteBox({
  about,
  text,
  width,
  height,
}: {
  about: string;
  text: string;
  width: number;
  height: number;
}) {
  const color = useColor();
  return (
    <Card title={`Note · ${about} · Enter saves · Esc cancels`} width={width} height={height}>
      <Box paddingX={2} paddingY={1} flexDirection="column">
        <Text color={color('muted')}>
          Why did the team decide this? (stored in the journal with the round)
        </Text>
        <Text wrap="wrap">
          {'> '}
          {text}
          <Text inverse> </Text>
        </Text>
      </Box>
    </Card>
  );
}
