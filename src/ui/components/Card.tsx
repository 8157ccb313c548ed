// A body-sized panel with a title, for overlays and hand-over screens.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { Title } from './Title.js';

export function Card({
  title,
  width,
  height,
  children,
}: {
  title: string;
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Title text={title} width={width} />
      {children}
    </Box>
  );
}
