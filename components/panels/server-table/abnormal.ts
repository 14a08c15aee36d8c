/**
 * When a 5xx rate or a response time is abnormal, by the thresholds the alert rules use
 * (`config.alerts.http5xxPct`, `config.alerts.responseTimeMs`). Pure: the page reads the config and passes them.
 */
import { http5xxShareReaches } from '@/lib/health/http-share';
import type { ProxyTimes, TrafficRates } from '@/lib/health/types';

export interface AbnormalThresholds {
  /** 5xx share of a proxy's responses (per second, over the last poll interval), in percent. */
  http5xxPct: number;
  /** HAProxy's average response time (rtime), in ms. */
  responseTimeMs: number;
}

/** The alert rules' defaults, for views that have no configuration at hand (tests, previews). */
export const DEFAULT_THRESHOLDS: AbnormalThresholds = { http5xxPct: 5, responseTimeMs: 1000 };

/** Abnormal: some 5xx per second, and at least `http5xxPct` % of all responses (the alert rule's share). */
export function is5xxAbnormal(rates: TrafficRates, thresholds: AbnormalThresholds): boolean {
  return rates.http5xx !== null && rates.http5xx > 0 && http5xxShareReaches(rates, thresholds.http5xxPct);
}

export function isResponseTimeAbnormal(times: ProxyTimes, thresholds: AbnormalThresholds): boolean {
  return times.responseMs !== null && times.responseMs >= thresholds.responseTimeMs;
}

/** What the highlighted cell says besides its colour (its tooltip and the screen reader's text). */
export function http5xxReason(thresholds: AbnormalThresholds): string {
  return `abnormal: at least ${thresholds.http5xxPct} % of responses are 5xx`;
}

export function responseTimeReason(thresholds: AbnormalThresholds): string {
  return `abnormal: average response time at least ${thresholds.responseTimeMs} ms`;
}
