// Every event of the game, each whole (wrapped, never cut), newest at the
// bottom; ↑↓ and PgUp/PgDn scroll back (key h).
import { Box, Text } from 'ink';
import type { SimEvent } from '../../engine/index.js';
import { wrapText } from '../draw.js';
import { useColor } from '../theme.js';
import { Card } from './Card.js';
import { eventMark } from './EventFeed.js';

/** The log's lines: the first line of an event carries its round and mark, the rest are indented. */
export function logLines(events: readonly (readonly SimEvent[])[], width: number) {
  const text = Math.max(10, width - 6);
  return events.flat().flatMap((e) => {
    const [mark, hue] = eventMark(e.code);
    return wrapText(e.text, text).map((line, i) => ({
      head: i === 0 ? `${`r${e.round}`.padStart(3)} ` : '    ',
      mark: i === 0 ? mark : ' ',
      hue,
      line,
    }));
  });
}

export function EventLogOverlay({
  events,
  back,
  width,
  height,
}: {
  events: readonly (readonly SimEvent[])[];
  /** Lines scrolled back from the newest. */
  back: number;
  width: number;
  height: number;
}) {
  const color = useColor();
  const lines = logLines(events, width);
  const rows = height - 1;
  const skip = Math.min(back, Math.max(0, lines.length - rows));
  const shown = lines.slice(Math.max(0, lines.length - rows - skip), lines.length - skip);
  const where =
    lines.length <= rows
      ? 'all'
      : `lines ${lines.length - skip - shown.length + 1}–${lines.length - skip} of ${lines.length}`;
  return (
    <Card
      title={`Event log · ${where} · ↑↓ PgUp PgDn scroll · any other key closes`}
      width={width}
      height={height}
    >
      {shown.length === 0 ? <Text color={color('muted')}>no events yet</Text> : null}
      {shown.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of the log have no identity but their place
        <Box key={i}>
          <Text color={color('muted')}>{l.head}</Text>
          <Text color={color(l.hue)}>{l.mark}</Text>
          <Text> {l.line}</Text>
        </Box>
      ))}
    </Card>
  );
}
