/**
 * What both stores read for history (history-query.ts, postgres-series.ts): a stored sample or rollup row as a
 * history sample, a stored transition as a status change, and one server's history put together. Pure.
 */
import type { Interval, StatusChange, StatusPoint } from '@/lib/health/history-types';
import { STATUS_SEVERITY } from '@/lib/health/server-status';
import type { Resolution } from '@/lib/health/time-range';
import { serverSegments } from '@/lib/health/timeline';
import type { ServerStatus } from '@/lib/health/types';
import { toUptimeBuckets } from '@/lib/health/uptime-buckets';
import { summarizeSpans } from '@/lib/health/uptime';
import type { BackendRollupDbRow, BackendSampleDbRow } from './backend-rollup';
import type { BackendHistorySample, HistorySample, ServerDimension, ServerHistory } from './history-types';
import type { SampleDbRow, ServerRollupDbRow } from './server-rollup';
import { toStatusPoint } from './status-codes';
import type { ServerTimeline } from './timeline-rows';
import { toTrafficRollup, toTrafficSample } from './traffic-columns';

/** One server's history, from what was read of it (`timeline` undefined: nothing recorded in the range). */
export function toServerHistory(
  server: ServerDimension,
  range: Interval,
  resolution: Resolution,
  read: {
    timeline: ServerTimeline | undefined;
    samples: HistorySample[];
    transitions: StatusChange[];
    buckets?: number;
  },
): ServerHistory {
  const segments = read.timeline
    ? serverSegments(read.timeline.input, range)
    : [{ ...range, state: 'no-data' as const, point: null, cause: null }];
  return {
    server,
    range,
    resolution,
    samples: read.samples,
    transitions: read.transitions,
    noData: segments.filter((s) => s.state === 'no-data').map(({ from, to }) => ({ from, to })),
    uptime: summarizeSpans(segments),
    buckets: read.buckets ? toUptimeBuckets(segments, range, read.buckets) : null,
  };
}

export function toServerSample(row: SampleDbRow): HistorySample {
  return {
    at: row.at,
    ...toStatusPoint(row.status, row.transition),
    checkDurationMs: row.check_duration_ms,
    sessions: row.sessions,
    queue: row.queue,
    sessionRate: row.rate,
    ...toTrafficSample(row),
  };
}

/** A rollup bucket (one row per bucket, as readBuckets gives them) as a sample with its maxima and time split. */
export function toServerRollupSample(row: ServerRollupDbRow, bucketMs: number): HistorySample {
  const { http5xxRateMax, responseMaxMs, totalMaxMs, ...traffic } = toTrafficRollup(row);
  return {
    at: row.bucket * bucketMs,
    ...worstPoint(row.worst),
    checkDurationMs: row.check_duration_ms,
    sessions: row.sess_avg,
    queue: row.queue_max,
    sessionRate: row.rate_avg,
    ...traffic,
    rollup: {
      bucketMs,
      http5xxRateMax,
      responseMaxMs,
      totalMaxMs,
      checkDurationMaxMs: row.check_duration_max_ms,
      sessionsMax: row.sess_max,
      sessionRateMax: row.rate_max,
      upSec: row.up_ms / 1000,
      downSec: row.down_ms / 1000,
      plannedSec: row.planned_ms / 1000,
      noDataSec: row.nodata_ms / 1000,
    },
  };
}

export function toBackendSample(row: BackendSampleDbRow): BackendHistorySample {
  return { at: row.at, sessions: row.sessions, sessionRate: row.rate, ...toTrafficSample(row) };
}

export function toBackendRollupSample(row: BackendRollupDbRow, bucketMs: number): BackendHistorySample {
  const { http5xxRateMax, responseMaxMs, totalMaxMs, ...traffic } = toTrafficRollup(row);
  return {
    at: row.bucket * bucketMs,
    sessions: row.sess_avg,
    sessionRate: row.rate_avg,
    ...traffic,
    rollup: {
      bucketMs,
      http5xxRateMax,
      responseMaxMs,
      totalMaxMs,
      sessionsMax: row.sess_max,
      sessionRateMax: row.rate_max,
      noDataSec: row.nodata_ms / 1000,
    },
  };
}

/** severityOf() back to a state: 1 is UP going-down, the others are one status each. */
export function worstPoint(severity: number): StatusPoint {
  if (severity === 1) return { status: 'UP', transition: 'going-down' };
  const status = (Object.keys(STATUS_SEVERITY) as ServerStatus[]).find(
    (s) => STATUS_SEVERITY[s] === severity,
  );
  return { status: status ?? 'DOWN', transition: null };
}

export interface TransitionRow {
  at: number;
  precision_ms: number;
  kind: StatusChange['kind'];
  from_status: number | null;
  from_transition: number | null;
  to_status: number;
  to_transition: number;
  check_status: string | null;
  check_code: number | null;
  check_desc: string | null;
}

export function toStatusChange(row: TransitionRow): StatusChange {
  return {
    at: row.at,
    precisionMs: row.precision_ms,
    kind: row.kind,
    from: row.from_status === null ? null : toStatusPoint(row.from_status, row.from_transition ?? 0),
    to: toStatusPoint(row.to_status, row.to_transition),
    checkStatus: row.check_status,
    checkCode: row.check_code,
    description: row.check_desc,
  };
}
