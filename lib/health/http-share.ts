/**
 * The share of a proxy's HTTP responses that are 5xx, over the last poll interval (from its per-second rates).
 * One computation for the alert rule, the overview's flags and the cells that print it.
 */
import type { TrafficRates } from './types';

export const HTTP_RESPONSE_CLASSES = [
  'http1xx',
  'http2xx',
  'http3xx',
  'http4xx',
  'http5xx',
  'httpOther',
] as const;

/** HTTP responses per second, all classes; null when any class is unknown (first poll, tcp mode). */
export function httpResponseRate(rates: TrafficRates): number | null {
  let total = 0;
  for (const key of HTTP_RESPONSE_CLASSES) {
    const rate = rates[key];
    if (rate === null) return null;
    total += rate;
  }
  return total;
}

/** Percent of the responses that are 5xx; null when unknown or when there was no response at all. */
export function http5xxSharePct(rates: TrafficRates): number | null {
  const responses = httpResponseRate(rates);
  if (responses === null || responses === 0 || rates.http5xx === null) return null;
  return (rates.http5xx / responses) * 100;
}

/**
 * Whether at least `pct` % of the responses are 5xx, compared without the rounding of a division (29 of 100 is
 * 29 %, not 28.999…). False when unknown or without responses.
 */
export function http5xxShareReaches(rates: TrafficRates, pct: number): boolean {
  const responses = httpResponseRate(rates);
  const errors = rates.http5xx;
  if (responses === null || responses === 0 || errors === null) return false;
  return errors * 100 >= pct * responses;
}
