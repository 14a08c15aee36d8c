/** OpenAPI registrations of the history endpoints: server history, uptime, events, pool latency. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { EventsQuery, EventsSchema } from '../schemas/events';
import { HistoryParams, HistoryQuery, HistorySchema } from '../schemas/history';
import { PoolLatencyParams, PoolLatencyQuery, PoolLatencySchema } from '../schemas/pools';
import { UptimeQuery, UptimeSchema } from '../schemas/uptime';
import { badParameter, json, notFound } from './responses';

export function registerHistoryPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/v1/servers/{instance}/{backend}/{server}/history',
    summary: "One server's samples, transitions and uptime over a range (default 24h)",
    request: { params: HistoryParams, query: HistoryQuery },
    responses: { 200: json(HistorySchema, 'the history'), 400: badParameter, 404: notFound },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/uptime',
    summary: 'Uptime of servers, backends and pools (default 24h); filters apply on the server',
    request: { query: UptimeQuery },
    responses: { 200: json(UptimeSchema, 'uptime figures'), 400: badParameter },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/events',
    summary: 'Downtime and state-change events, newest first (default 24h)',
    request: { query: EventsQuery },
    responses: { 200: json(EventsSchema, 'the events'), 400: badParameter },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/pools/{pool}/latency',
    summary: "Check-latency percentiles of a pool's servers per bucket (60-120 buckets, default 1h)",
    request: { params: PoolLatencyParams, query: PoolLatencyQuery },
    responses: { 200: json(PoolLatencySchema, 'latency points'), 400: badParameter, 404: notFound },
  });
}
