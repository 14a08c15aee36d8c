/**
 * When a fault that recurs on every poll is worth a log line: once when it starts, once when it ends, and at most
 * once per `everyMs` in between (saying how many failures were not logged). A fault that comes back within
 * `everyMs` of the last line is a relapse, not news: it is logged by the next "still" line, and its end only if
 * that line was written. Pure: the caller passes the time.
 */
export interface ThrottleState {
  failing: boolean;
  /** What is failing now (the latest failure's key). */
  key: string | null;
  /** When the current fault started. */
  since: number | null;
  /** Failures since the last line. */
  unlogged: number;
  lastLineAt: number | null;
  /** Whether a line said this fault started (or still lasts): only then is its end news. */
  announced: boolean;
}

export type ThrottleEvent = { kind: 'failure'; key: string; at: number } | { kind: 'success'; at: number };

export type LogLine =
  | { kind: 'started'; key: string }
  | { kind: 'still'; key: string; since: number; failures: number }
  | { kind: 'ended'; key: string; since: number; failures: number };

export const INITIAL_THROTTLE: ThrottleState = {
  failing: false,
  key: null,
  since: null,
  unlogged: 0,
  lastLineAt: null,
  announced: false,
};

export function stepLogThrottle(
  state: ThrottleState,
  event: ThrottleEvent,
  everyMs: number,
): { state: ThrottleState; line: LogLine | null } {
  const { at } = event;
  const quiet = state.lastLineAt !== null && at - state.lastLineAt < everyMs;
  if (event.kind === 'success') {
    if (!state.failing) return { state, line: null };
    const ended = { ...state, failing: false, key: null, since: null, unlogged: 0 };
    if (!state.announced) return { state: ended, line: null };
    const line: LogLine = { kind: 'ended', key: state.key!, since: state.since!, failures: state.unlogged };
    return { state: { ...ended, lastLineAt: at, announced: false }, line };
  }
  if (!state.failing) {
    const started = { failing: true, key: event.key, since: at, unlogged: 0, lastLineAt: state.lastLineAt };
    if (quiet) return { state: { ...started, unlogged: 1, announced: false }, line: null };
    return {
      state: { ...started, lastLineAt: at, announced: true },
      line: { kind: 'started', key: event.key },
    };
  }
  const failures = state.unlogged + 1;
  if (quiet) return { state: { ...state, key: event.key, unlogged: failures }, line: null };
  const line: LogLine = { kind: 'still', key: event.key, since: state.since!, failures };
  return { state: { ...state, key: event.key, unlogged: 0, lastLineAt: at, announced: true }, line };
}
