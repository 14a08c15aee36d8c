/**
 * Minute rollups from raw samples and hour rollups from minute rollups. Each window is processed in batches of
 * servers (a generator: the caller may yield to the event loop between batches) and rewritten with INSERT OR
 * REPLACE, so running it twice gives the same rows. meta records how far each level is rolled.
 */
import { rollupSamples, type RollupRow, type RollupSample } from '@/lib/health/rollup-samples';
import { normalizeIntervals } from '@/lib/health/timeline';
import type { Interval } from '@/lib/health/history-types';
import { readMeta, writeMeta, type HistoryDb } from './db';
import { toStatusPoint } from './status-codes';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const SERVER_BATCH = 500;
/** A minute is rolled up this long after it ends, when its polls have landed. */
export const ROLLUP_LAG_MS = 2 * MINUTE_MS;
const MINUTES_PER_WINDOW = 60;
const HOURS_PER_WINDOW = 24;

export const META_MINUTES_ROLLED = 'rollup_minute_until';
export const META_HOURS_ROLLED = 'rollup_hour_until';

interface ServerDim {
  id: number;
  instance_id: number;
  first_seen_at: number;
  gone_at: number | null;
}

export function* serverBatches(db: HistoryDb, size = SERVER_BATCH): Generator<ServerDim[]> {
  const page = db.prepare(
    'SELECT id, instance_id, first_seen_at, gone_at FROM servers WHERE id > ? ORDER BY id LIMIT ?',
  );
  let after = 0;
  for (;;) {
    const rows = page.all(after, size) as ServerDim[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

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
    yield* rollupMinuteWindow(db, start, end);
    writeMeta(db, META_MINUTES_ROLLED, String(end));
    start = end;
  }
}

function* rollupMinuteWindow(db: HistoryDb, startMinute: number, endMinute: number): Generator<void> {
  const from = startMinute * MINUTE_MS;
  const to = endMinute * MINUTE_MS;
  const coverage = coverageByInstance(db, { from, to });
  const before = db.prepare(
    `SELECT ${SAMPLE_COLUMNS} FROM samples WHERE server_id = ? AND at < ? ORDER BY at DESC LIMIT 1`,
  );
  const inside = db.prepare(
    `SELECT ${SAMPLE_COLUMNS} FROM samples WHERE server_id = ? AND at >= ? AND at < ? ORDER BY at`,
  );
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO rollup_minute (server_id, bucket, up_ms, down_ms, planned_ms, nodata_ms, worst,
       check_duration_ms, check_duration_max_ms, sess_avg, sess_max, rate_avg, rate_max, queue_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const batch of serverBatches(db)) {
    db.transaction(() => {
      for (const server of batch) {
        const covered = serverCoverage(coverage.get(server.instance_id) ?? [], server, { from, to });
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

/** Rolls hours whose minutes are all rolled, from minute rollups. */
export function* rollupHours(db: HistoryDb): Generator<void> {
  const minutesRolled = readMeta(db, META_MINUTES_ROLLED);
  if (minutesRolled === null) return;
  const until = Math.floor(Number(minutesRolled) / 60);
  const stored = readMeta(db, META_HOURS_ROLLED);
  const first = db.prepare('SELECT MIN(bucket) AS bucket FROM rollup_minute').get() as {
    bucket: number | null;
  };
  if (stored === null && first.bucket === null) return;
  let start = Number(stored ?? Math.floor(first.bucket! / 60));
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO rollup_hour
     SELECT server_id, bucket / 60, SUM(up_ms), SUM(down_ms), SUM(planned_ms),
       ${HOUR_MS} - SUM(up_ms + down_ms + planned_ms), MIN(worst),
       ROUND(SUM(check_duration_ms * (up_ms + down_ms + planned_ms))
         / SUM(CASE WHEN check_duration_ms IS NULL THEN NULL ELSE up_ms + down_ms + planned_ms END), 1),
       MAX(check_duration_max_ms),
       ROUND(SUM(sess_avg * (up_ms + down_ms + planned_ms)) / SUM(up_ms + down_ms + planned_ms), 1), MAX(sess_max),
       ROUND(SUM(rate_avg * (up_ms + down_ms + planned_ms)) / SUM(up_ms + down_ms + planned_ms), 1), MAX(rate_max),
       MAX(queue_max)
     FROM rollup_minute WHERE server_id = ? AND bucket >= ? AND bucket < ? GROUP BY bucket / 60`,
  );
  while (start < until) {
    const end = Math.min(until, start + HOURS_PER_WINDOW);
    for (const batch of serverBatches(db)) {
      db.transaction(() => {
        for (const server of batch) upsert.run(server.id, start * 60, end * 60);
      })();
      yield;
    }
    writeMeta(db, META_HOURS_ROLLED, String(end));
    start = end;
  }
}

export function coverageByInstance(db: HistoryDb, range: Interval): Map<number, Interval[]> {
  const rows = db
    .prepare('SELECT instance_id, from_ms, to_ms FROM coverage WHERE to_ms >= ? AND from_ms < ?')
    .all(range.from, range.to) as { instance_id: number; from_ms: number; to_ms: number }[];
  const byInstance = new Map<number, Interval[]>();
  for (const row of rows) {
    const list = byInstance.get(row.instance_id) ?? [];
    list.push({ from: row.from_ms, to: row.to_ms });
    byInstance.set(row.instance_id, list);
  }
  return byInstance;
}

/** The instance's coverage, limited to the server's life (first seen … gone) and the range. */
export function serverCoverage(
  coverage: readonly Interval[],
  server: { first_seen_at: number; gone_at: number | null },
  range: Interval,
): Interval[] {
  const life = {
    from: Math.max(range.from, server.first_seen_at),
    to: Math.min(range.to, server.gone_at ?? range.to),
  };
  if (life.to <= life.from) return [];
  return normalizeIntervals(coverage, life);
}

export const SAMPLE_COLUMNS = 'at, status, transition, check_duration_ms, sessions, queue, rate';

export interface SampleDbRow {
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
  ];
}
