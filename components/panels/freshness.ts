/** Is the dashboard showing live data? From the browser's view: last arrival, fetch errors, poll interval. */
export type Freshness = 'loading' | 'live' | 'stale' | 'offline';

/** Stale after three missed polls (at least 10 s), so one slow answer does not flash a warning. */
export function freshness(input: {
  receivedAt: number | null;
  hasError: boolean;
  pollIntervalMs: number;
  now: number;
}): Freshness {
  const { receivedAt, hasError, pollIntervalMs, now } = input;
  if (receivedAt === null) return hasError ? 'offline' : 'loading';
  if (hasError) return 'offline';
  return now - receivedAt > Math.max(10_000, 3 * pollIntervalMs) ? 'stale' : 'live';
}
