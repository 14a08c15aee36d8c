import 'server-only';
/** The history API's responses, mapped from the store's results (shapes in lib/api/history-dto.ts). */
import type {
  EventsDto,
  HistoryDto,
  HistorySampleDto,
  IntervalDto,
  TransitionDto,
  UptimeBucketDto,
  UptimeDto,
  UptimeFiguresDto,
} from '@/lib/api/history-dto';
import type { CheckCause, Interval, StatusChange } from '@/lib/health/history-types';
import type { TrafficSample } from '@/lib/health/rollup-samples';
import type { TimeRange } from '@/lib/health/time-range';
import type { UptimeBucket } from '@/lib/health/uptime-buckets';
import type { UptimeFigures } from '@/lib/health/uptime';
import type { HistoryEvent, HistorySample, ServerHistory, UptimeReport } from '@/lib/store';

export const iso = (ms: number) => new Date(ms).toISOString();

/** "L7STS 503: Layer7 wrong status" — check status and code, then the description. */
export function formatCause(cause: CheckCause | null): string | null {
  if (!cause) return null;
  const head = [cause.checkStatus, cause.checkCode]
    .filter((part) => part !== null && part !== undefined)
    .join(' ');
  const text = [head, cause.description].filter(Boolean).join(': ');
  return text || null;
}

const PRECISE_MS = 1000;

export function toTransitionDto(change: StatusChange): TransitionDto {
  return {
    at: iso(change.at),
    from: change.from?.status ?? null,
    to: change.to.status,
    checkStatus: change.checkStatus,
    description: change.description,
    fromTransition: change.from?.transition ?? null,
    toTransition: change.to.transition,
    checkCode: change.checkCode,
    kind: change.kind,
    precise: change.precisionMs <= PRECISE_MS,
    precisionMs: change.precisionMs,
  };
}

function toSampleDto(sample: HistorySample): HistorySampleDto {
  const dto: HistorySampleDto = {
    at: iso(sample.at),
    status: sample.status,
    checkDurationMs: sample.checkDurationMs,
    sessions: sample.sessions,
    queue: sample.queue,
    sessionRate: sample.sessionRate,
    transition: sample.transition,
    ...toTrafficDto(sample),
  };
  const rollup = sample.rollup;
  if (!rollup) return dto;
  return {
    ...dto,
    checkDurationMaxMs: rollup.checkDurationMaxMs,
    http5xxRateMax: rollup.http5xxRateMax,
    responseMaxMs: rollup.responseMaxMs,
    totalMaxMs: rollup.totalMaxMs,
    sessionsMax: rollup.sessionsMax,
    sessionRateMax: rollup.sessionRateMax,
    upSec: rollup.upSec,
    downSec: rollup.downSec,
    plannedSec: rollup.plannedSec,
    noDataSec: rollup.noDataSec,
  };
}

/** The traffic figures under the same names in the store and on the wire. */
export function toTrafficDto(sample: TrafficSample): TrafficSample {
  return {
    http5xxRate: sample.http5xxRate,
    connectionErrorsRate: sample.connectionErrorsRate,
    responseErrorsRate: sample.responseErrorsRate,
    responseMs: sample.responseMs,
    totalMs: sample.totalMs,
    bytesInRate: sample.bytesInRate,
    bytesOutRate: sample.bytesOutRate,
  };
}

export function toUptimeFiguresDto(figures: UptimeFigures): UptimeFiguresDto {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    uptimePct: figures.uptimePct === null ? null : Math.round(figures.uptimePct * 10_000) / 10_000,
    upSec: round(figures.upSec),
    downtimeSec: round(figures.downSec),
    plannedSec: round(figures.plannedSec),
    noDataSec: round(figures.noDataSec),
    degradedSec: round(figures.degradedSec),
  };
}

export function toBucketDto(bucket: UptimeBucket): UptimeBucketDto {
  return {
    from: iso(bucket.from),
    to: iso(bucket.to),
    state: bucket.state,
    cause: formatCause(bucket.cause),
    upSec: bucket.upSec,
    downSec: bucket.downSec,
    plannedSec: bucket.plannedSec,
    degradedSec: bucket.degradedSec,
    noDataSec: bucket.noDataSec,
  };
}

export const toIntervalDto = (interval: Interval): IntervalDto => ({
  from: iso(interval.from),
  to: iso(interval.to),
});
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function toHistoryDto(history: ServerHistory, generatedUntil: number | null): HistoryDto {
  return {
    samples: history.samples.map(toSampleDto),
    transitions: history.transitions.map(toTransitionDto),
    instance: history.server.instance,
    backend: history.server.backend,
    server: history.server.server,
    from: iso(history.range.from),
    to: iso(history.range.to),
    resolution: history.resolution,
    noData: history.noData.map(toIntervalDto),
    uptime: toUptimeFiguresDto(history.uptime),
    buckets: history.buckets?.map(toBucketDto) ?? null,
    generatedUntil: isoOrNull(generatedUntil),
  };
}

export function toUptimeDto(
  report: UptimeReport,
  range: TimeRange,
  generatedUntil: number | null,
): UptimeDto {
  return {
    range: range.label ?? 'custom',
    from: iso(range.from),
    to: iso(range.to),
    servers: report.servers.map((s) => ({
      instance: s.server.instance,
      backend: s.server.backend,
      server: s.server.server,
      pool: s.server.pool,
      backup: s.server.backup,
      ...toUptimeFiguresDto(s),
      buckets: s.buckets?.map(toBucketDto) ?? null,
    })),
    backends: report.backends.map((b) => ({
      instance: b.instance,
      backend: b.backend,
      ...toUptimeFiguresDto(b),
      buckets: b.buckets?.map(toBucketDto) ?? null,
    })),
    pools: report.pools.map((p) => ({ pool: p.pool, ...toUptimeFiguresDto(p) })),
    generatedUntil: isoOrNull(generatedUntil),
  };
}

export function toEventsDto(events: readonly HistoryEvent[]): EventsDto {
  return {
    events: events.map((event) => ({
      at: iso(event.at),
      instance: event.instance,
      backend: event.backend,
      server: event.server,
      from: event.from?.status ?? null,
      to: event.to.status,
      durationSec: event.durationMs === null ? null : Math.round(event.durationMs / 1000),
      cause: formatCause(event),
      type: event.to.status === 'DOWN' ? 'downtime' : 'state-change',
      kind: event.kind,
      precise: event.precisionMs <= PRECISE_MS,
    })),
  };
}
