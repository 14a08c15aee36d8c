/**
 * Minute rollups from raw samples and hour rollups from minute rollups, for servers and for backends. Each window
 * is processed in batches (a generator: the caller may yield to the event loop between batches) and rewritten
 * with INSERT OR REPLACE, so running it twice gives the same rows. meta records how far each level is rolled.
 */
import { rollupSamples, type RollupRow, type RollupSample } from '@/lib/health/rollup-samples';
import { backendHourStatement, rollupBackendMinutes } from './backend-rollup';
import { readMeta, writeMeta, type HistoryDb } from './db';
import { coverageByInstance, dimensionBatches, lifeCoverage } from './dimensions';
import { toStatusPoint } from './status-codes';
import {
  TRAFFIC_ROLLUP_COLUMNS,
  TRAFFIC_ROLLUP_COUNT,
  TRAFFIC_SAMPLE_COLUMNS,
  coarserTrafficSql,
  toTrafficSample,
  trafficRollupValues,
} from './traffic-columns';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
/** A minute is rolled up this long after it ends, when its polls have landed. */
export const ROLLUP_LAG_MS = 2 * MINUTE_MS;
const MINUTES_PER_WINDOW = 60;
const HOURS_PER_WINDOW = 24;

export const META_MINUTES_ROLLED = 'rollup_minute_until';
export const META_HOURS_ROLLED = 'rollup_hour_until';

/** Rolls complete minutes, from where the last run stopped, no further back than `earliest` (epoch ms). */
export function* rollupMinutes(db: HistoryDb, now: number, earliest: number): Generator<void> {
  const until = Math.floor((now - ROLLUP_LAG_MS) / MINUTE_MS);
  const stored = readMeta(db, META_MINUTES_ROLLED);
  const firstCoverage = db.prepare('SELECT MIN(from_ms) AS at FROM coverage').get() as { at: number | null };
  if (stored === null && firstCoverage.at === null) return;
  let start = Math.max(
    Number(stored ?? Math.floor(firstCoverage.at! / MINUTE_MS)),
    Math.floor(earliest / MINUTE_MS),
  );
  while (start < until) {
    const end = Math.min(until, start + MINUTES_PER_WINDOW);
    const window = { from: start * MINUTE_MS, to: end * MINUTE_MS };
    const coverage = coverageByInstance(db, window);
    yield* rollupServerMinutes(db, start, end, coverage);
    yield* rollupBackendMinutes(db, window, MINUTE_MS, coverage);
    writeMeta(db, META_MINUTES_ROLLED, String(end));
    start = end;
  }
}

function* rollupServerMinutes(
  db: HistoryDb,
  startMinute: number,
  endMinute: number,
  coverage: ReturnType<typeof coverageByInstance>,
): Generator<void> {
  const from = startMinute * MINUTE_MS;
  const to = endMinute * MINUTE_MS;
  const before = db.prepare(
    `SELECT ${SAMPLE_COLUMNS} FROM samples WHERE server_id = ? AND at < ? ORDER BY at DESC LIMIT 1`,
  );
  const inside = db.prepare(
    `SELECT ${SAMPLE_COLUMNS} FROM samples WHERE server_id = ? AND at >= ? AND at < ? ORDER BY at`,
  );
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO rollup_minute (server_id, bucket, up_ms, down_ms, planned_ms, nodata_ms, worst,
       check_duration_ms, check_duration_max_ms, sess_avg, sess_max, rate_avg, rate_max, queue_max,
       ${TRAFFIC_ROLLUP_COLUMNS}) VALUES (${placeholders(14 + TRAFFIC_ROLLUP_COUNT)})`,
  );
  for (const batch of dimensionBatches(db, 'servers')) {
    db.transaction(() => {
      for (const server of batch) {
        const covered = lifeCoverage(coverage.get(server.instance_id) ?? [], server, { from, to });
        if (covered.length === 0) continue;
        const rows = [before.get(server.id, from), ...inside.all(server.id, from, to)].filter(Boolean);
        const samples = (rows as SampleDbRow[]).map(toRollupSample);
        for (const row of rollupSamples(samples, covered, from, MINUTE_MS, endMinute - startMinute)) {
          upsert.run(server.id, row.start / MINUTE_MS, ...rollupValues(row));
        }
      }
    })();
    yield;
  }
}

/**
 * Polls written late (kept in memory while the store failed) land in minutes that may be rolled already: the next
 * run rolls them again from `from` (epoch ms), and their hours. INSERT OR REPLACE makes that safe.
 */
export function rewindRollups(db: HistoryDb, from: number): void {
  const minute = Math.floor(from / MINUTE_MS);
  const minutes = readMeta(db, META_MINUTES_ROLLED);
  if (minutes !== null && Number(minutes) > minute) writeMeta(db, META_MINUTES_ROLLED, String(minute));
  const hour = Math.floor(from / HOUR_MS);
  const hours = readMeta(db, META_HOURS_ROLLED);
  if (hours !== null && Number(hours) > hour) writeMeta(db, META_HOURS_ROLLED, String(hour));
}

/** Rolls hours whose minutes are all rolled, from minute rollups. */
export function* rollupHours(db: HistoryDb): Generator<void> {
  const minutesRolled = readMeta(db, META_MINUTES_ROLLED);
  if (minutesRolled === null) return;
  const until = Math.floor(Number(minutesRolled) / 60);
  const stored = readMeta(db, META_HOURS_ROLLED);
  const first = db
    .prepare(
      `SELECT MIN(bucket) AS bucket FROM (SELECT MIN(bucket) AS bucket FROM rollup_minute
       UNION ALL SELECT MIN(bucket) FROM backend_rollup_minute)`,
    )
    .get() as { bucket: number | null };
  if (stored === null && first.bucket === null) return;
  let start = Number(stored ?? Math.floor(first.bucket! / 60));
  const covered = 'up_ms + down_ms + planned_ms';
  const servers = db.prepare(
    `INSERT OR REPLACE INTO rollup_hour (server_id, bucket, up_ms, down_ms, planned_ms, nodata_ms, worst,
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
     FROM rollup_minute WHERE server_id = ? AND bucket >= ? AND bucket < ? GROUP BY bucket / 60`,
  );
  const backends = backendHourStatement(db, HOUR_MS);
  while (start < until) {
    const end = Math.min(until, start + HOURS_PER_WINDOW);
    for (const [table, upsert] of [
      ['servers', servers],
      ['backends', backends],
    ] as const) {
      for (const batch of dimensionBatches(db, table)) {
        db.transaction(() => {
          for (const dimension of batch) upsert.run(dimension.id, start * 60, end * 60);
        })();
        yield;
      }
    }
    writeMeta(db, META_HOURS_ROLLED, String(end));
    start = end;
  }
}

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

export const SAMPLE_COLUMNS = `at, status, transition, check_duration_ms, sessions, queue, rate, ${TRAFFIC_SAMPLE_COLUMNS}`;

export interface SampleDbRow {
  at: number;
  status: number;
  transition: number;
  check_duration_ms: number | null;
  sessions: number;
  queue: number;
  rate: number;
  [trafficColumn: string]: number | null;
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

function rollupValues(row: RollupRow): (number | null)[] {
  return [
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
}
