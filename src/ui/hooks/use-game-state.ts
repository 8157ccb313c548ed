// The game's state held outside render: each key press is applied to the
// latest state at once (keys typed fast are never lost), the journal is
// saved when a round is played or undone, and the app closes on quit.
import { useApp } from 'ink';
import { useCallback, useRef, useState } from 'react';
import type { Session } from '../../engine/index.js';
import { type AppState, initialAppState } from '../state/app-state.js';
import type { KeyPress } from '../state/key-press.js';
import { onKey } from '../state/on-key.js';

export interface ExitResult {
  report: boolean;
  session: Session;
}

export interface GameCallbacks {
  /** Called with every new session (a round played, undone, a note added); may throw. */
  onSave?: (s: Session) => void;
  onExit?: (r: ExitResult) => void;
}

export function useGameState(session: Session, cb: GameCallbacks): [AppState, (k: KeyPress) => void] {
  const [state, setState] = useState(() => initialAppState(session));
  const ref = useRef(state);
  const cbRef = useRef(cb);
  cbRef.current = cb;
  const { exit } = useApp();
  const press = useCallback(
    (k: KeyPress) => {
      const prev = ref.current;
      let next = onKey(prev, k);
      if (next === prev) return;
      if (next.session !== prev.session) {
        try {
          cbRef.current.onSave?.(next.session);
        } catch (e) {
          next = { ...next, status: `the journal could not be saved: ${(e as Error).message}` };
        }
      }
      ref.current = next;
      setState(next);
      if (next.exit && !prev.exit) {
        cbRef.current.onExit?.({ report: next.exit.report, session: next.session });
        exit();
      }
    },
    [exit],
  );
  return [state, press];
}
