// A panel's title as a rule line: "── Title ─────".
import { Text } from 'ink';
import { rule } from '../draw.js';
import { useColor } from '../theme.js';

export function Title({ text, width }: { text: string; width: number }) {
  const color = useColor();
  return (
    <Text color={color('muted')} wrap="truncate-end">
      {rule(text, width)}
    </Text>
  );
}
