/** Delay before the next poll of a source after `failures` consecutive failures (0 = healthy). */
export function nextPollDelayMs(intervalMs: number, failures: number, elapsedMs: number): number {
  if (failures === 0) return Math.max(0, intervalMs - elapsedMs);
  const ceiling = Math.max(intervalMs, MAX_BACKOFF_MS);
  return Math.min(ceiling, intervalMs * 2 ** Math.min(failures - 1, 10));
}

export const MAX_BACKOFF_MS = 30_000;
