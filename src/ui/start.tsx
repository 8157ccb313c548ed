// Starts the game full-screen (the terminal's alternate screen, restored on
// exit) and resolves when the players quit; also a one-question y/n prompt.
import { Box, render, Text, useApp, useInput } from 'ink';
import { useState } from 'react';
import type { Session } from '../engine/index.js';
import { App } from './App.js';
import type { ExitResult, GameCallbacks } from './hooks/use-game-state.js';
import type { StartPoint } from './state/app-state.js';

export const ALT_ON = '\u001B[?1049h\u001B[H';
export const ALT_OFF = '\u001B[?1049l';

/**
 * ink's options for the game. Not incremental: ink 6.8's incremental renderer
 * moves the cursor up one row too few when a frame ends in a newline, which
 * duplicates rows on the first key press (tests/ui/terminal.test.tsx).
 */
export const RENDER_OPTIONS = { incrementalRendering: false, patchConsole: true, maxFps: 60 } as const;

/** The terminal the game runs in, and the process events it must answer (given by the CLI). */
export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Calls `listener` on the event until the returned function is called. */
  on?: (event: 'SIGTERM' | 'SIGHUP' | 'exit', listener: () => void) => () => void;
  /** Ends the process at once. */
  exit?: (code: number) => void;
}

export interface StartOptions extends GameCallbacks {
  session: Session;
  color: boolean;
  terminal: Terminal;
  start?: StartPoint;
  /** Called when a signal ends the game, after the screen is given back and before the process ends. */
  onKill?: () => void;
}

/** Runs the game until the players quit; returns how it ended. */
export async function startGame(opts: StartOptions): Promise<ExitResult> {
  let result: ExitResult = { report: false, session: opts.session };
  const { stdin, stdout: out } = opts.terminal;
  let alt = true;
  const leave = () => {
    if (alt) out.write(ALT_OFF);
    alt = false;
  };
  const killed = (code: number) => () => {
    leave();
    opts.onKill?.();
    opts.terminal.exit?.(code);
  };
  out.write(ALT_ON);
  const on = opts.terminal.on;
  const off = on ? [on('exit', leave), on('SIGTERM', killed(143)), on('SIGHUP', killed(129))] : [];
  try {
    const app = render(
      <App
        session={opts.session}
        color={opts.color}
        {...(opts.start ? { start: opts.start } : {})}
        onSave={opts.onSave}
        onExit={(r) => {
          result = r;
          opts.onExit?.(r);
        }}
      />,
      { ...RENDER_OPTIONS, stdin, stdout: out },
    );
    await app.waitUntilExit();
  } finally {
    leave();
    for (const f of off) f();
  }
  return result;
}

function YesNo({
  question,
  lines,
  onAnswer,
}: {
  question: string;
  lines: string[];
  onAnswer: (y: boolean) => void;
}) {
  const { exit } = useApp();
  const [done, setDone] = useState(false);
  useInput((input, key) => {
    if (done) return;
    const yes = input === 'y' || input === 'Y';
    if (yes || input === 'n' || input === 'N' || key.escape) {
      setDone(true);
      onAnswer(yes);
      exit();
    }
  });
  return (
    <Box flexDirection="column">
      {lines.map((l) => (
        <Text key={l}>{l}</Text>
      ))}
      <Text bold>{question} (y/n)</Text>
    </Box>
  );
}

/** Asks one y/n question in the terminal. */
export async function askYesNo(terminal: Terminal, question: string, lines: string[] = []): Promise<boolean> {
  let answer = false;
  const app = render(
    <YesNo
      question={question}
      lines={lines}
      onAnswer={(y) => {
        answer = y;
      }}
    />,
    { stdin: terminal.stdin, stdout: terminal.stdout },
  );
  await app.waitUntilExit();
  return answer;
}
