// The bottom line: what just happened, or as many of the keys that work now as fit.
import { Text } from 'ink';
import { truncate } from '../draw.js';
import { useColor } from '../theme.js';

export function fitHints(hints: readonly string[], width: number): string {
  let line = '';
  for (const h of hints) {
    const next = line ? `${line} · ${h}` : h;
    if (next.length > width) break;
    line = next;
  }
  return line;
}

export function Footer({
  status,
  hints,
  width,
}: {
  status: string | null;
  hints: readonly string[];
  width: number;
}) {
  const color = useColor();
  return (
    <Text wrap="truncate-end" color={status ? color('warn') : color('muted')}>
      {status ? truncate(status, width) : fitHints(hints, width)}
    </Text>
  );
}
