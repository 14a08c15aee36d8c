/**
 * For tests: the rollups as the store kept them before schema 6, one row per bucket, to compare the readers of runs
 * against. Minutes are the domain's rollupSamples over the raw samples (what rollup.ts wrote, window by window),
 * hours the SQL rollup.ts ran on them, and pruning drops whole buckets before a cut.
 */
import {
  rollupBackendSamples,
  rollupSamples,
  type BackendRollupRow,
  type RollupRow,
} from '@/lib/health/rollup-samples';
import { BACKEND_SAMPLE_COLUMNS, toBackendRollupSample, type BackendSampleDbRow } from './backend-rollup';
import { readMeta, writeMeta, type HistoryDb } from './db';
import { coverageByInstance, dimensionBatches, lifeCoverage } from './dimensions';
import type { Retention } from './retention-policy';
import { HOUR_MS, META_HOURS_ROLLED, META_MINUTES_ROLLED, MINUTE_MS } from './rollup';
import { SAMPLE_COLUMNS, toRollupSample, type SampleDbRow } from './server-rollup';
import { TRAFFIC_ROLLUP_COLUMNS, coarserTrafficSql, trafficRollupValues } from './traffic-columns';

/** Rolls minutes [first covered minute, untilMinute) and hours before untilHour, one row per bucket. */
export function rollDense(db: HistoryDb, untilMinute: number, untilHour: number): void {
  const first = db.prepare('SELECT MIN(from_ms) AS at FROM coverage').get() as { at: number };
  const window = { from: Math.floor(first.at / MINUTE_MS) * MINUTE_MS, to: untilMinute * MINUTE_MS };
  const count = (window.to - window.from) / MINUTE_MS;
  const coverage = coverageByInstance(db, window);
  const serverMinute = db.prepare(
    `INSERT INTO rollup_minute (server_id, bucket, up_ms, down_ms, planned_ms, nodata_ms, worst, check_duration_ms,
       check_duration_max_ms, sess_avg, sess_max, rate_avg, rate_max, queue_max, ${TRAFFIC_ROLLUP_COLUMNS})
     VALUES (${marks(24)})`,
  );
  const backendMinute = db.prepare(
    `INSERT INTO backend_rollup_minute (backend_id, bucket, covered_ms, nodata_ms, sess_avg, sess_max, rate_avg,
       rate_max, ${TRAFFIC_ROLLUP_COLUMNS}) VALUES (${marks(18)})`,
  );
  for (const batch of dimensionBatches(db, 'servers')) {
    for (const server of batch) {
      const covered = lifeCoverage(coverage.get(server.instance_id) ?? [], server, window);
      const rows = db
        .prepare(`SELECT ${SAMPLE_COLUMNS} FROM samples WHERE server_id = ? ORDER BY at`)
        .all(server.id) as SampleDbRow[];
      for (const row of rollupSamples(rows.map(toRollupSample), covered, window.from, MINUTE_MS, count))
        serverMinute.run(server.id, row.start / MINUTE_MS, ...serverValues(row));
    }
  }
  for (const batch of dimensionBatches(db, 'backends')) {
    for (const backend of batch) {
      const covered = lifeCoverage(coverage.get(backend.instance_id) ?? [], backend, window);
      const rows = db
        .prepare(`SELECT ${BACKEND_SAMPLE_COLUMNS} FROM backend_samples WHERE backend_id = ? ORDER BY at`)
        .all(backend.id) as BackendSampleDbRow[];
      const samples = rows.map(toBackendRollupSample);
      for (const row of rollupBackendSamples(samples, covered, window.from, MINUTE_MS, count))
        backendMinute.run(backend.id, row.start / MINUTE_MS, ...backendValues(row));
    }
  }
  const covered = 'up_ms + down_ms + planned_ms';
  db.exec(
    `INSERT INTO rollup_hour (server_id, bucket, up_ms, down_ms, planned_ms, nodata_ms, worst,
       check_duration_ms, check_duration_max_ms, sess_avg, sess_max, rate_avg, rate_max, queue_max,
       ${TRAFFIC_ROLLUP_COLUMNS})
     SELECT server_id, bucket / 60, SUM(up_ms), SUM(down_ms), SUM(planned_ms),
       ${HOUR_MS} - SUM(${covered}), MIN(worst),
       ROUND(SUM(check_duration_ms * (${covered}))
         / SUM(CASE WHEN check_duration_ms IS NULL THEN NULL ELSE ${covered} END), 1),
       MAX(check_duration_max_ms),
       ROUND(SUM(sess_avg * (${covered})) / SUM(${covered}), 1), MAX(sess_max),
       ROUND(SUM(rate_avg * (${covered})) / SUM(${covered}), 1), MAX(rate_max),
       MAX(queue_max),
       ${coarserTrafficSql(covered)}
     FROM rollup_minute WHERE bucket < ${untilHour * 60} GROUP BY server_id, bucket / 60`,
  );
  db.exec(
    `INSERT INTO backend_rollup_hour (backend_id, bucket, covered_ms, nodata_ms, sess_avg, sess_max, rate_avg,
       rate_max, ${TRAFFIC_ROLLUP_COLUMNS})
     SELECT backend_id, bucket / 60, SUM(covered_ms), ${HOUR_MS} - SUM(covered_ms),
       ROUND(SUM(sess_avg * covered_ms) / SUM(covered_ms), 1), MAX(sess_max),
       ROUND(SUM(rate_avg * covered_ms) / SUM(covered_ms), 1), MAX(rate_max),
       ${coarserTrafficSql('covered_ms')}
     FROM backend_rollup_minute WHERE bucket < ${untilHour * 60} GROUP BY backend_id, bucket / 60`,
  );
  writeMeta(db, META_MINUTES_ROLLED, String(untilMinute));
  writeMeta(db, META_HOURS_ROLLED, String(untilHour));
}

/** Retention as it was (retention.ts before schema 6): every bucket before its level's cut goes. */
export function pruneDense(db: HistoryDb, now: number, retention: Retention): void {
  const minutesRolled = Number(readMeta(db, META_MINUTES_ROLLED) ?? 0);
  const hoursRolled = Number(readMeta(db, META_HOURS_ROLLED) ?? 0);
  const rawCut = Math.min(now - retention.rawHours * HOUR_MS, minutesRolled * MINUTE_MS);
  const minuteCut = Math.min(Math.floor((now - retention.minuteDays * DAY_MS) / MINUTE_MS), hoursRolled * 60);
  const hourCut = Math.floor((now - retention.hourDays * DAY_MS) / HOUR_MS);
  const keepFrom = now - retention.hourDays * DAY_MS;
  const deletes: [string, number][] = [
    ['DELETE FROM samples WHERE at < ?', rawCut],
    ['DELETE FROM backend_samples WHERE at < ?', rawCut],
    ['DELETE FROM rollup_minute WHERE bucket < ?', minuteCut],
    ['DELETE FROM backend_rollup_minute WHERE bucket < ?', minuteCut],
    ['DELETE FROM rollup_hour WHERE bucket < ?', hourCut],
    ['DELETE FROM backend_rollup_hour WHERE bucket < ?', hourCut],
    ['DELETE FROM transitions WHERE at < ?', keepFrom],
    ['DELETE FROM coverage WHERE to_ms < ?', keepFrom],
    ['DELETE FROM reloads WHERE at < ?', keepFrom],
  ];
  for (const [sql, cut] of deletes) db.prepare(sql).run(cut);
}

const DAY_MS = 86_400_000;
const marks = (count: number) => Array.from({ length: count }, () => '?').join(', ');

const serverValues = (row: RollupRow) => [
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
];

const backendValues = (row: BackendRollupRow) => [
  row.coveredMs,
  row.noDataMs,
  row.sessionsAvg,
  row.sessionsMax,
  row.rateAvg,
  row.rateMax,
  ...trafficRollupValues(row),
];
