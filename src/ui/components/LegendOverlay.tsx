// Every mark and abbreviation of the screen with its meaning (key l).
import { Box, Text } from 'ink';
import { legendFor } from '../legend.js';
import { useColor, useSides } from '../theme.js';
import { Card } from './Card.js';

export function LegendOverlay({ width, height }: { width: number; height: number }) {
  const color = useColor();
  const { team } = useSides();
  const col = Math.floor((width - 1) / 2);
  return (
    <Card
      title="Legend · what the marks mean · any key closes · docs/GLOSSARY.md"
      width={width}
      height={height}
    >
      <Box>
        {legendFor(team).map(([title, entries]) => (
          <Box key={title} flexDirection="column" width={col} marginRight={1}>
            <Text bold>{title}</Text>
            {entries.map(([mark, what]) => (
              <Text key={mark} wrap="truncate-end">
                <Text color={color('accent')}>{mark.padEnd(8)}</Text> {what}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Card>
  );
}
