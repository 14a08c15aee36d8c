/**
 * A backend's HTTP responses over the last minute, for the http-5xx rule: one poll interval is too short to judge
 * a quiet backend (at 1 request/s, a 2 s interval with a 20 % error share often holds no 5xx at all and would
 * restart the grace). Pure: the alert engine keeps one window per backend and feeds it each poll's rates.
 */
import { HTTP_RESPONSE_CLASSES } from '@/lib/health/http-share';
import { noTraffic } from '@/lib/health/traffic-rates';
import type { TrafficRates } from '@/lib/health/types';

/** How far back the http-5xx rule looks. */
export const RESPONSE_WINDOW_MS = 60_000;

type HttpClass = (typeof HTTP_RESPONSE_CLASSES)[number];

export interface ResponseWindow {
  /** Each poll interval's responses per class (rate × seconds), oldest first. */
  intervals: { endAt: number; seconds: number; counts: Record<HttpClass, number> }[];
  lastAt: number | null;
}

export const emptyResponseWindow = (): ResponseWindow => ({ intervals: [], lastAt: null });

/**
 * Adds one poll's rates, which cover the time since the previous poll the window saw. Rates unknown (the first
 * poll after a gap, tcp mode) add nothing. Intervals that ended more than RESPONSE_WINDOW_MS ago fall out.
 */
export function observeResponses(window: ResponseWindow, rates: TrafficRates, at: number): void {
  const seconds = window.lastAt === null ? 0 : (at - window.lastAt) / 1000;
  window.lastAt = at;
  if (seconds > 0 && HTTP_RESPONSE_CLASSES.every((key) => rates[key] !== null)) {
    const counts = {} as Record<HttpClass, number>;
    for (const key of HTTP_RESPONSE_CLASSES) counts[key] = rates[key]! * seconds;
    window.intervals.push({ endAt: at, seconds, counts });
  }
  while (window.intervals.length > 0 && window.intervals[0]!.endAt <= at - RESPONSE_WINDOW_MS) {
    window.intervals.shift();
  }
}

/** The window's responses per second by class (other counters unknown); null when it holds no interval. */
export function windowRates(window: ResponseWindow): TrafficRates | null {
  if (window.intervals.length === 0) return null;
  const rates = noTraffic();
  let seconds = 0;
  for (const interval of window.intervals) seconds += interval.seconds;
  for (const key of HTTP_RESPONSE_CLASSES) {
    let count = 0;
    for (const interval of window.intervals) count += interval.counts[key];
    rates[key] = count / seconds;
  }
  return rates;
}
