/** OpenAPI registrations of the live endpoints: health, snapshot, pools, alerts and their actions. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { AckRequestSchema, MuteRequestSchema } from '../schemas/alert-requests';
import {
  AlertEventSchema,
  AlertHistorySchema,
  AlertIdParams,
  AlertSchema,
  AlertsSchema,
  AlertStreamQuery,
  MuteIdParams,
  MuteSchema,
  MutesSchema,
} from '../schemas/alerts';
import { EmbedSettingsSchema } from '../schemas/embeds';
import { HealthSchema } from '../schemas/health';
import { RoutesDtoSchema, RoutesQuery } from '../schemas/routes';
import { PoolsSchema } from '../schemas/pools';
import { SnapshotSchema } from '../schemas/snapshot';
import { SnapshotDeltaSchema, SnapshotResetSchema, SnapshotStreamQuery } from '../schemas/snapshot-stream';
import { registerEndpoints, type Endpoint } from './endpoint';
import { json, tooManyStreams } from './responses';

const body = (schema: typeof MuteRequestSchema | typeof AckRequestSchema) => ({
  content: { 'application/json': { schema } },
});

const ALERT_ACTIONS: readonly Endpoint[] = [
  {
    method: 'post',
    path: '/api/v1/alerts/{id}/ack',
    summary: 'Acknowledge one alert as the signed-in identity',
    request: { params: AlertIdParams, body: { ...body(AckRequestSchema), required: false } },
    ok: json(AlertSchema, 'the acknowledged alert'),
    access: 'operator',
  },
  {
    path: '/api/v1/alerts/{id}/history',
    summary: "One alert's stored changes and who made them",
    request: { params: AlertIdParams },
    ok: json(AlertHistorySchema, 'the changes, oldest first'),
  },
  { path: '/api/v1/mutes', summary: 'Mutes in force', ok: json(MutesSchema, 'mutes') },
  {
    method: 'post',
    path: '/api/v1/mutes',
    summary: 'Mute alerts of a target for 1 minute to 30 days',
    request: { body: body(MuteRequestSchema) },
    ok: json(MuteSchema, 'the new mute'),
    status: 201,
    access: 'operator',
  },
  {
    method: 'delete',
    path: '/api/v1/mutes/{id}',
    summary: 'End a mute',
    request: { params: MuteIdParams },
    ok: { description: 'unmuted' },
    status: 204,
    access: 'operator',
  },
];

export function registerLivePaths(registry: OpenAPIRegistry): void {
  registerEndpoints(registry, [
    {
      path: '/api/v1/health',
      summary: 'Liveness and the problems a user must act on',
      ok: json(HealthSchema, 'health'),
      access: 'open',
    },
    {
      path: '/api/v1/openapi.json',
      summary: 'This document: OpenAPI 3.1, generated from the schemas the handlers validate with',
      ok: json(z.record(z.string(), z.unknown()), 'the OpenAPI document'),
      access: 'open',
    },
    {
      path: '/api/v1/snapshot',
      summary: "The latest poll of every source (a share link: its target's backend only, no frontends)",
      ok: json(
        SnapshotSchema,
        'the snapshot, built once per poll: ETag (If-None-Match → 304), x-hapscope-now (the server clock at the request), x-hapscope-stream-id (to follow from)',
      ),
    },
    {
      path: '/api/v1/snapshot/stream',
      summary:
        'Server-Sent Events: `event: delta` per poll (what changed), `id:` the generation it makes; `event: reset` when the id followed is no longer kept or from before a restart. Viewers of everything only',
      request: { query: SnapshotStreamQuery },
      more: { 429: tooManyStreams },
      ok: {
        description: 'each `data:` is a SnapshotDelta, or a SnapshotReset',
        content: { 'text/event-stream': { schema: z.union([SnapshotDeltaSchema, SnapshotResetSchema]) } },
      },
    },
    {
      path: '/api/v1/pools',
      summary: 'Location pools: nodes, servers, Traefik, check latency (a share link: its own pool only)',
      ok: json(PoolsSchema, 'pools'),
    },
    {
      path: '/api/v1/routes',
      summary: 'Each BACKEND_HOSTS backend: its IngressRoutes and the pools whose Traefik serve it',
      request: { query: RoutesQuery },
      ok: json(RoutesDtoSchema, 'routing'),
    },
    {
      path: '/api/v1/alerts',
      summary: "Firing alerts, then those resolved in the last day (a share link: its target's, no mutes)",
      ok: json(AlertsSchema, 'alerts'),
    },
    {
      path: '/api/v1/alerts/stream',
      summary: 'Server-Sent Events: one `event: alert` per change, `id:` increasing; Last-Event-ID resumes',
      request: { query: AlertStreamQuery },
      more: { 429: tooManyStreams },
      ok: {
        description: 'each `data:` is an AlertEvent',
        content: { 'text/event-stream': { schema: AlertEventSchema } },
      },
    },
    ...ALERT_ACTIONS,
    {
      path: '/api/v1/embeds/settings',
      summary:
        'Embed settings the share dialog advises by: whether PUBLIC_EMBEDS opens every embed and badge',
      ok: json(EmbedSettingsSchema, 'the settings'),
    },
  ]);
}
