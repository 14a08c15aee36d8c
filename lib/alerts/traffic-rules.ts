/**
 * The traffic rules: a backend answering too many 5xx, a server slow to answer. Pure, over the rates and times
 * the collector put on the domain model; evaluateAlertRules (alert-rules.ts) calls them per backend and server.
 */
import { http5xxShareReaches, http5xxSharePct } from '@/lib/health/http-share';
import type { Backend, Server, TrafficRates } from '@/lib/health/types';
import { alertTarget, type AlertCondition } from './types';

export interface TrafficRuleSettings {
  /** A backend whose 5xx share of HTTP responses over the last minute is at least this percent … */
  http5xxPct: number;
  /** … while it answers at least this many 5xx per second, for this long, fires. */
  http5xxMinRate: number;
  http5xxGraceMs: number;
  /** A server that served recently with HAProxy's average response time (rtime) at least this, this long, fires. */
  responseTimeMs: number;
  responseTimeGraceMs: number;
}

/**
 * rtime is an average over a server's last 1024 requests and keeps its value once traffic stops: only a server
 * given a session this recently (HAProxy's lastsess) is judged by it.
 */
export const RECENT_SESSION_SEC = 60;

/**
 * A backend answering too many 5xx, judged by `rates`: its responses per second over the last minute (the engine's
 * response window) or, without one, over the last poll interval. While it has no usable server, the 5xx are that
 * `down` alert's.
 */
export function http5xxCondition(
  backend: Backend,
  rates: TrafficRates,
  settings: TrafficRuleSettings,
): AlertCondition | null {
  const errors = rates.http5xx;
  if (errors === null || errors < settings.http5xxMinRate) return null;
  if (!http5xxShareReaches(rates, settings.http5xxPct)) return null;
  const key = `${backend.instance}/${backend.name}`;
  return {
    id: `http-5xx:${key}`,
    kind: 'http-5xx',
    severity: 'critical',
    target: alertTarget({ instance: backend.instance, backend: backend.name }),
    summary: `${backend.name}: ${Math.round(http5xxSharePct(rates)!)} % of responses are 5xx (${perSecondText(errors)}/s)`,
    graceMs: settings.http5xxGraceMs,
    groupId: backend.noUsableServer ? `down:${key}` : null,
  };
}

/** A server slow to answer while it serves; a DOWN server's slowness is grouped under its `down` alert. */
export function responseTimeCondition(
  backend: Backend,
  server: Server,
  settings: TrafficRuleSettings,
): AlertCondition | null {
  const ms = server.times.responseMs;
  if (server.status === 'MAINT' || server.status === 'DRAIN' || ms === null || ms < settings.responseTimeMs)
    return null;
  if (server.lastSessionSec === null || server.lastSessionSec > RECENT_SESSION_SEC) return null;
  const key = `${backend.instance}/${backend.name}/${server.name}`;
  return {
    id: `response-time:${key}`,
    kind: 'response-time',
    severity: 'warning',
    target: alertTarget({
      instance: backend.instance,
      backend: backend.name,
      server: server.name,
      pool: server.pool,
    }),
    summary: `${server.name}${server.pool ? ` in ${server.pool}` : ''}: average response time ${ms} ms (threshold ${settings.responseTimeMs} ms)`,
    graceMs: settings.responseTimeGraceMs,
    groupId: server.status === 'DOWN' ? `down:${key}` : null,
  };
}

/** "4.2", "0.05", "37": two significant digits, whole numbers from 10 on. */
function perSecondText(rate: number): string {
  return rate >= 10 ? String(Math.round(rate)) : String(Number(rate.toPrecision(2)));
}
