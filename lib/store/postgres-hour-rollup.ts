/**
 * Hour rollups from minute runs on PostgreSQL, for servers and backends, as rollup.ts rolls them in SQLite: each
 * minute weighs its covered time, a run once for each minute it stands for; a day of hours at a time, a batch of
 * 500 series per statement, written as runs (postgres-run-writer.ts).
 */
import type { Interval } from '@/lib/health/history-types';
import { BACKEND_CODEC, type BackendRollupDbRow } from './backend-rollup';
import { META_HOURS_ROLLED, META_MINUTES_ROLLED } from './meta-keys';
import { inTransaction, row, rows, type PgDb } from './postgres-connection';
import { readMeta, writeMeta } from './postgres-meta';
import { dimensionBatches } from './postgres-rollup';
import { writeRuns, type SeriesWindow } from './postgres-run-writer';
import {
  HOUR_MS,
  HOURS_PER_WINDOW,
  ROLLUP_TABLES,
  type RollupCodec,
  type RollupTable,
  type StoredRun,
} from './rollup-table';
import { SERVER_CODEC, type ServerRollupDbRow } from './server-rollup';
import { coarserTrafficSql, type RoundSql } from './traffic-columns';

const round: RoundSql = (expr, decimals) => `ROUND((${expr})::numeric, ${decimals})::float8`;

/** Rolls hours whose minutes are all rolled, from minute runs (each minute weighs its covered time). */
export async function rollupHours(db: PgDb): Promise<void> {
  const minutesRolled = await readMeta(db, META_MINUTES_ROLLED);
  if (minutesRolled === null) return;
  const until = Math.floor(Number(minutesRolled) / 60);
  const stored = await readMeta(db, META_HOURS_ROLLED);
  const first = (await row<{ bucket: number | null }>(
    db,
    `SELECT LEAST((SELECT MIN(bucket) FROM rollup_minute), (SELECT MIN(bucket) FROM backend_rollup_minute))
       AS bucket`,
  ))!.bucket;
  if (stored === null && first === null) return;
  let start = Number(stored ?? Math.floor(first! / 60));
  while (start < until) {
    const end = Math.min(until, start + HOURS_PER_WINDOW);
    for (const series of HOUR_SERIES) {
      for await (const batch of dimensionBatches(db, series.dimensions)) {
        const ids = batch.map((dimension) => dimension.id);
        await inTransaction(db, () => rollHours(db, series, ids, { from: start, to: end }));
      }
    }
    await writeMeta(db, META_HOURS_ROLLED, String(end));
    start = end;
  }
}

interface HourSeries<R extends { start: number }, D extends StoredRun> {
  dimensions: 'servers' | 'backends';
  table: RollupTable;
  codec: RollupCodec<R, D>;
  /** Groups a batch's minute runs by series and hour: bound $1 ids, $2 first minute, $3 end minute. */
  select: string;
}

async function rollHours<R extends { start: number }, D extends StoredRun>(
  db: PgDb,
  series: HourSeries<R, D>,
  ids: number[],
  window: Interval,
): Promise<void> {
  const hours = await rows<D & { series: number }>(db, series.select, [
    ids,
    window.from * 60,
    window.to * 60,
  ]);
  const bySeries = new Map<number, R[]>(ids.map((id) => [id, []]));
  for (const hour of hours) bySeries.get(hour.series)!.push(series.codec.fromDb(hour, HOUR_MS));
  const batch: SeriesWindow<R>[] = ids.map((id) => ({ id, rows: bySeries.get(id)! }));
  await writeRuns(db, series.table, series.codec, window, batch);
}

const SERVER_WEIGHT = '(up_ms + down_ms + planned_ms) * span';
const BACKEND_WEIGHT = 'covered_ms * span';
const mean = (column: string, weight: string, decimals = 1) =>
  round(`SUM(${column} * ${weight}) / NULLIF(SUM(${weight}), 0)`, decimals);

const SERVER_HOURS: HourSeries<Parameters<typeof SERVER_CODEC.values>[0], ServerRollupDbRow> = {
  dimensions: 'servers',
  table: ROLLUP_TABLES.serverHours,
  codec: SERVER_CODEC,
  select: `SELECT server_id AS series, bucket / 60 AS bucket, SUM(up_ms * span) AS up_ms,
      SUM(down_ms * span) AS down_ms, SUM(planned_ms * span) AS planned_ms,
      ${HOUR_MS} - SUM(${SERVER_WEIGHT}) AS nodata_ms, MIN(worst) AS worst,
      ${round(
        `SUM(check_duration_ms * ${SERVER_WEIGHT})
          / NULLIF(SUM(CASE WHEN check_duration_ms IS NULL THEN NULL ELSE ${SERVER_WEIGHT} END), 0)`,
        1,
      )} AS check_duration_ms,
      MAX(check_duration_max_ms) AS check_duration_max_ms,
      ${mean('sess_avg', SERVER_WEIGHT)} AS sess_avg, MAX(sess_max) AS sess_max,
      ${mean('rate_avg', SERVER_WEIGHT)} AS rate_avg, MAX(rate_max) AS rate_max,
      MAX(queue_max) AS queue_max,
      ${coarserTrafficSql(SERVER_WEIGHT, round)}
    FROM rollup_minute WHERE server_id = ANY($1::int[]) AND bucket >= $2 AND bucket < $3
    GROUP BY server_id, bucket / 60 ORDER BY server_id, 2`,
};

const BACKEND_HOURS: HourSeries<Parameters<typeof BACKEND_CODEC.values>[0], BackendRollupDbRow> = {
  dimensions: 'backends',
  table: ROLLUP_TABLES.backendHours,
  codec: BACKEND_CODEC,
  select: `SELECT backend_id AS series, bucket / 60 AS bucket, SUM(${BACKEND_WEIGHT}) AS covered_ms,
      ${HOUR_MS} - SUM(${BACKEND_WEIGHT}) AS nodata_ms,
      ${mean('sess_avg', BACKEND_WEIGHT)} AS sess_avg, MAX(sess_max) AS sess_max,
      ${mean('rate_avg', BACKEND_WEIGHT)} AS rate_avg, MAX(rate_max) AS rate_max,
      ${coarserTrafficSql(BACKEND_WEIGHT, round)}
    FROM backend_rollup_minute WHERE backend_id = ANY($1::int[]) AND bucket >= $2 AND bucket < $3
    GROUP BY backend_id, bucket / 60 ORDER BY backend_id, 2`,
};

// Each series keeps its own row types; the loop only hands them on.
const HOUR_SERIES = [SERVER_HOURS, BACKEND_HOURS] as unknown as HourSeries<{ start: number }, StoredRun>[];
