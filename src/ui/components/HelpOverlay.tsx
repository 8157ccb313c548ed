// Every key of the game, by when it works.
import { Box, Text } from 'ink';
import { useColor } from '../theme.js';
import { Card } from './Card.js';

const SECTIONS: [string, [string, string][]][] = [
  [
    "A team's turn",
    [
      ['↑ ↓', 'choose a measure'],
      ['← → 0-9', 'choose its level'],
      ['Enter', 'commit the orders'],
      ['d', 'offer a deal: terms, kept'],
      ['b', 'back down (asks first)'],
      ['e', 'end game while a deal holds'],
      ['a / r', 'accept / refuse an offer'],
      ['c', 'Council board: likely votes'],
    ],
  ],
  [
    'Facilitator, any time',
    [
      ['F', 'hot-seat: confirms f u i e p'],
      ['u / U', 'undo last round (asks) / redo'],
      ['n', 'note on this decision'],
      ['i', 'inject an event or a shock'],
      ['f', 'facilitator view: true zone'],
      ['p', 'pause (p again resumes)'],
      ['PgUp PgDn', 'scroll the events'],
      ['h', 'event log: every event whole'],
      ['?', 'this help'],
      ['l', 'legend: what each mark means'],
      ['q', 'quit (asks; journal is kept)'],
      ['w', 'at the end: write debrief'],
    ],
  ],
];

export function HelpOverlay({ width, height }: { width: number; height: number }) {
  const color = useColor();
  const col = Math.floor((width - 1) / 2);
  return (
    <Card title="Keys · any key closes this help" width={width} height={height}>
      <Box>
        {SECTIONS.map(([title, keys]) => (
          <Box key={title} flexDirection="column" width={col} marginRight={1}>
            <Text bold>{title}</Text>
            {keys.map(([k, what]) => (
              <Text key={k} wrap="truncate-end">
                <Text color={color('accent')}>{k.padEnd(9)}</Text> {what}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      <Text> </Text>
      <Text wrap="wrap">
        Hot-seat: each team commits its orders and offer unseen; then the offers are revealed together and
        answered, and the round is played. f u U i e p need the facilitator's F (teams: never press F). The
        journal keeps every key that matters: a game cut off resumes where it was.
      </Text>
    </Card>
  );
}
