// The game's state held outside render: each key press is applied to the
// latest state at once (keys typed fast are never lost), the journal is
// saved before the screen changes whenever what it keeps changed (a round
// played or undone, a commit, an answer, a note, an inject, the end), a
// failed save is shown until acknowledged and tried again, and the app
// closes on quit.
import { useApp } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Session } from '../../engine/index.js';
import { type GameRecord, recordKey } from '../record.js';
import { type AppState, initialAppState, recordOfApp, type StartPoint } from '../state/app-state.js';
import type { KeyPress } from '../state/key-press.js';
import { onKey } from '../state/on-key.js';
import { settle } from '../state/settle.js';
import { onTick, secondsLeft } from '../state/timer.js';

export interface ExitResult {
  report: boolean;
  session: Session;
}

export interface GameCallbacks {
  /** Called with the record before every screen that changes it; may throw (the failure is shown). */
  onSave?: (r: GameRecord) => void;
  onExit?: (r: ExitResult) => void;
  /** The clock, ms since 1970 (tests give their own): times facilitator actions and the turn timer. */
  now?: () => number;
}

/** How often the turn timer is looked at. */
const TICK_MS = 250;

export function useGameState(
  session: Session,
  cb: GameCallbacks,
  from: StartPoint = {},
): [AppState, (k: KeyPress) => void, number | null] {
  const clock = () => (cb.now ?? Date.now)();
  const [state, setState] = useState(() => settle(initialAppState(session, from), clock()));
  const [time, setTime] = useState(clock);
  const ref = useRef(state);
  // The record last tried: a failed save is tried again when the record changes or on `r`, not on
  // the key that acknowledges the failure.
  const tried = useRef(recordKey(recordOfApp(state)));
  const cbRef = useRef(cb);
  cbRef.current = cb;
  const { exit } = useApp();
  const apply = useCallback(
    (f: (prev: AppState) => AppState) => {
      const prev = ref.current;
      let next = f(prev);
      if (next === prev) return;
      const record = recordOfApp(next);
      const key = recordKey(record);
      if (next.session !== prev.session || key !== tried.current || next.retrySave) {
        tried.current = key;
        try {
          cbRef.current.onSave?.(record);
          next = {
            ...next,
            saveError: null,
            retrySave: false,
            ...(next.retrySave ? { status: 'the journal is saved' } : {}),
          };
        } catch (e) {
          const why = (e as Error).message;
          next = { ...next, saveError: why, retrySave: false, overlay: { kind: 'saveFailed', why } };
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
  const now = useCallback(() => (cbRef.current.now ?? Date.now)(), []);
  const press = useCallback((k: KeyPress) => apply((prev) => onKey(prev, { ...k, at: now() })), [apply, now]);
  const timed = state.clock !== null;
  useEffect(() => {
    if (!timed) return;
    const id = setInterval(() => {
      const t = now();
      setTime(t);
      apply((prev) => {
        const next = onTick(prev, t);
        return next === prev ? prev : settle(next, t);
      });
    }, TICK_MS);
    return () => clearInterval(id);
  }, [timed, apply, now]);
  return [state, press, secondsLeft(state, time)];
}
