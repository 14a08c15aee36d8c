/** Waits before the browser opens the alert stream again itself: doubling from 1 s to 30 s, with jitter. */
export const RECONNECT_BASE_MS = 1_000;
export const RECONNECT_MAX_MS = 30_000;

/** `attempt` 0 is the first retry; `random` in [0, 1) spreads many tabs reconnecting to a restarted server. */
export function reconnectDelayMs(attempt: number, random: number = Math.random()): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 10)));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
