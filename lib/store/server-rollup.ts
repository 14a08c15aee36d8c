/** Servers' minute rollups from their raw samples and their hours from those minutes (see rollup.ts). */
import type { Interval } from '@/lib/health/history-types';
import { rollupSamples, type RollupRow, type RollupSample } from '@/lib/health/rollup-samples';
import { serverRollupChanged } from '@/lib/history/rollup-runs';
import type { HistoryDb } from './db';
import { dimensionBatches, lifeCoverage } from './dimensions';
import { SERVER_RAW } from './raw-samples';
import { HOUR_MS, hourWriter, MINUTE_MS, ROLLUP_TABLES, runWriter, type RollupCodec } from './rollup-table';
import { rawReader } from './sqlite-raw-samples';
import { toStatusPoint } from './status-codes';
import {
  TRAFFIC_ROLLUP_COLUMNS,
  TRAFFIC_SAMPLE_COLUMNS,
  coarserTrafficSql,
  toTrafficRollup,
  toTrafficSample,
  trafficRollupValues,
  type TrafficDbRow,
} from './traffic-columns';

export const SAMPLE_COLUMNS = `at, status, transition, check_duration_ms, sessions, queue, rate, ${TRAFFIC_SAMPLE_COLUMNS}`;

/** A server's raw sample as stored (samples: SAMPLE_COLUMNS). */
export interface SampleDbRow extends TrafficDbRow {
  at: number;
  status: number;
  transition: number;
  check_duration_ms: number | null;
  sessions: number;
  queue: number;
  rate: number;
}

export function toRollupSample(row: SampleDbRow): RollupSample {
  return {
    at: row.at,
    ...toStatusPoint(row.status, row.transition),
    checkDurationMs: row.check_duration_ms,
    sessions: row.sessions,
    queue: row.queue,
    rate: row.rate,
    ...toTrafficSample(row),
  };
}

/** `window` (epoch ms) spans whole minutes; `coverage` is each instance's within it. */
export function* rollupServerMinutes(
  db: HistoryDb,
  window: Interval,
  coverage: ReadonlyMap<number, Interval[]>,
): Generator<void> {
  const { from, to } = window;
  const minutes = { from: from / MINUTE_MS, to: to / MINUTE_MS };
  const read = rawReader(db, SERVER_RAW);
  const write = runWriter(db, ROLLUP_TABLES.serverMinutes, SERVER_CODEC);
  for (const batch of dimensionBatches(db, 'servers')) {
    db.transaction(() => {
      for (const server of batch) {
        const covered = lifeCoverage(coverage.get(server.instance_id) ?? [], server, window);
        if (covered.length === 0) continue;
        const { before, inside } = read(server.id, window, true);
        const rows = (before ? [before, ...inside] : inside) as unknown as SampleDbRow[];
        const samples = rows.map(toRollupSample);
        const buckets = rollupSamples(samples, covered, from, MINUTE_MS, minutes.to - minutes.from);
        write(server.id, minutes, buckets);
      }
    })();
    yield;
  }
}

/**
 * Rolls one server's hours (`window` in hours) from its minute runs: each minute weighs its covered time, a run
 * once for each minute it stands for. Minute runs never cross an hour, so each lies within one.
 */
export function serverHours(db: HistoryDb): (id: number, window: Interval) => void {
  const weight = '(up_ms + down_ms + planned_ms) * span';
  const select = db.prepare(
    `SELECT bucket / 60 AS bucket, SUM(up_ms * span) AS up_ms, SUM(down_ms * span) AS down_ms,
       SUM(planned_ms * span) AS planned_ms, ${HOUR_MS} - SUM(${weight}) AS nodata_ms, MIN(worst) AS worst,
       ROUND(SUM(check_duration_ms * ${weight})
         / SUM(CASE WHEN check_duration_ms IS NULL THEN NULL ELSE ${weight} END), 1) AS check_duration_ms,
       MAX(check_duration_max_ms) AS check_duration_max_ms,
       ROUND(SUM(sess_avg * ${weight}) / SUM(${weight}), 1) AS sess_avg, MAX(sess_max) AS sess_max,
       ROUND(SUM(rate_avg * ${weight}) / SUM(${weight}), 1) AS rate_avg, MAX(rate_max) AS rate_max,
       MAX(queue_max) AS queue_max,
       ${coarserTrafficSql(weight)}
     FROM rollup_minute WHERE server_id = ? AND bucket >= ? AND bucket < ? GROUP BY bucket / 60 ORDER BY 1`,
  );
  return hourWriter(db, select, ROLLUP_TABLES.serverHours, SERVER_CODEC);
}

/** A server's rollup row as stored (rollup_minute, rollup_hour). */
export interface ServerRollupDbRow extends TrafficDbRow {
  bucket: number;
  span: number;
  up_ms: number;
  down_ms: number;
  planned_ms: number;
  nodata_ms: number;
  worst: number;
  check_duration_ms: number | null;
  check_duration_max_ms: number | null;
  sess_avg: number;
  sess_max: number;
  rate_avg: number;
  rate_max: number;
  queue_max: number;
}

/** A server's rollup rows in buckets of `bucketMs`, as stored and compared (serverRollupChanged). */
export const SERVER_CODEC: RollupCodec<RollupRow, ServerRollupDbRow> = {
  columns: `up_ms, down_ms, planned_ms, nodata_ms, worst, check_duration_ms, check_duration_max_ms, sess_avg,
    sess_max, rate_avg, rate_max, queue_max, ${TRAFFIC_ROLLUP_COLUMNS}`,
  values: (row) => [
    row.upMs,
    row.downMs,
    row.plannedMs,
    row.noDataMs,
    row.worstSeverity,
    row.checkDurationMs,
    row.checkDurationMaxMs,
    row.sessionsAvg,
    row.sessionsMax,
    row.rateAvg,
    row.rateMax,
    row.queueMax,
    ...trafficRollupValues(row),
  ],
  fromDb: (row, bucketMs) => ({
    start: row.bucket * bucketMs,
    upMs: row.up_ms,
    downMs: row.down_ms,
    plannedMs: row.planned_ms,
    noDataMs: row.nodata_ms,
    worstSeverity: row.worst,
    checkDurationMs: row.check_duration_ms,
    checkDurationMaxMs: row.check_duration_max_ms,
    sessionsAvg: row.sess_avg,
    sessionsMax: row.sess_max,
    rateAvg: row.rate_avg,
    rateMax: row.rate_max,
    queueMax: row.queue_max,
    ...toTrafficRollup(row),
  }),
  changed: serverRollupChanged,
};
