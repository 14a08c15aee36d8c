/** Backends' minute rollups from their raw samples and the statement rolling minutes into hours (see rollup.ts). */
import type { Interval } from '@/lib/health/history-types';
import {
  rollupBackendSamples,
  type BackendRollupRow,
  type BackendRollupSample,
} from '@/lib/health/rollup-samples';
import type { HistoryDb } from './db';
import { dimensionBatches, lifeCoverage } from './dimensions';
import {
  TRAFFIC_ROLLUP_COLUMNS,
  TRAFFIC_ROLLUP_COUNT,
  TRAFFIC_SAMPLE_COLUMNS,
  coarserTrafficSql,
  toTrafficSample,
  trafficRollupValues,
  type TrafficDbRow,
} from './traffic-columns';

export const BACKEND_SAMPLE_COLUMNS = `at, sessions, rate, ${TRAFFIC_SAMPLE_COLUMNS}`;
const ROLLUP_COLUMNS = `backend_id, bucket, covered_ms, nodata_ms, sess_avg, sess_max, rate_avg, rate_max,
  ${TRAFFIC_ROLLUP_COLUMNS}`;

/** `window` spans whole buckets of `bucketMs`; `coverage` is each instance's within it. */
export function* rollupBackendMinutes(
  db: HistoryDb,
  window: Interval,
  bucketMs: number,
  coverage: ReadonlyMap<number, Interval[]>,
): Generator<void> {
  const before = db.prepare(
    `SELECT ${BACKEND_SAMPLE_COLUMNS} FROM backend_samples WHERE backend_id = ? AND at < ? ORDER BY at DESC LIMIT 1`,
  );
  const inside = db.prepare(
    `SELECT ${BACKEND_SAMPLE_COLUMNS} FROM backend_samples WHERE backend_id = ? AND at >= ? AND at < ? ORDER BY at`,
  );
  const values = Array.from({ length: 8 + TRAFFIC_ROLLUP_COUNT }, () => '?').join(', ');
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO backend_rollup_minute (${ROLLUP_COLUMNS}) VALUES (${values})`,
  );
  const buckets = (window.to - window.from) / bucketMs;
  for (const batch of dimensionBatches(db, 'backends')) {
    db.transaction(() => {
      for (const backend of batch) {
        const covered = lifeCoverage(coverage.get(backend.instance_id) ?? [], backend, window);
        if (covered.length === 0) continue;
        const rows = [before.get(backend.id, window.from), ...inside.all(backend.id, window.from, window.to)];
        const samples = (rows.filter(Boolean) as BackendSampleDbRow[]).map(toBackendRollupSample);
        for (const row of rollupBackendSamples(samples, covered, window.from, bucketMs, buckets)) {
          upsert.run(backend.id, row.start / bucketMs, ...backendRollupValues(row));
        }
      }
    })();
    yield;
  }
}

/** Runs with (backend id, first minute, end minute): the hours of those minutes, weighted by covered time. */
export function backendHourStatement(db: HistoryDb, hourMs: number) {
  return db.prepare(
    `INSERT OR REPLACE INTO backend_rollup_hour (${ROLLUP_COLUMNS})
     SELECT backend_id, bucket / 60, SUM(covered_ms), ${hourMs} - SUM(covered_ms),
       ROUND(SUM(sess_avg * covered_ms) / SUM(covered_ms), 1), MAX(sess_max),
       ROUND(SUM(rate_avg * covered_ms) / SUM(covered_ms), 1), MAX(rate_max),
       ${coarserTrafficSql('covered_ms')}
     FROM backend_rollup_minute WHERE backend_id = ? AND bucket >= ? AND bucket < ? GROUP BY bucket / 60`,
  );
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

const backendRollupValues = (row: BackendRollupRow): (number | null)[] => [
  row.coveredMs,
  row.noDataMs,
  row.sessionsAvg,
  row.sessionsMax,
  row.rateAvg,
  row.rateMax,
  ...trafficRollupValues(row),
];
