/**
 * When a figure has moved enough to be stored again: the one rule for raw samples (server/sample-rows.ts) and for
 * rollup rows (rollup-runs.ts). Check durations, rtime and ttime jitter by a millisecond or two and bytes rates by a
 * little, so a move counts beyond a tolerance; error rates are mostly 0, and every error counts. Pure.
 */
import type { TrafficSample } from '@/lib/health/rollup-samples';

/** Check durations, rtime and ttime: a move beyond 2 ms and beyond 10 % of the old value. */
export const timeMoved = (was: number | null, now: number | null): boolean => moved(was, now, 2, 0.1);

/** Bytes rates: a move beyond 1 KiB/s and beyond 10 % of the old value. */
export const bytesMoved = (was: number | null, now: number | null): boolean => moved(was, now, 1024, 0.1);

/**
 * Any change of an error rate; rtime and ttime (averages over the last 1024 requests) and the bytes rates when they
 * moved (timeMoved, bytesMoved).
 */
export function trafficChanged(last: TrafficSample, next: TrafficSample): boolean {
  // Equal values first: most servers are idle, and this runs for every one of them every poll.
  return (
    last.http5xxRate !== next.http5xxRate ||
    last.connectionErrorsRate !== next.connectionErrorsRate ||
    last.responseErrorsRate !== next.responseErrorsRate ||
    (last.responseMs !== next.responseMs && timeMoved(last.responseMs, next.responseMs)) ||
    (last.totalMs !== next.totalMs && timeMoved(last.totalMs, next.totalMs)) ||
    (last.bytesInRate !== next.bytesInRate && bytesMoved(last.bytesInRate, next.bytesInRate)) ||
    (last.bytesOutRate !== next.bytesOutRate && bytesMoved(last.bytesOutRate, next.bytesOutRate))
  );
}

/** Known ↔ unknown always counts; otherwise a move beyond `absolute` and beyond `relative` of the old value. */
function moved(was: number | null, now: number | null, absolute: number, relative: number): boolean {
  if (was === null || now === null) return was !== now;
  return Math.abs(now - was) > Math.max(absolute, was * relative);
}
