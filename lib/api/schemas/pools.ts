/**
 * GET /api/v1/pools and GET /api/v1/pools/{pool}/latency (shared/reference/api-v1.md); fields beyond the contract
 * are additive: cordoned, backends, traefik counts, up/down, uptimePct, warnings.
 */
import { z } from 'zod';
import { BackendRoutingDtoSchema, PoolServicesDtoSchema } from './routes';
import { isoTime, name, serverStatus, timeRangeQuery } from './common';

export const LatencyPercentilesSchema = z
  .object({ p50: z.number().nullable(), p95: z.number().nullable(), max: z.number().nullable() })
  .meta({ id: 'LatencyPercentiles', description: 'check durations (ms), nearest-rank percentiles' });

export const PoolNodeSchema = z.object({
  name: z.string(),
  ready: z.boolean(),
  cordoned: z.boolean(),
  addresses: z.array(z.string()),
});

export const PoolServerSchema = z.object({
  instance: z.string(),
  backend: z.string(),
  server: z.string(),
  status: serverStatus,
  node: z.string().nullable(),
  backup: z.boolean(),
  checkDurationMs: z.number().nullable(),
});

export const PoolBackendSchema = z.object({
  instance: z.string(),
  backend: z.string(),
  up: z.number(),
  down: z.number(),
  total: z.number(),
  servingFromBackup: z.boolean().meta({ description: 'the backend as a whole runs on backups' }),
  checkLatencyMs: LatencyPercentilesSchema,
});

export const PoolSchema = z
  .object({
    name: z.string().meta({ description: 'a pool name, or "unassigned"' }),
    nodes: z.array(PoolNodeSchema),
    servers: z.array(PoolServerSchema),
    svclbReady: z.number(),
    svclbTotal: z.number(),
    traefikLocal: z.boolean().meta({ description: 'a Ready Traefik pod runs on a node of this pool' }),
    checkLatencyMs: LatencyPercentilesSchema,
    flapping: z.boolean().meta({ description: 'at least one of its servers is flapping now' }),
    flappingServers: z.number().meta({ description: 'distinct servers (backend/server) flapping now' }),
    backends: z.array(PoolBackendSchema),
    traefikReady: z.number(),
    traefikTotal: z.number(),
    up: z.number(),
    down: z.number(),
    uptimePct: z.number().nullable().meta({ description: 'from the history store; null when it has none' }),
    warnings: z.array(z.string()).meta({ description: 'plain-language problems, most serious first' }),
  })
  .meta({ id: 'Pool' });

export const KubernetesStatusSchema = z.object({
  enabled: z.boolean(),
  ok: z.boolean(),
  error: z.string().nullable(),
});

export const PoolsSchema = z
  .object({
    generatedAt: isoTime,
    pools: z.array(PoolSchema),
    kubernetes: KubernetesStatusSchema,
    routes: z.array(BackendRoutingDtoSchema).meta({
      description: 'each BACKEND_HOSTS backend: its IngressRoutes and the pools whose Traefik serve it',
    }),
    poolServices: z
      .array(PoolServicesDtoSchema)
      .meta({ description: 'the lbpool-labelled Services each pool serves' }),
  })
  .meta({ id: 'Pools' });

export const PoolLatencyParams = z.object({ pool: name('pool name') });
export const PoolLatencyQuery = timeRangeQuery;

export const PoolLatencyPointSchema = z.object({
  at: isoTime.meta({ description: 'bucket start' }),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  max: z.number().nullable(),
  samples: z.number().meta({ description: 'stored check durations in the bucket' }),
});

export const PoolLatencySchema = z
  .object({
    pool: z.string(),
    from: isoTime,
    to: isoTime,
    resolution: z
      .enum(['raw', 'minute', 'hour'])
      .meta({ description: 'which stored samples the points come from' }),
    bucketMs: z.number().meta({ description: 'width of each point' }),
    points: z.array(PoolLatencyPointSchema),
  })
  .meta({ id: 'PoolLatency' });

export type PoolNodeDto = z.infer<typeof PoolNodeSchema>;
export type PoolServerDto = z.infer<typeof PoolServerSchema>;
export type PoolBackendDto = z.infer<typeof PoolBackendSchema>;
export type PoolDto = z.infer<typeof PoolSchema>;
export type PoolsDto = z.infer<typeof PoolsSchema>;
export type PoolLatencyPointDto = z.infer<typeof PoolLatencyPointSchema>;
export type PoolLatencyDto = z.infer<typeof PoolLatencySchema>;
