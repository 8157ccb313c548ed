// The event feed: the engine's events in plain words, newest at the bottom,
// in a fixed number of lines (PgUp/PgDn scroll back).
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { SimEvent } from '../../engine/index.js';
import { type Hue, useColor } from '../theme.js';
import { Title } from './Title.js';

/** A symbol and a colour for an event, from its code. */
export function eventMark(code: string): [string, Hue] {
  if (/^council\/.*(adopted|engagement-over)$/.test(code)) return ['✓', 'good'];
  if (/^council\/.*(failed|rejected|blocked)$/.test(code)) return ['✗', 'bad'];
  if (code.startsWith('council/')) return ['§', 'accent'];
  if (code === 'deal/struck') return ['★', 'good'];
  if (code === 'deal/refused') return ['✗', 'warn'];
  if (code === 'deal/breached') return ['!', 'bad'];
  if (code === 'measure/lowered') return ['▼', 'good'];
  if (
    code.startsWith('measure/') ||
    code === 'aci/requested' ||
    code === 'trade-defence/proposed' ||
    code === 'national/decided'
  )
    return ['▲', 'warn'];
  if (code.startsWith('inject/')) return ['!', 'warn'];
  if (code.startsWith('scripted/')) return ['◆', 'accent'];
  if (code.startsWith('outcome/')) return ['■', 'accent'];
  return ['•', 'muted'];
}

export const EventFeed = memo(function EventFeed({
  events,
  rows,
  width,
  back,
}: {
  events: readonly (readonly SimEvent[])[];
  rows: number;
  width: number;
  back: number;
}) {
  const color = useColor();
  const all = events.flat();
  const maxBack = Math.max(0, all.length - rows);
  const skip = Math.min(back, maxBack);
  const shown = all.slice(Math.max(0, all.length - rows - skip), all.length - skip);
  const title = `Events${skip > 0 ? ` · ${skip} newer below (PgDn)` : all.length > rows ? ' · PgUp for older' : ''}${all.length > 0 ? ' · h: each whole' : ''}`;
  return (
    <Box flexDirection="column" width={width} height={rows + 1}>
      <Title text={title} width={width} />
      {shown.length === 0 ? (
        <Text color={color('muted')}>nothing yet: choose your orders and press Enter</Text>
      ) : null}
      {shown.map((e, i) => {
        const [mark, role] = eventMark(e.code);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: events may repeat; their place is their identity
          <Text key={i} wrap="truncate-end">
            <Text color={color('muted')}>{`r${e.round}`.padStart(3)} </Text>
            <Text color={color(role)}>{mark}</Text> {e.text}
          </Text>
        );
      })}
    </Box>
  );
});
