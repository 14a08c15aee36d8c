/** One server's history over a range: samples at a resolution fitted to the range, transitions, no-data, uptime. */
import type { Interval, StatusChange, StatusPoint } from '@/lib/health/history-types';
import { STATUS_SEVERITY } from '@/lib/health/server-status';
import { pickResolution, type Resolution } from '@/lib/health/time-range';
import { serverSegments } from '@/lib/health/timeline';
import type { ServerStatus } from '@/lib/health/types';
import { toUptimeBuckets } from '@/lib/health/uptime-buckets';
import { summarizeSpans } from '@/lib/health/uptime';
import { readMeta, type HistoryDb } from './db';
import type { HistorySample, ServerDimension, ServerHistory } from './history-types';
import type { Retention } from './retention-policy';
import { META_HOURS_ROLLED, META_MINUTES_ROLLED, MINUTE_MS, HOUR_MS } from './rollup';
import { ROLLUP_TABLES, readBuckets, type RollupTable } from './rollup-table';
import { SAMPLE_COLUMNS, type SampleDbRow, type ServerRollupDbRow } from './server-rollup';
import { toStatusPoint } from './status-codes';
import { loadTimelines } from './timelines';
import { toTrafficRollup, toTrafficSample } from './traffic-columns';

export function queryServerHistory(
  db: HistoryDb,
  server: ServerDimension,
  range: Interval,
  options: { now: number; retention: Retention; buckets?: number },
): ServerHistory {
  const resolution = pickResolution(range, options.now, options.retention);
  const timeline = loadTimelines(db, range, { id: server.id })[0];
  const segments = timeline
    ? serverSegments(timeline.input, range)
    : [{ ...range, state: 'no-data' as const, point: null, cause: null }];
  return {
    server,
    range,
    resolution,
    samples: loadSamples(db, server.id, range, resolution),
    transitions: loadTransitions(db, server.id, range),
    noData: segments.filter((s) => s.state === 'no-data').map(({ from, to }) => ({ from, to })),
    uptime: summarizeSpans(segments),
    buckets: options.buckets ? toUptimeBuckets(segments, range, options.buckets) : null,
  };
}

export function loadSamples(
  db: HistoryDb,
  serverId: number,
  range: Interval,
  resolution: Resolution,
): HistorySample[] {
  return readAtResolution(db, range, resolution, {
    raw: (part, afterRollup) => rawSamples(db, serverId, part, afterRollup),
    rollup: (level, part) =>
      rollupSamples(
        db,
        level === 'minute' ? ROLLUP_TABLES.serverMinutes : ROLLUP_TABLES.serverHours,
        serverId,
        part,
      ),
  });
}

/** How one series (a server's, a backend's) is read at each level. */
export interface SeriesReaders<T> {
  /** afterRollup: rollups already cover what comes before, so no earlier sample holds at the start. */
  raw: (range: Interval, afterRollup: boolean) => T[];
  rollup: (level: 'minute' | 'hour', range: Interval) => T[];
}

/** Rollups lag behind now (minutes: ~2 min, hours: up to an hour): the tail comes from the next finer level. */
export function readAtResolution<T>(
  db: HistoryDb,
  range: Interval,
  resolution: Resolution,
  read: SeriesReaders<T>,
): T[] {
  if (resolution === 'raw') return read.raw(range, false);
  const minutesRolled = Number(readMeta(db, META_MINUTES_ROLLED) ?? 0) * MINUTE_MS;
  if (resolution === 'minute') {
    const split = Math.max(range.from, Math.min(range.to, minutesRolled));
    return [
      ...read.rollup('minute', { from: range.from, to: split }),
      ...read.raw({ from: split, to: range.to }, split > range.from),
    ];
  }
  const hoursRolled = Number(readMeta(db, META_HOURS_ROLLED) ?? 0) * HOUR_MS;
  const split = Math.max(range.from, Math.min(range.to, hoursRolled));
  return [
    ...read.rollup('hour', { from: range.from, to: split }),
    ...read.rollup('minute', { from: split, to: range.to }),
  ];
}

function rawSamples(db: HistoryDb, serverId: number, range: Interval, afterRollup = false): HistorySample[] {
  if (range.to <= range.from) return [];
  const columns = SAMPLE_COLUMNS;
  const inside = db
    .prepare(`SELECT ${columns} FROM samples WHERE server_id = ? AND at >= ? AND at < ? ORDER BY at`)
    .all(serverId, range.from, range.to) as SampleDbRow[];
  // The sample before the range holds at its start (unless rollups already cover what comes before).
  const before = afterRollup
    ? undefined
    : (db
        .prepare(`SELECT ${columns} FROM samples WHERE server_id = ? AND at < ? ORDER BY at DESC LIMIT 1`)
        .get(serverId, range.from) as SampleDbRow | undefined);
  const rows = before ? [{ ...before, at: range.from }, ...inside] : inside;
  return rows.map((row) => ({
    at: row.at,
    ...toStatusPoint(row.status, row.transition),
    checkDurationMs: row.check_duration_ms,
    sessions: row.sessions,
    queue: row.queue,
    sessionRate: row.rate,
    ...toTrafficSample(row),
  }));
}

/** One sample per bucket: a stored run gives each bucket it stands for (rollup-table.ts). */
function rollupSamples(
  db: HistoryDb,
  table: RollupTable,
  serverId: number,
  range: Interval,
): HistorySample[] {
  const bucketMs = table.bucketMs;
  return readBuckets<ServerRollupDbRow>(db, table, serverId, range).map((row) => {
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
  });
}

/** severityOf() back to a state: 1 is UP going-down, the others are one status each. */
export function worstPoint(severity: number): StatusPoint {
  if (severity === 1) return { status: 'UP', transition: 'going-down' };
  const status = (Object.keys(STATUS_SEVERITY) as ServerStatus[]).find(
    (s) => STATUS_SEVERITY[s] === severity,
  );
  return { status: status ?? 'DOWN', transition: null };
}

interface TransitionRow {
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

function loadTransitions(db: HistoryDb, serverId: number, range: Interval): StatusChange[] {
  const rows = db
    .prepare('SELECT * FROM transitions WHERE server_id = ? AND at >= ? AND at < ? ORDER BY at, id')
    .all(serverId, range.from, range.to) as TransitionRow[];
  return rows.map(toStatusChange);
}
