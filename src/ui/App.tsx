// The game: reads keys, keeps the state, draws the screen for the
// terminal's size (or asks for a bigger one).
import { Box, Text, useInput } from 'ink';
import { useMemo } from 'react';
import type { Session } from '../engine/index.js';
import { GameScreen } from './components/GameScreen.js';
import { type GameCallbacks, useGameState } from './hooks/use-game-state.js';
import { type Size, useTerminalSize } from './hooks/use-terminal-size.js';
import { MIN_COLUMNS, MIN_ROWS, tooSmall } from './layout.js';
import type { StartPoint } from './state/app-state.js';
import { ColorContext, namesOf, SidesContext } from './theme.js';

export interface AppProps extends GameCallbacks {
  session: Session;
  /** Colours on (false under NO_COLOR). */
  color?: boolean;
  /** A fixed size instead of the terminal's (tests). */
  size?: Size;
  /** The round in progress a journal kept, and how the game stood. */
  start?: StartPoint;
}

export function App({ session, color = true, size: fixed, start, ...callbacks }: AppProps) {
  const size = useTerminalSize(fixed);
  const [state, press, timeLeft] = useGameState(session, callbacks, start);
  const small = tooSmall(size.columns, size.rows);
  const names = useMemo(() => namesOf(session.setup.sc), [session.setup.sc]);
  // Always active, so the terminal stays in raw mode and Ctrl+C quits cleanly even when too small.
  // A line feed is Enter too (typed before raw mode, a terminal sends it for Return).
  useInput((input, key) => {
    if (!small) press({ input, key: input === '\n' ? { ...key, return: true } : key });
  });
  return (
    <ColorContext.Provider value={color}>
      <SidesContext.Provider value={names}>
        {small ? (
          <TooSmall size={size} />
        ) : (
          <GameScreen s={state} columns={size.columns} rows={size.rows} timeLeft={timeLeft} />
        )}
      </SidesContext.Provider>
    </ColorContext.Provider>
  );
}

export function TooSmall({ size }: { size: Size }) {
  return (
    <Box flexDirection="column">
      <Text bold>
        aci-sim play needs a terminal of at least {MIN_COLUMNS}×{MIN_ROWS}; this one is {size.columns}×
        {size.rows}.
      </Text>
      <Text>Enlarge the window to go on (Ctrl+C quits; every round played is in the journal).</Text>
    </Box>
  );
}
