/** OpenAPI registrations of the live endpoints: health, snapshot, pools, alerts and their actions. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { AckRequestSchema, MuteRequestSchema } from '../schemas/alert-requests';
import {
  AlertEventSchema,
  AlertIdParams,
  AlertSchema,
  AlertsSchema,
  AlertStreamQuery,
  MuteIdParams,
  MuteSchema,
  MutesSchema,
} from '../schemas/alerts';
import { HealthSchema } from '../schemas/health';
import { RoutesDtoSchema, RoutesQuery } from '../routes-dto';
import { PoolsSchema } from '../schemas/pools';
import { SnapshotSchema } from '../schemas/snapshot';
import { badParameter, json, notFound } from './responses';

export function registerLivePaths(registry: OpenAPIRegistry): void {
  const get = (path: string, summary: string, response: ReturnType<typeof json>) =>
    registry.registerPath({ method: 'get', path, summary, responses: { 200: response } });
  get('/api/v1/health', 'Liveness and the problems a user must act on', json(HealthSchema, 'health'));
  get(
    '/api/v1/openapi.json',
    'This document: OpenAPI 3.1, generated from the schemas the handlers validate with',
    json(z.record(z.string(), z.unknown()), 'the OpenAPI document'),
  );
  get('/api/v1/snapshot', 'The latest poll of every source', json(SnapshotSchema, 'the snapshot'));
  get('/api/v1/pools', 'Location pools: nodes, servers, Traefik, check latency', json(PoolsSchema, 'pools'));
  registry.registerPath({
    method: 'get',
    path: '/api/v1/routes',
    summary: 'Each BACKEND_HOSTS backend: its IngressRoutes and the pools whose Traefik serve it',
    request: { query: RoutesQuery },
    responses: { 200: json(RoutesDtoSchema, 'routing'), 400: badParameter },
  });
  get('/api/v1/alerts', 'Firing alerts, then those resolved in the last day', json(AlertsSchema, 'alerts'));
  registry.registerPath({
    method: 'get',
    path: '/api/v1/alerts/stream',
    summary: 'Server-Sent Events: one `event: alert` per change, `id:` increasing; Last-Event-ID resumes',
    request: { query: AlertStreamQuery },
    responses: {
      200: {
        description: 'each `data:` is an AlertEvent',
        content: { 'text/event-stream': { schema: AlertEventSchema } },
      },
      400: badParameter,
    },
  });
  registerAlertActions(registry);
}

function registerAlertActions(registry: OpenAPIRegistry): void {
  const body = (schema: typeof MuteRequestSchema | typeof AckRequestSchema) => ({
    content: { 'application/json': { schema } },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/alerts/{id}/ack',
    summary: 'Acknowledge one alert',
    request: { params: AlertIdParams, body: { ...body(AckRequestSchema), required: false } },
    responses: { 200: json(AlertSchema, 'the acknowledged alert'), 400: badParameter, 404: notFound },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/mutes',
    summary: 'Mutes in force',
    responses: { 200: json(MutesSchema, 'mutes') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/mutes',
    summary: 'Mute alerts of a target for 1 minute to 30 days',
    request: { body: body(MuteRequestSchema) },
    responses: { 201: json(MuteSchema, 'the new mute'), 400: badParameter },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/mutes/{id}',
    summary: 'End a mute',
    request: { params: MuteIdParams },
    responses: { 204: { description: 'unmuted' }, 400: badParameter, 404: notFound },
  });
}
