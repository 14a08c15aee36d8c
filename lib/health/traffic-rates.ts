/**
 * Per-second rates of HAProxy's cumulative counters, from two polls of the same proxy. Pure: the collector
 * hands it the previous poll, the time between the polls, and this poll.
 */
import {
  TRAFFIC_COUNTERS,
  type Backend,
  type Frontend,
  type TrafficCounters,
  type TrafficRates,
} from './types';

/** Every counter unknown: what a proxy has before the first poll that reports it. */
export function noTraffic(): TrafficCounters {
  return {
    requests: null,
    bytesIn: null,
    bytesOut: null,
    deniedConnections: null,
    deniedSessions: null,
    deniedRequests: null,
    deniedResponses: null,
    requestErrors: null,
    connectionErrors: null,
    responseErrors: null,
    retries: null,
    redispatches: null,
    clientAborts: null,
    serverAborts: null,
    http1xx: null,
    http2xx: null,
    http3xx: null,
    http4xx: null,
    http5xx: null,
    httpOther: null,
  };
}

/**
 * The rate of each counter between two readings `elapsedMs` apart. A counter that went back was reset in
 * between (an HAProxy reload, `clear counters`): everything it counts now happened since, so its rate is its
 * value over the interval, a lower bound, never negative and never a spike. Rounded to 0.001/s: finer digits
 * are noise, and they would double the size of a snapshot of 20,000 servers.
 */
export function trafficRates(
  previous: TrafficCounters,
  current: TrafficCounters,
  elapsedMs: number,
): TrafficRates {
  const rates = noTraffic();
  if (!(elapsedMs > 0)) return rates;
  const seconds = elapsedMs / 1000;
  for (const key of TRAFFIC_COUNTERS) {
    const now = current[key];
    const before = previous[key];
    if (now === null || before === null) continue;
    rates[key] = Math.round(((now >= before ? now - before : now) / seconds) * 1000) / 1000;
  }
  return rates;
}

/**
 * Fills `rates` of every frontend, listener, backend and server in `current` from the one of the same name in
 * `previous` (the same source's previous good poll). New proxies keep null rates.
 */
export function fillTrafficRates(
  previous: { backends: readonly Backend[]; frontends: readonly Frontend[] },
  current: { backends: readonly Backend[]; frontends: readonly Frontend[] },
  elapsedMs: number,
): void {
  const backends = new Map(previous.backends.map((backend) => [backend.name, backend]));
  for (const backend of current.backends) {
    const before = backends.get(backend.name);
    if (!before) continue;
    backend.rates = trafficRates(before.counters, backend.counters, elapsedMs);
    fillByName(before.servers, backend.servers, elapsedMs);
  }
  const frontends = new Map(previous.frontends.map((frontend) => [frontend.name, frontend]));
  for (const frontend of current.frontends) {
    const before = frontends.get(frontend.name);
    if (!before) continue;
    frontend.rates = trafficRates(before.counters, frontend.counters, elapsedMs);
    fillByName(before.listeners, frontend.listeners, elapsedMs);
  }
}

function fillByName(
  previous: readonly Counted[],
  current: readonly (Counted & { rates: TrafficRates })[],
  elapsedMs: number,
): void {
  // Servers keep their order between polls: try the same index before building a map.
  let byName: Map<string, Counted> | undefined;
  for (let i = 0; i < current.length; i++) {
    const entry = current[i]!;
    let before = previous[i];
    if (before?.name !== entry.name) {
      byName ??= new Map(previous.map((p) => [p.name, p]));
      before = byName.get(entry.name);
    }
    if (before) entry.rates = trafficRates(before.counters, entry.counters, elapsedMs);
  }
}

interface Counted {
  name: string;
  counters: TrafficCounters;
}
