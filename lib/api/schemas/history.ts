/**
 * GET /api/v1/servers/{instance}/{backend}/{server}/history (shared/reference/api-v1.md). Contract fields first;
 * the rest are additive. The mapper from the store is lib/history/server/to-history-dto.ts.
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

export type HistorySampleDto = z.infer<typeof HistorySampleSchema>;
export type TransitionDto = z.infer<typeof TransitionSchema>;
export type IntervalDto = z.infer<typeof IntervalSchema>;
export type HistoryDto = z.infer<typeof HistorySchema>;
