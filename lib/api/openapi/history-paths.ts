/** OpenAPI registrations of the history endpoints: server and backend history, uptime, events, pool latency. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { EventsQuery, EventsSchema } from '../schemas/events';
import {
  BackendHistoryParams,
  BackendHistoryQuery,
  BackendHistorySchema,
  HistoryParams,
  HistoryQuery,
  HistorySchema,
} from '../schemas/history';
import { PoolLatencyParams, PoolLatencyQuery, PoolLatencySchema } from '../schemas/pools';
import { UptimeQuery, UptimeSchema } from '../schemas/uptime';
import { registerEndpoints } from './endpoint';
import { json } from './responses';

export function registerHistoryPaths(registry: OpenAPIRegistry): void {
  registerEndpoints(registry, [
    {
      path: '/api/v1/servers/{instance}/{backend}/{server}/history',
      summary: "One server's samples, transitions and uptime over a range (default 24h)",
      request: { params: HistoryParams, query: HistoryQuery },
      ok: json(HistorySchema, 'the history'),
    },
    {
      path: '/api/v1/backends/{instance}/{backend}/history',
      summary:
        "A backend's own samples over a range (default 24h): sessions, 5xx and error rates, rtime/ttime, bytes",
      request: { params: BackendHistoryParams, query: BackendHistoryQuery },
      ok: json(BackendHistorySchema, "the backend's history"),
    },
    {
      path: '/api/v1/uptime',
      summary: 'Uptime of servers, backends and pools (default 24h); filters apply on the server',
      request: { query: UptimeQuery },
      ok: json(UptimeSchema, 'uptime figures'),
    },
    {
      path: '/api/v1/events',
      summary: 'Downtime and state-change events, newest first (default 24h)',
      request: { query: EventsQuery },
      ok: json(EventsSchema, 'the events'),
    },
    {
      path: '/api/v1/pools/{pool}/latency',
      summary: "Check-latency percentiles of a pool's servers per bucket (60-120 buckets, default 1h)",
      request: { params: PoolLatencyParams, query: PoolLatencyQuery },
      ok: json(PoolLatencySchema, 'latency points'),
    },
  ]);
}
