/** GET /api/v1/snapshot (shared/reference/api-v1.md): the latest poll of every source. Extra fields are additive. */
import { z } from 'zod';
import { TRAFFIC_COUNTERS } from '@/lib/health/types';
import { isoTime, serverStatus, transition } from './common';

const counter = z.object({ current: z.number(), max: z.number() });
const sessions = counter.extend({ limit: z.number().nullable(), total: z.number() });

const COUNTER_COLUMNS: Record<(typeof TRAFFIC_COUNTERS)[number], string> = {
  requests: 'req_tot',
  bytesIn: 'bin',
  bytesOut: 'bout',
  deniedConnections: 'dcon',
  deniedSessions: 'dses',
  deniedRequests: 'dreq',
  deniedResponses: 'dresp',
  requestErrors: 'ereq',
  connectionErrors: 'econ',
  responseErrors: 'eresp',
  retries: 'wretr',
  redispatches: 'wredis',
  clientAborts: 'cli_abrt',
  serverAborts: 'srv_abrt',
  http1xx: 'hrsp_1xx',
  http2xx: 'hrsp_2xx',
  http3xx: 'hrsp_3xx',
  http4xx: 'hrsp_4xx',
  http5xx: 'hrsp_5xx',
  httpOther: 'hrsp_other',
};

export const TrafficCountersSchema = z
  .object(
    Object.fromEntries(
      TRAFFIC_COUNTERS.map((key) => [key, z.number().nullable().meta({ description: COUNTER_COLUMNS[key] })]),
    ) as Record<(typeof TRAFFIC_COUNTERS)[number], z.ZodNullable<z.ZodNumber>>,
  )
  .meta({
    id: 'TrafficCounters',
    description:
      "HAProxy's cumulative counters (CSV column in each description); null where HAProxy leaves the field empty for this proxy or mode",
  });

export const TrafficRatesSchema = z
  .object(
    Object.fromEntries(
      TRAFFIC_COUNTERS.map((key) => [
        key,
        z
          .number()
          .nullable()
          .meta({ description: `${COUNTER_COLUMNS[key]} per second` }),
      ]),
    ) as Record<(typeof TRAFFIC_COUNTERS)[number], z.ZodNullable<z.ZodNumber>>,
  )
  .meta({
    id: 'TrafficRates',
    description:
      'Per second since the previous poll; null on the first poll. A counter that went back (reload, clear counters) counts from zero: never negative',
  });

export const ProxyTimesSchema = z
  .object({
    queueMs: z.number().nullable().meta({ description: 'qtime' }),
    connectMs: z.number().nullable().meta({ description: 'ctime' }),
    responseMs: z.number().nullable().meta({ description: 'rtime' }),
    totalMs: z.number().nullable().meta({ description: 'ttime' }),
  })
  .meta({ id: 'ProxyTimes', description: 'Averages over the last 1024 requests, in ms' });

const lastSessionSec = z
  .number()
  .nullable()
  .meta({ description: 'lastsess: seconds since the last session; null when there never was one' });

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
    queue: counter.extend({ limit: z.number().nullable().meta({ description: 'qlimit (maxqueue)' }) }),
    sessions,
    sessionRate: counter,
    lbTotal: z.number().meta({ description: 'lbtot' }),
    lastSessionSec,
    throttlePct: z
      .number()
      .nullable()
      .meta({ description: 'slowstart throttle in percent; null when not throttled' }),
    counters: TrafficCountersSchema,
    rates: TrafficRatesSchema,
    times: ProxyTimesSchema,
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
    sessions,
    sessionRate: counter,
    queue: counter,
    lastChangeSec: z.number().nullable().meta({ description: "lastchg of the backend's own status" }),
    downtimeSec: z
      .number()
      .nullable()
      .meta({ description: 'seconds without any usable server since HAProxy started' }),
    lbTotal: z.number(),
    lastSessionSec,
    counters: TrafficCountersSchema,
    rates: TrafficRatesSchema,
    times: ProxyTimesSchema,
    servers: z.array(ServerSchema),
  })
  .meta({ id: 'Backend' });

export const ListenerSchema = z
  .object({
    name: z.string(),
    status: z.string().meta({ description: 'OPEN, FULL, STOP … verbatim' }),
    address: z.string().nullable(),
    sessions,
    counters: TrafficCountersSchema,
    rates: TrafficRatesSchema,
  })
  .meta({ id: 'Listener', description: 'a bind line, reported with `option socket-stats`' });

export const FrontendSchema = z
  .object({
    instance: z.string(),
    name: z.string(),
    status: z.string().meta({ description: 'OPEN, STOP or FULL' }),
    mode: z.string().nullable().meta({ description: 'http, tcp …; null before HAProxy 1.7' }),
    sessions,
    sessionRate: counter.extend({ limit: z.number().nullable().meta({ description: 'rate_lim' }) }),
    requestRate: z.object({ current: z.number().nullable(), max: z.number().nullable() }).meta({
      description: "req_rate, req_rate_max: HAProxy's own HTTP requests per second; null in tcp mode",
    }),
    counters: TrafficCountersSchema,
    rates: TrafficRatesSchema,
    listeners: z.array(ListenerSchema),
  })
  .meta({ id: 'Frontend' });

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
    sameProcessAs: z.array(z.string()).meta({
      description:
        'the other sources that read the same HAProxy process (same pid, node and start time), in config order',
    }),
    counted: z.boolean().meta({
      description:
        'false when another source of the same process counts its servers (alerts, pools): each server counts once',
    }),
  })
  .meta({ id: 'Instance' });

export const SnapshotSchema = z
  .object({
    generatedAt: isoTime,
    pollIntervalMs: z.number(),
    instances: z.array(InstanceSchema),
    backends: z.array(BackendSchema),
    frontends: z.array(FrontendSchema),
  })
  .meta({ id: 'Snapshot' });

export type ServerDto = z.infer<typeof ServerSchema>;
export type BackendDto = z.infer<typeof BackendSchema>;
export type FrontendDto = z.infer<typeof FrontendSchema>;
export type ListenerDto = z.infer<typeof ListenerSchema>;
export type InstanceDto = z.infer<typeof InstanceSchema>;
export type SnapshotDto = z.infer<typeof SnapshotSchema>;
