/** GET /api/v1/snapshot (shared/reference/api-v1.md): the latest poll of every source. Extra fields are additive. */
import { z } from 'zod';
import { isoTime, serverStatus, transition } from './common';

const counter = z.object({ current: z.number(), max: z.number() });

export const CheckSchema = z.object({
  status: z.string().nullable().meta({ description: "L7OK, L7STS, L4CON …, without HAProxy's leading '* '" }),
  inProgress: z.boolean(),
  code: z.number().nullable(),
  durationMs: z.number().nullable(),
  description: z.string().nullable().meta({ description: 'check_desc, e.g. "Layer7 wrong status"' }),
  lastCheck: z.string().nullable().meta({ description: 'last_chk, e.g. "Service Unavailable"' }),
  rise: z.number().nullable(),
  fall: z.number().nullable(),
  health: z.number().nullable(),
});

export const ServerSchema = z
  .object({
    name: z.string(),
    address: z.string().nullable().meta({ description: 'host:port' }),
    status: serverStatus,
    transition,
    statusText: z.string().meta({ description: "HAProxy's own status text, verbatim" }),
    backup: z.boolean(),
    weight: z.number(),
    check: CheckSchema,
    lastChangeSec: z.number().nullable(),
    downtimeSec: z.number().nullable(),
    checkFailures: z.number(),
    checkDowns: z.number(),
    queue: counter,
    sessions: counter.extend({ limit: z.number().nullable(), total: z.number() }),
    sessionRate: counter,
    node: z.string().nullable(),
    pool: z.string().nullable(),
  })
  .meta({ id: 'Server' });

export const BackendSchema = z
  .object({
    instance: z.string(),
    name: z.string(),
    status: z.string().meta({ description: 'UP, DOWN or HAProxy’s raw text' }),
    activeUp: z.number(),
    activeTotal: z.number(),
    backupUp: z.number(),
    backupTotal: z.number(),
    servingFromBackup: z.boolean(),
    noUsableServer: z.boolean(),
    sessions: counter.extend({ limit: z.number().nullable() }),
    sessionRate: counter,
    queue: counter,
    servers: z.array(ServerSchema),
  })
  .meta({ id: 'Backend' });

export const InstanceSchema = z
  .object({
    name: z.string(),
    kind: z
      .enum(['http', 'socket'])
      .meta({ description: 'the URL itself is never sent (it may hold credentials)' }),
    ok: z.boolean(),
    error: z.string().nullable().meta({ description: 'reason of the last failure, credentials redacted' }),
    errorKind: z
      .string()
      .nullable()
      .meta({ description: 'unreachable, timeout, auth, http, not-csv, truncated, …' }),
    lastPollAt: isoTime.nullable(),
    lastSuccessAt: isoTime.nullable(),
    nextPollAt: isoTime
      .nullable()
      .meta({ description: 'later than one interval when backing off after errors' }),
    consecutiveFailures: z.number(),
    pollDurationMs: z.number().nullable(),
    version: z.string().nullable(),
    pid: z.number().nullable(),
    uptimeSec: z.number().nullable(),
  })
  .meta({ id: 'Instance' });

export const SnapshotSchema = z
  .object({
    generatedAt: isoTime,
    pollIntervalMs: z.number(),
    instances: z.array(InstanceSchema),
    backends: z.array(BackendSchema),
  })
  .meta({ id: 'Snapshot' });

export type ServerDto = z.infer<typeof ServerSchema>;
export type BackendDto = z.infer<typeof BackendSchema>;
export type InstanceDto = z.infer<typeof InstanceSchema>;
export type SnapshotDto = z.infer<typeof SnapshotSchema>;
