/**
 * GET /api/v1/servers/{instance}/{backend}/{server}/history (shared/reference/api-v1.md) and
 * GET /api/v1/backends/{instance}/{backend}/history. Contract fields first; the rest are additive. The mappers
 * from the store are in lib/history/server/.
 */
import { z } from 'zod';
import { isoTime, name, serverStatus, timeRangeQuery, transition, wholeNumber } from './common';
import { UptimeBucketSchema, UptimeFiguresSchema } from './uptime-figures';

export const HistoryParams = z.object({
  instance: name('source (HAProxy instance) name'),
  backend: name('backend name'),
  server: name('server name'),
});

export const HistoryQuery = timeRangeQuery.extend({
  buckets: wholeNumber(0, 1000).default(0).meta({ description: 'uptime bars to return (0: none)' }),
});

/** What a server's and a backend's samples both carry of their traffic; per second unless the name ends in Ms. */
const trafficFields = {
  http5xxRate: z.number().nullable().meta({ description: 'HTTP 5xx responses per second (hrsp_5xx)' }),
  connectionErrorsRate: z.number().nullable().meta({ description: 'econ per second' }),
  responseErrorsRate: z.number().nullable().meta({ description: 'eresp per second' }),
  responseMs: z.number().nullable().meta({ description: 'rtime; rollups: the mean' }),
  totalMs: z.number().nullable().meta({ description: 'ttime; rollups: the mean' }),
  bytesInRate: z.number().nullable().meta({ description: 'bin, bytes per second' }),
  bytesOutRate: z.number().nullable().meta({ description: 'bout, bytes per second' }),
};
/** The maxima rollups keep: where a peak matters more than the mean. */
const trafficMaxima = {
  http5xxRateMax: z
    .number()
    .nullable()
    .optional()
    .meta({ description: 'rollups only: the highest 5xx rate' }),
  responseMaxMs: z.number().nullable().optional().meta({ description: 'rollups only: the highest rtime' }),
  totalMaxMs: z.number().nullable().optional().meta({ description: 'rollups only: the highest ttime' }),
};

export const HistorySampleSchema = z.object({
  at: isoTime,
  status: serverStatus,
  checkDurationMs: z.number().nullable().meta({ description: "HAProxy's check_duration; rollups: the mean" }),
  sessions: z.number(),
  queue: z.number(),
  sessionRate: z.number(),
  transition,
  checkDurationMaxMs: z
    .number()
    .nullable()
    .optional()
    .meta({ description: 'rollups only: the longest check' }),
  sessionsMax: z.number().optional(),
  sessionRateMax: z.number().optional(),
  upSec: z.number().optional(),
  downSec: z.number().optional(),
  plannedSec: z.number().optional(),
  noDataSec: z.number().optional(),
  ...trafficFields,
  ...trafficMaxima,
});

export const TransitionSchema = z.object({
  at: isoTime.meta({ description: "back-dated from HAProxy's lastchg when that is more precise" }),
  from: serverStatus.nullable(),
  to: serverStatus,
  checkStatus: z.string().nullable(),
  description: z.string().nullable(),
  fromTransition: transition,
  toTransition: transition,
  checkCode: z.number().nullable(),
  kind: z.enum(['observed', 'between-polls', 'reload']),
  precise: z.boolean().meta({ description: 'false when `at` is only known to within the poll window' }),
  precisionMs: z.number(),
});

export const IntervalSchema = z.object({ from: isoTime, to: isoTime });

export const HistorySchema = z
  .object({
    samples: z.array(HistorySampleSchema),
    transitions: z.array(TransitionSchema),
    instance: z.string(),
    backend: z.string(),
    server: z.string(),
    from: isoTime,
    to: isoTime,
    resolution: z.enum(['raw', 'minute', 'hour']),
    noData: z.array(IntervalSchema),
    uptime: UptimeFiguresSchema,
    buckets: z.array(UptimeBucketSchema).nullable(),
    generatedUntil: isoTime.nullable().meta({ description: 'history before this time is the demo seed' }),
  })
  .meta({ id: 'History' });

export const BackendHistoryParams = HistoryParams.pick({ instance: true, backend: true });
export const BackendHistoryQuery = timeRangeQuery;

export const BackendHistorySampleSchema = z.object({
  at: isoTime,
  sessions: z.number().meta({ description: 'rollups: the mean' }),
  sessionRate: z.number().meta({ description: 'rollups: the mean' }),
  ...trafficFields,
  sessionsMax: z.number().optional(),
  sessionRateMax: z.number().optional(),
  ...trafficMaxima,
  noDataSec: z.number().optional(),
});

export const BackendHistorySchema = z
  .object({
    instance: z.string(),
    backend: z.string(),
    from: isoTime,
    to: isoTime,
    resolution: z.enum(['raw', 'minute', 'hour']),
    samples: z.array(BackendHistorySampleSchema).meta({
      description:
        "the backend's own HAProxy row, which also counts the 503s it answers when no server is usable",
    }),
    noData: z.array(IntervalSchema),
    generatedUntil: isoTime.nullable().meta({ description: 'history before this time is the demo seed' }),
  })
  .meta({ id: 'BackendHistory' });

export type HistorySampleDto = z.infer<typeof HistorySampleSchema>;
export type TransitionDto = z.infer<typeof TransitionSchema>;
export type IntervalDto = z.infer<typeof IntervalSchema>;
export type HistoryDto = z.infer<typeof HistorySchema>;
export type BackendHistorySampleDto = z.infer<typeof BackendHistorySampleSchema>;
export type BackendHistoryDto = z.infer<typeof BackendHistorySchema>;
