/** Backends' minute rollups from their raw samples and their hours from those minutes (see rollup.ts). */
import type { Interval } from '@/lib/health/history-types';
import {
  rollupBackendSamples,
  type BackendRollupRow,
  type BackendRollupSample,
} from '@/lib/health/rollup-samples';
import { backendRollupChanged } from '@/lib/history/rollup-runs';
import type { HistoryDb } from './db';
import { dimensionBatches, lifeCoverage } from './dimensions';
import { BACKEND_RAW } from './raw-samples';
import { HOUR_MS, hourWriter, MINUTE_MS, ROLLUP_TABLES, runWriter, type RollupCodec } from './rollup-table';
import { rawReader } from './sqlite-raw-samples';
import {
  TRAFFIC_ROLLUP_COLUMNS,
  TRAFFIC_SAMPLE_COLUMNS,
  coarserTrafficSql,
  toTrafficRollup,
  toTrafficSample,
  trafficRollupValues,
  type TrafficDbRow,
} from './traffic-columns';

export const BACKEND_SAMPLE_COLUMNS = `at, sessions, rate, ${TRAFFIC_SAMPLE_COLUMNS}`;

/** `window` (epoch ms) spans whole minutes; `coverage` is each instance's within it. */
export function* rollupBackendMinutes(
  db: HistoryDb,
  window: Interval,
  coverage: ReadonlyMap<number, Interval[]>,
): Generator<void> {
  const read = rawReader(db, BACKEND_RAW);
  const write = runWriter(db, ROLLUP_TABLES.backendMinutes, BACKEND_CODEC);
  const minutes = { from: window.from / MINUTE_MS, to: window.to / MINUTE_MS };
  for (const batch of dimensionBatches(db, 'backends')) {
    db.transaction(() => {
      for (const backend of batch) {
        const covered = lifeCoverage(coverage.get(backend.instance_id) ?? [], backend, window);
        if (covered.length === 0) continue;
        const { before, inside } = read(backend.id, window, true);
        const rows = (before ? [before, ...inside] : inside) as unknown as BackendSampleDbRow[];
        const samples = rows.map(toBackendRollupSample);
        const count = minutes.to - minutes.from;
        write(backend.id, minutes, rollupBackendSamples(samples, covered, window.from, MINUTE_MS, count));
      }
    })();
    yield;
  }
}

/** Rolls one backend's hours (`window` in hours) from its minute runs, each minute weighted by covered time. */
export function backendHours(db: HistoryDb): (id: number, window: Interval) => void {
  const weight = 'covered_ms * span';
  const select = db.prepare(
    `SELECT bucket / 60 AS bucket, SUM(${weight}) AS covered_ms, ${HOUR_MS} - SUM(${weight}) AS nodata_ms,
       ROUND(SUM(sess_avg * ${weight}) / SUM(${weight}), 1) AS sess_avg, MAX(sess_max) AS sess_max,
       ROUND(SUM(rate_avg * ${weight}) / SUM(${weight}), 1) AS rate_avg, MAX(rate_max) AS rate_max,
       ${coarserTrafficSql(weight)}
     FROM backend_rollup_minute WHERE backend_id = ? AND bucket >= ? AND bucket < ? GROUP BY bucket / 60 ORDER BY 1`,
  );
  return hourWriter(db, select, ROLLUP_TABLES.backendHours, BACKEND_CODEC);
}

export interface BackendSampleDbRow extends TrafficDbRow {
  at: number;
  sessions: number;
  rate: number;
}

export const toBackendRollupSample = (row: BackendSampleDbRow): BackendRollupSample => ({
  at: row.at,
  sessions: row.sessions,
  rate: row.rate,
  ...toTrafficSample(row),
});

/** A backend's rollup row as stored (backend_rollup_minute, backend_rollup_hour). */
export interface BackendRollupDbRow extends TrafficDbRow {
  bucket: number;
  span: number;
  covered_ms: number;
  nodata_ms: number;
  sess_avg: number;
  sess_max: number;
  rate_avg: number;
  rate_max: number;
}

/** A backend's rollup rows in buckets of `bucketMs`, as stored and compared (backendRollupChanged). */
export const BACKEND_CODEC: RollupCodec<BackendRollupRow, BackendRollupDbRow> = {
  columns: `covered_ms, nodata_ms, sess_avg, sess_max, rate_avg, rate_max, ${TRAFFIC_ROLLUP_COLUMNS}`,
  values: (row) => [
    row.coveredMs,
    row.noDataMs,
    row.sessionsAvg,
    row.sessionsMax,
    row.rateAvg,
    row.rateMax,
    ...trafficRollupValues(row),
  ],
  fromDb: (row, bucketMs) => ({
    start: row.bucket * bucketMs,
    coveredMs: row.covered_ms,
    noDataMs: row.nodata_ms,
    sessionsAvg: row.sess_avg,
    sessionsMax: row.sess_max,
    rateAvg: row.rate_avg,
    rateMax: row.rate_max,
    ...toTrafficRollup(row),
  }),
  changed: backendRollupChanged,
};
